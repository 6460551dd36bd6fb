// The subsystems of one path, old or current: its MAINTAINERS entries, or its nearest directory's, and its groups.
import { posix } from 'node:path';
import type { Subsystem } from '../model.js';
import type { GroupMatch, GroupMatcher } from './compileGroups.js';
import type { MaintainersMatch, MaintainersMatcher } from './compileMaintainers.js';
import type { PathTree } from './treeOfPaths.js';

export interface SubsystemContext {
  /** Built from the MAINTAINERS of the mined tip, used for the whole history. */
  maintainers: MaintainersMatcher;
  groups: GroupMatcher;
  /** The tree that MAINTAINERS belongs to: says which paths still exist. */
  tree: PathTree;
}

export interface PathSubsystems {
  path: string;
  /** Every entry matched (catch-alls included), deepest first, the most specific marked. */
  entries: MaintainersMatch[];
  /**
   * Set when `path` is not in the tree and matched only catch-alls: the nearest existing directory
   * above it, whose entries (as get_maintainer.pl gives them for `dir/`) `entries` then are.
   */
  fallback: string | null;
  groups: GroupMatch[];
  /** Real entries (most specific first), then groups; empty means "no subsystem". */
  subsystems: Subsystem[];
}

/**
 * Subsystems for a path from any era. A file deleted long ago still matches directory and glob
 * patterns; when it matches nothing but THE REST (its own file pattern went with it), the entries that
 * claim its nearest surviving directory stand in, e.g. `drivers/net/ethernet/intel/*` for a file of
 * a removed `drivers/net/ethernet/intel/old/`. A path that exists in the tree gets no fallback: if only
 * THE REST claims it, it has no subsystem. Catch-alls never count as subsystems (see isCatchAll).
 *
 * @example
 * subsystemsForPath('drivers/vfio/vfio_main.c', context).subsystems
 * // → [{ kind: 'maintainers', name: 'VFIO DRIVER' }, { kind: 'group', name: 'VFIO' }]
 */
export function subsystemsForPath(path: string, context: SubsystemContext): PathSubsystems {
  const { maintainers, groups, tree } = context;
  let entries = maintainers.match(path);
  let fallback: string | null = null;
  if (!entries.some(isReal) && !tree.hasFile(path)) {
    const directory = nearestDirectory(path, tree);
    const inherited = directory === null ? [] : maintainers.match(`${directory}/`);
    if (inherited.some(isReal)) {
      entries = inherited;
      fallback = directory;
    }
  }
  const real = entries.filter(isReal).map((m) => m.entry);
  const groupMatches = groups.match(path, real);
  const subsystems: Subsystem[] = [
    ...real.map((entry): Subsystem => ({ kind: 'maintainers', name: entry.title })),
    ...groupMatches.map((g): Subsystem => ({ kind: 'group', name: g.group.name })),
  ];
  return { path, entries, fallback, groups: groupMatches, subsystems };
}

function isReal(match: MaintainersMatch): boolean {
  return !match.catchAll;
}

/** The deepest existing directory above `path`; null at the top of the tree, which only THE REST claims. */
function nearestDirectory(path: string, tree: PathTree): string | null {
  for (let directory = posix.dirname(path.replace(/\/+$/, '')); directory !== '.' && directory !== '/'; directory = posix.dirname(directory)) {
    if (tree.isDirectory(directory)) return directory;
  }
  return null;
}
