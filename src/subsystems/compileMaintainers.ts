// Compiles MAINTAINERS entries once into a matcher that answers, for a path, what get_maintainer.pl answers.
import { compileFilePattern, matchesFilePattern, type PatternOptions } from './compileFilePattern.js';
import { isCatchAll } from './isCatchAll.js';
import type { MaintainersEntry } from './parseMaintainers.js';
import { PatternIndex } from './PatternIndex.js';
import { perlRegex } from './perlRegex.js';

/** One F: or N: line of an entry that matched the path: what to show a user who asks why. */
export interface MatchedPattern {
  kind: 'F' | 'N';
  pattern: string;
  line: number;
  /** get_maintainer.pl's pattern depth of this line for this path: N: lines count 0, `*…` lines -1. */
  depth: number;
}

export interface MaintainersMatch {
  entry: MaintainersEntry;
  /** The entry's position in MAINTAINERS. */
  index: number;
  /** The entry's depth for this path, by which get_maintainer.pl orders its answer. */
  depth: number;
  /** The line that set `depth`: the last matching F:/N: line of the entry. */
  pattern: MatchedPattern;
  /** Every matching F:/N: line of the entry, in file order. */
  patterns: MatchedPattern[];
  /** No other matching entry is deeper (several entries can tie). */
  mostSpecific: boolean;
  /** THE REST or another catch-all (see isCatchAll): it matches, but names no real subsystem. */
  catchAll: boolean;
}

export interface MaintainersMatcher {
  readonly entries: readonly MaintainersEntry[];
  /**
   * Every entry get_maintainer.pl would list for `path` (relative to the top of the tree, no leading
   * `./`; a directory ends with `/`), deepest first, then in MAINTAINERS order.
   */
  match(path: string): MaintainersMatch[];
}

interface Owner {
  entry: number;
  line: number;
}

/**
 * Builds the matcher: every pattern is compiled once and indexed by its literal directory.
 *
 * Semantics follow get_maintainers() in scripts/get_maintainer.pl: an entry with a matching X: line is
 * skipped whole (its F: and N: lines too); otherwise each matching F: or N: line makes it match, and its
 * depth is that of the *last* matching line, because the Perl code overwrites `$hash{$tvi}` for each one.
 * get_maintainer.pl sorts equal depths in Perl hash order (that is, at random); here they keep
 * MAINTAINERS order and are all marked `mostSpecific`.
 *
 * @example
 * const matcher = compileMaintainers(parseMaintainers(text).entries, { isDirectory: (p) => tree.isDirectory(p) });
 * matcher.match('drivers/vfio/vfio_main.c')[0]?.entry.title // → 'VFIO DRIVER'
 */
export function compileMaintainers(entries: readonly MaintainersEntry[], options: PatternOptions = {}): MaintainersMatcher {
  const files = new PatternIndex<Owner>();
  const excludes = new PatternIndex<Owner>();
  const regexes: Array<Owner & { regex: RegExp; pattern: string }> = [];
  entries.forEach((entry, index) => {
    for (const { pattern, line } of entry.files) files.add(compileFilePattern(pattern, options), { entry: index, line });
    for (const { pattern, line } of entry.excludes) excludes.add(compileFilePattern(pattern, options), { entry: index, line });
    for (const { pattern, line } of entry.regexes) regexes.push({ entry: index, line, pattern, regex: perlRegex(pattern) });
  });
  const catchAll = entries.map(isCatchAll);

  function match(path: string): MaintainersMatch[] {
    const excluded = new Set<number>();
    excludes.forEachCandidate(path, (pattern, owner) => {
      if (matchesFilePattern(pattern, path)) excluded.add(owner.entry);
    });
    const hits = new Map<number, MatchedPattern[]>();
    const hit = (entry: number, found: MatchedPattern): void => {
      const list = hits.get(entry);
      if (list) list.push(found);
      else hits.set(entry, [found]);
    };
    files.forEachCandidate(path, (pattern, owner) => {
      if (!excluded.has(owner.entry) && matchesFilePattern(pattern, path)) {
        hit(owner.entry, { kind: 'F', pattern: pattern.source, line: owner.line, depth: pattern.depth });
      }
    });
    for (const n of regexes) {
      if (!excluded.has(n.entry) && n.regex.test(path)) hit(n.entry, { kind: 'N', pattern: n.pattern, line: n.line, depth: 0 });
    }

    const matches: MaintainersMatch[] = [];
    for (const [index, patterns] of hits) {
      patterns.sort((a, b) => a.line - b.line);
      const last = patterns[patterns.length - 1]!;
      matches.push({ entry: entries[index]!, index, depth: last.depth, pattern: last, patterns, mostSpecific: false, catchAll: catchAll[index]! });
    }
    matches.sort((a, b) => b.depth - a.depth || a.index - b.index);
    for (const m of matches) m.mostSpecific = m.depth === matches[0]!.depth;
    return matches;
  }

  return { entries, match };
}
