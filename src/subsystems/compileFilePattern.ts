// One MAINTAINERS F:/X: pattern compiled and matched exactly as scripts/get_maintainer.pl does.

/** An F:/X: pattern ready to test paths against; built once, tested many times. */
export interface FilePattern {
  /** The pattern as written in MAINTAINERS (or in a groups file). */
  source: string;
  /** get_maintainer.pl's regex text: `.` → `\.`, `*` → `.*`, `?` → `.`, and a `/` added to a directory. */
  regexText: string;
  regex: RegExp;
  /** Ends with `/`: matches everything below, at any depth. */
  recursive: boolean;
  /** Slashes in `regexText`; a non-recursive pattern only matches paths with exactly as many. */
  slashes: number;
  /** get_maintainer.pl's "pattern depth": how specific a match through this pattern is. */
  depth: number;
  /** The literal directory every matching path starts with (`''` when the pattern starts with a wildcard). */
  directory: string;
  /** The character every matching path has right after `directory`, or `''` when it may vary. */
  next: string;
}

export interface PatternOptions {
  /**
   * Whether a path is a directory of the tree. get_maintainer.pl adds the missing trailing `/` to a
   * pattern that names a directory (`-d $value`, relative to the top of the tree). Without it, no
   * pattern is taken for a directory.
   */
  isDirectory?: (path: string) => boolean;
}

/**
 * Compiles one pattern the way get_maintainer.pl's read_maintainer_file() converts it. Throws a
 * SyntaxError when the result is not a valid regular expression (Perl would die at the first match).
 *
 * @example
 * const p = compileFilePattern('drivers/vfio/*');
 * matchesFilePattern(p, 'drivers/vfio/vfio_main.c') // → true
 * matchesFilePattern(p, 'drivers/vfio/pci/vfio_pci.c') // → false: `dir/*` does not recurse
 */
export function compileFilePattern(source: string, options: PatternOptions = {}): FilePattern {
  // The three substitutions run one after the other, as in Perl: the `.` of `.*` is not escaped again.
  let regexText = source.replace(/\./g, '\\.').replace(/\*/g, '.*').replace(/\?/g, '.');
  // `-d` sees the converted text, so a directory named with a `.` (now `\.`) never gets its slash: a
  // get_maintainer.pl quirk kept on purpose, so that we answer what it answers.
  if (!regexText.endsWith('/') && regexText !== '' && options.isDirectory?.(regexText)) regexText += '/';
  const regex = new RegExp(`^${regexText}`);
  const recursive = regexText.endsWith('/');
  const slashes = countSlashes(regexText);
  // get_maintainers(): `$value_pd++` unless the pattern ends with `/`; -1 for a pattern that starts with `*`.
  const depth = regexText.startsWith('.*') ? -1 : slashes + (recursive ? 0 : 1);
  const head = literalHead(regexText);
  const directory = head.slice(0, head.lastIndexOf('/') + 1);
  return { source, regexText, regex, recursive, slashes, depth, directory, next: head.charAt(directory.length) };
}

/** get_maintainer.pl's file_match_pattern(): a prefix match, and without a trailing `/` the same number of slashes. */
export function matchesFilePattern(pattern: FilePattern, path: string): boolean {
  if (!pattern.regex.test(path)) return false;
  return pattern.recursive || countSlashes(path) === pattern.slashes;
}

export function countSlashes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('/'); i !== -1; i = text.indexOf('/', i + 1)) n++;
  return n;
}

/**
 * The text every path the regex matches starts with, so an index can skip the patterns that cannot
 * match. It stops at the first metacharacter, and drops the character before a quantifier (`c+`,
 * `a{2}`, `x*` may repeat or leave out the character before them); a `|` anywhere takes the leading
 * `^` away from the other alternatives, so then nothing is certain.
 */
function literalHead(regexText: string): string {
  if (regexText.includes('|')) return '';
  let head = '';
  for (let i = 0; i < regexText.length; i++) {
    const c = regexText[i]!;
    if (c === '\\' && regexText[i + 1] === '.') {
      head += '.';
      i++;
    } else if ('.*?[](){}+^$\\'.includes(c)) {
      return '*?+{'.includes(c) ? head.slice(0, -1) : head;
    } else {
      head += c;
    }
  }
  return head;
}
