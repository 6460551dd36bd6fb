// Compiles named groups once into a matcher: which groups a path is in, and why.
import { compileFilePattern, matchesFilePattern, type FilePattern, type PatternOptions } from './compileFilePattern.js';
import type { SubsystemGroup } from './loadGroups.js';
import type { MaintainersEntry } from './parseMaintainers.js';

export interface GroupMatch {
  group: SubsystemGroup;
  /** The group's `files` patterns the path matched. */
  files: string[];
  /** The titles of the path's MAINTAINERS entries that the group's `titles` globs matched. */
  titles: string[];
}

export interface GroupMatcher {
  readonly groups: readonly SubsystemGroup[];
  /** The groups of `path`, in file order, given the real (not catch-all) entries that path matched. */
  match(path: string, entries: readonly MaintainersEntry[]): GroupMatch[];
}

/**
 * @example
 * const groups = compileGroups(loadGroups(text, 'data/subsystems.json'));
 * groups.match('mm/hmm.c', []).map((g) => g.group.name) // → ['HMM']
 */
export function compileGroups(groups: readonly SubsystemGroup[], options: PatternOptions = {}): GroupMatcher {
  const compiled = groups.map((group) => ({
    group,
    files: group.files.map((f): FilePattern => compileFilePattern(f, options)),
    titles: group.titles.map(titleGlob),
  }));
  // A few thousand titles, each asked about again for every path: remember the answer.
  const byTitle = new Map<string, boolean[]>();
  const titleHits = (title: string): boolean[] => {
    let hits = byTitle.get(title);
    if (!hits) byTitle.set(title, (hits = compiled.map((c) => c.titles.some((glob) => glob.test(title)))));
    return hits;
  };

  function match(path: string, entries: readonly MaintainersEntry[]): GroupMatch[] {
    const hitsPerEntry = entries.map((entry) => titleHits(entry.title));
    const matches: GroupMatch[] = [];
    compiled.forEach((c, i) => {
      const files = c.files.filter((pattern) => matchesFilePattern(pattern, path)).map((pattern) => pattern.source);
      const titles = entries.filter((_, e) => hitsPerEntry[e]![i]).map((entry) => entry.title);
      if (files.length > 0 || titles.length > 0) matches.push({ group: c.group, files, titles });
    });
    return matches;
  }

  return { groups, match };
}

/** `VFIO*` → /^VFIO.*$/i: a whole-title glob, case-insensitive, since titles mix cases (`HMM - Heterogeneous ...`). */
function titleGlob(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}
