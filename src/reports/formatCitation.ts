// One event as the kernel cites a commit, in plain text ready to paste into an e-mail.
import { BadInput } from '../errors.js';
import type { EventKind, ExportEvent } from '../model.js';
import { formatGitDate } from './formatGitDate.js';
import { wrapForMail } from './wrapForMail.js';

/** The commit half of a citation: its attribution (PRODUCT.md "attribution"). */
export interface CitedCommit {
  /** The full commit id: 40 hex digits (64 in a SHA-256 repository). */
  sha: string;
  /** The subject as git's `%s` gives it. */
  subject: string;
  authorName: string;
  authorEmail: string;
  /** Unix seconds. */
  authorTime: number;
  /** The author's time zone as git writes it: `+0100`, `-0700`. */
  authorTz: string;
  committerName: string;
  committerEmail: string;
  /** The first release tag that contains the commit; null while no release does. */
  release: string | null;
  /** The values of the commit's `Link:` trailers, in message order. */
  links: string[];
}

/** The event half: what the commit did to the symbol. `fromPath` is read for `moved`, the namespaces for `namespace-changed`. */
export type CitedChange = Pick<ExportEvent, 'symbol' | 'path' | 'fromPath' | 'kind' | 'beforeMacro' | 'afterMacro' | 'beforeNamespace' | 'afterNamespace'>;

export type CitationInput = CitedCommit & CitedChange;

const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** The kernel's `core.abbrev = 12` (Documentation/process/submitting-patches.rst). */
const ABBREV = 12;

/** Continuation lines are indented so that a wrapped `Key: value` line still reads as one item. */
const INDENT = '  ';

/**
 * Formats one event as e-mail-ready plain text, each line ending in a newline:
 *
 * ```text
 * commit <first 12 hex digits> ("<subject>")
 * <Kind>: <what happened to the symbol>
 * Author: <name> <<e-mail>>
 * Date: <author date, git's default style, in the commit's own time zone>
 * Committer: <name> <<e-mail>>
 * First release: <tag> | not in a release yet
 * Link: <url>                        (one line per Link: trailer, none without)
 * ```
 *
 * The first line is `git log -1 --pretty=format:'%h ("%s")'` with `core.abbrev = 12`, the form
 * submitting-patches.rst asks for ("Describe your changes"): the subject in full, verbatim (quotes
 * included) and never wrapped, so it can be searched for. The second line is one of
 * `Added: M`, `Removed: M`, `Tightened: M1 -> M2`, `Loosened: M1 -> M2`, `Macro changed: M1 -> M2`
 * (each followed by `for SYMBOL in PATH`, and `, namespace NS` when the export has one),
 * `Namespace changed: NS1 -> NS2 for SYMBOL in PATH` (`none` for no namespace) and
 * `Moved: M for SYMBOL from PATH1 to PATH2` (`M1 -> M2` when the move also changed the macro).
 * The date is git's default date style (`git show`'s `Date:`), chosen over RFC 2822 because it is
 * what a reader finds when they look the commit up. Every line but the first and the `Link:` lines
 * is wrapped at 72 columns, continuation lines indented by two spaces; a word longer than that stays
 * whole. Line breaks inside a field become spaces and its ends are trimmed, as git's `%s` does, so
 * no field can break the layout; empty `Link:` values are left out.
 *
 * @example
 * formatCitation({
 *   sha: '0123456789abcdef0123456789abcdef01234567', subject: 'mm: make foo GPL-only',
 *   authorName: 'Jane Doe', authorEmail: 'jane@example.org', authorTime: 1709644029, authorTz: '+0100',
 *   committerName: 'Andrew Morton', committerEmail: 'akpm@linux-foundation.org',
 *   release: 'v6.9', links: ['https://lore.kernel.org/r/20240305130709.1234-1-jane@example.org'],
 *   symbol: 'foo', path: 'mm/foo.c', fromPath: null, kind: 'tightened',
 *   beforeMacro: 'EXPORT_SYMBOL', afterMacro: 'EXPORT_SYMBOL_GPL', beforeNamespace: null, afterNamespace: null,
 * });
 * // → commit 0123456789ab ("mm: make foo GPL-only")
 * //   Tightened: EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL for foo in mm/foo.c
 * //   Author: Jane Doe <jane@example.org>
 * //   Date: Tue Mar 5 14:07:09 2024 +0100
 * //   Committer: Andrew Morton <akpm@linux-foundation.org>
 * //   First release: v6.9
 * //   Link: https://lore.kernel.org/r/20240305130709.1234-1-jane@example.org
 */
