// Parses the text of a kernel MAINTAINERS file into its entries: title, people, lists, trees, path rules.
import { compileFilePattern } from './compileFilePattern.js';
import { perlRegex } from './perlRegex.js';

/** One F:, X:, N: or K: line: its value as written and its 1-based line number. */
export interface PatternLine {
  pattern: string;
  line: number;
}

/** One MAINTAINERS entry (get_maintainer.pl's "section"): a title line and the tag lines under it. */
export interface MaintainersEntry {
  title: string;
  /** The 1-based line of the title. */
  line: number;
  /** The first S: line (`Maintained`, `Supported`, `Orphan`, ...), null when there is none. */
  status: string | null;
  maintainers: string[];
  reviewers: string[];
  lists: string[];
  trees: string[];
  /** F: files and directories (`dir/` recursive, `dir/*` not), with `*` and `?` wildcards. */
  files: PatternLine[];
  /** X: exclusions, same syntax as F:, tested first. */
  excludes: PatternLine[];
  /** N: Perl regexes tested anywhere in the path. */
  regexes: PatternLine[];
  /** K: regexes on file contents: kept, never used for paths. */
  keywords: PatternLine[];
}

export type SkipReason = 'stray-line' | 'broken-tag' | 'unknown-tag' | 'empty-pattern' | 'bad-pattern' | 'bad-regex';

export interface SkippedLine {
  line: number;
  reason: SkipReason;
  text: string;
}

export interface ParsedMaintainers {
  entries: MaintainersEntry[];
  /** How many lines after the first entry were skipped: odd lines never stop the parse. */
  skipped: number;
  skippedLines: SkippedLine[];
}

// read_maintainer_file(): a tag is one capital letter and a colon at the start of the line.
const TAG = /^([A-Z]):\s*(.*)$/;
// Looks like a mistyped tag (`f:`, `F ;`): never a title, and never an entry of its own.
const BROKEN_TAG = /^[A-Za-z]\s*[:;]/;
// Blank lines and `#` comments are dropped, as get_maintainer.pl drops them.
const IGNORED = /^\s*(?:#|$)/;
// Tags that say nothing about paths, people or lists: web, patchwork, bugs, chat, profile (P: was a person in 2.4-era files).
const UNUSED_TAGS = new Set(['W', 'Q', 'B', 'C', 'P']);

/**
 * Reads a MAINTAINERS file in one pass. An entry starts at a title line followed by tag lines; the
 * preamble (everything before the first such title, and before the `Maintainers List` header when there
 * is one) never becomes an entry, even where it shows the tags unindented (2.4-era files do).
 *
 * Where get_maintainer.pl would let an odd line cut an entry in two (the odd line becoming the title of
 * the rest), an indented line or a mistyped tag is skipped instead and the entry goes on.
 *
 * @example
 * parseMaintainers('VFIO DRIVER\nM:\tAlex Williamson <alex.williamson@redhat.com>\nS:\tMaintained\nF:\tdrivers/vfio/\n')
 * // → { entries: [{ title: 'VFIO DRIVER', line: 1, status: 'Maintained', files: [{ pattern: 'drivers/vfio/', line: 4 }], ... }], skipped: 0, ... }
 */
export function parseMaintainers(text: string): ParsedMaintainers {
  const lines = text.split(/\r?\n/);
  // nextUseful[i]: the first line at or after i that is not blank or a comment, so every look-ahead is O(1).
  const nextUseful = new Int32Array(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) nextUseful[i] = IGNORED.test(lines[i]!) ? nextUseful[i + 1]! : i;
  const isTag = (i: number): boolean => i < lines.length && TAG.test(lines[i]!);

  const entries: MaintainersEntry[] = [];
  const skippedLines: SkippedLine[] = [];
  const skip = (i: number, reason: SkipReason): void => {
    skippedLines.push({ line: i + 1, reason, text: lines[i]! });
  };
  let current: MaintainersEntry | null = null;
  for (let i = preambleEnd(lines); i < lines.length; i++) {
    const line = lines[i]!;
    if (IGNORED.test(line)) continue;
    const tag = TAG.exec(line);
    if (tag) {
      // Before the first entry a tag line is the preamble's legend (`P: Person`, `M: Mail patches to`).
      // Trailing blanks are trimmed (get_maintainer.pl would keep them in the pattern, which then matches nothing).
      if (current) addTag(current, tag[1]!, tag[2]!.trimEnd(), i, skip);
      continue;
    }
    // The first title must be followed by its tags without a blank line, so a preamble paragraph before
    // the legend is no title; later on, blank lines are tolerated there, as get_maintainer.pl does.
    const titleShaped = !/^\s/.test(line) && !BROKEN_TAG.test(line);
    if (titleShaped && (current ? isTag(nextUseful[i + 1]!) : tagsFollow(lines, i))) {
      current = newEntry(line.trim(), i + 1);
      entries.push(current);
    } else if (current) {
      skip(i, BROKEN_TAG.test(line) ? 'broken-tag' : 'stray-line');
    }
  }
  return { entries, skipped: skippedLines.length, skippedLines };
}

/** Whether tag lines follow line i with no blank line between (comments and mistyped tags aside). */
function tagsFollow(lines: string[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (TAG.test(line)) return true;
    if (!/^\s*#/.test(line) && !BROKEN_TAG.test(line)) return false;
  }
  return false;
}

/** The line after the `Maintainers List` header, or 0 when the text has none (an excerpt, a test). */
function preambleEnd(lines: string[]): number {
  const header = lines.findIndex((line) => line.startsWith('Maintainers List'));
  return header + 1;
}

function newEntry(title: string, line: number): MaintainersEntry {
  return { title, line, status: null, maintainers: [], reviewers: [], lists: [], trees: [], files: [], excludes: [], regexes: [], keywords: [] };
}

function addTag(entry: MaintainersEntry, type: string, value: string, i: number, skip: (i: number, reason: SkipReason) => void): void {
  const line = i + 1;
  switch (type) {
    case 'M': entry.maintainers.push(value); return;
    case 'R': entry.reviewers.push(value); return;
    case 'L': entry.lists.push(value); return;
    case 'T': entry.trees.push(value); return;
    case 'S': entry.status ??= value; return;
    case 'K': entry.keywords.push({ pattern: value, line }); return;
    case 'F':
    case 'X':
    case 'N': {
      // An empty F: would claim every top-level file, an empty N: means "the last regex" to Perl: both are mistakes.
      if (value === '') return skip(i, 'empty-pattern');
      try {
        if (type === 'N') perlRegex(value);
        else compileFilePattern(value);
      } catch {
        return skip(i, type === 'N' ? 'bad-regex' : 'bad-pattern');
      }
      (type === 'F' ? entry.files : type === 'X' ? entry.excludes : entry.regexes).push({ pattern: value, line });
      return;
    }
    default:
      if (!UNUSED_TAGS.has(type)) skip(i, 'unknown-tag');
  }
}
