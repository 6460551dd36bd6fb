// Reads and validates a named-groups file (data/subsystems.json, or a user's `--groups FILE`).
import { BadGroupsFile } from '../errors.js';
import { compileFilePattern } from './compileFilePattern.js';

/**
 * A named group of paths: subsystems for eras whose MAINTAINERS had no F: lines, or a user's own cut.
 * A path is in the group when it matches one of `files` (F: syntax and get_maintainer.pl semantics), or
 * when one of the real MAINTAINERS entries it matches has a title matching one of `titles`.
 */
export interface SubsystemGroup {
  name: string;
  description: string | null;
  /** Globs on MAINTAINERS titles, whole title, case-insensitive: `*` any text, `?` one character. */
  titles: string[];
  /** F:-style patterns: `dir/` recursive, `dir/*` only the files directly in dir, `*` and `?` wildcards. */
  files: string[];
}

const FILE_FIELDS = ['comment', 'groups'];
const GROUP_FIELDS = ['name', 'description', 'titles', 'files'];

/**
 * Parses the text of a groups file; `source` names it in errors. Throws BadGroupsFile, whose one-line
 * message names the field at fault, for invalid JSON, unknown or mistyped fields, an empty or duplicate
 * name, a group with neither titles nor files, or a pattern that does not compile.
 *
 * @example
 * loadGroups('{ "groups": [{ "name": "HMM", "files": ["mm/hmm*", "include/linux/hmm*"] }] }', 'hmm.json')
 * // → [{ name: 'HMM', description: null, titles: [], files: ['mm/hmm*', 'include/linux/hmm*'] }]
 */
export function loadGroups(text: string, source: string): SubsystemGroup[] {
  const bad = (field: string, problem: string): BadGroupsFile => new BadGroupsFile(source, field, problem);
  let document: unknown;
  try {
    // An editor may have saved it with a byte-order mark, which JSON.parse refuses.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw bad('', `not valid JSON (${String((error as Error).message).split('\n')[0]})`);
  }
  if (!isObject(document)) throw bad('', 'must be an object with a "groups" array');
  checkFields(document, FILE_FIELDS, '', bad);
  if (document.comment !== undefined && typeof document.comment !== 'string') throw bad('comment', 'must be a string');
  if (!Array.isArray(document.groups)) throw bad('groups', 'must be an array of groups');

  const seen = new Set<string>();
  return document.groups.map((raw: unknown, i: number): SubsystemGroup => {
    const at = `groups[${i}]`;
    if (!isObject(raw)) throw bad(at, 'must be an object with a "name"');
    checkFields(raw, GROUP_FIELDS, at, bad);
    const { name, description } = raw;
    if (typeof name !== 'string' || name.trim() === '' || name !== name.trim() || /[\u0000-\u001f\u007f]/.test(name)) {
      throw bad(`${at}.name`, 'must be a non-empty name without leading or trailing blanks or control characters');
    }
    if (seen.has(name.toLowerCase())) throw bad(`${at}.name`, `${JSON.stringify(name)} names two groups`);
    seen.add(name.toLowerCase());
    if (description !== undefined && typeof description !== 'string') throw bad(`${at}.description`, 'must be a string');
    const titles = stringList(raw.titles, `${at}.titles`, bad);
    const files = stringList(raw.files, `${at}.files`, bad);
    files.forEach((pattern, j) => {
      try {
        compileFilePattern(pattern);
      } catch {
        throw bad(`${at}.files[${j}]`, `${JSON.stringify(pattern)} is not a valid F: pattern`);
      }
    });
    if (titles.length === 0 && files.length === 0) throw bad(at, `group ${JSON.stringify(name)} needs "titles" or "files"`);
    return { name, description: description ?? null, titles, files };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unknown fields are refused, so that a typo (`"file": [...]`) is not a group that silently matches nothing. */
function checkFields(object: Record<string, unknown>, allowed: string[], at: string, bad: (field: string, problem: string) => Error): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw bad(at ? `${at}.${key}` : key, `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

function stringList(value: unknown, at: string, bad: (field: string, problem: string) => Error): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw bad(at, 'must be an array of strings');
  value.forEach((item: unknown, j) => {
    if (typeof item !== 'string' || item === '') throw bad(`${at}[${j}]`, 'must be a non-empty string');
  });
  return value as string[];
}