export function formatCitation(input: CitationInput): string {
  if (!COMMIT_ID.test(input.sha)) throw new BadInput('commit id', input.sha, 'expected the full commit id, 40 hexadecimal digits');
  // The kind comes from the store as text; an unknown one is a bug to report, not a line to guess.
  const change = Object.hasOwn(CHANGE, input.kind) ? CHANGE[input.kind] : undefined;
  if (change === undefined) throw new BadInput('event kind', input.kind, `expected one of ${Object.keys(CHANGE).join(', ')}`);
  const head = `commit ${input.sha.slice(0, ABBREV).toLowerCase()} ("${oneLine(input.subject)}")`;
  const body = [
    oneLine(change(input)),
    `Author: ${person(input.authorName, input.authorEmail)}`,
    `Date: ${formatGitDate(input.authorTime, input.authorTz)}`,
    `Committer: ${person(input.committerName, input.committerEmail)}`,
    `First release: ${input.release === null ? 'not in a release yet' : oneLine(input.release)}`,
    ...input.links.map(oneLine).filter((link) => link !== '').map((link) => `Link: ${link}`),
  ];
  return `${head}\n${wrapForMail(body.join('\n'), { indent: INDENT })}\n`;
}

const CHANGE: Record<EventKind, (c: CitedChange) => string> = {
  added: (c) => `Added: ${macro(c.afterMacro)} for ${c.symbol} in ${c.path}${namespace(c.afterNamespace)}`,
  removed: (c) => `Removed: ${macro(c.beforeMacro)} for ${c.symbol} in ${c.path}${namespace(c.beforeNamespace)}`,
  tightened: (c) => `Tightened: ${macros(c)} for ${c.symbol} in ${c.path}${namespace(c.afterNamespace)}`,
  loosened: (c) => `Loosened: ${macros(c)} for ${c.symbol} in ${c.path}${namespace(c.afterNamespace)}`,
  present: (c) => `Present at the start of a shallow history: ${macro(c.afterMacro)} for ${c.symbol} in ${c.path}${namespace(c.afterNamespace)}`,
  'macro-changed': (c) => `Macro changed: ${macros(c)} for ${c.symbol} in ${c.path}${namespace(c.afterNamespace)}`,
  'namespace-changed': (c) => `Namespace changed: ${c.beforeNamespace ?? 'none'} -> ${c.afterNamespace ?? 'none'} for ${c.symbol} in ${c.path}`,
  // A move that also changes the license is both a move and a tightening (PRODUCT.md): say both macros.
  moved: (c) => `Moved: ${macros(c)} for ${c.symbol} from ${c.fromPath ?? 'another file'} to ${c.path}${namespace(c.afterNamespace)}`,
};

function macro(name: string | null): string {
  return name ?? 'none';
}

function macros(c: CitedChange): string {
  return c.beforeMacro === c.afterMacro ? macro(c.afterMacro) : `${macro(c.beforeMacro)} -> ${macro(c.afterMacro)}`;
}

function namespace(name: string | null): string {
  return name === null ? '' : `, namespace ${name}`;
}

function person(name: string, email: string): string {
  const who = [oneLine(name), email === '' ? '' : `<${oneLine(email)}>`].filter((part) => part !== '').join(' ');
  return who === '' ? 'unknown' : who;
}

/** As git's `%s` joins a subject's lines: a stray line break must not start a new citation line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
