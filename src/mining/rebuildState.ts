// Rebuilds the export state of a commit that is not in memory, from a kept state and the diff
// between the two trees, so neither a resumed mine nor an old merge base needs a scan of a tree.
import { scanTree } from '../snapshot/scanTree.js';
import { treeFromCommit } from '../snapshot/treeFromCommit.js';
import type { TreeState } from '../snapshot/TreeState.js';
import { changedState, type ReplayGit } from './replayCommit.js';

/** A state to start a rebuild from: its commit, and the state itself (read when first chosen). */
export interface StartingPoint {
  sha: string;
  state: () => Promise<TreeState>;
  /** Whether the state was read already (absent: it is in memory). */
  ready?: () => boolean;
}

/**
 * Reading a stored state and resolving its files takes about as long as replaying the changes of
 * a few hundred commits (60 ms on linux-history), in the unit `distance` measures.
 */
const UNREAD_PENALTY = 500;

export interface RebuildSources {
  /** The nearest state kept in memory. */
  near(sha: string): { sha: string; state: TreeState } | undefined;
  /**
   * States an earlier mine stored (its tips', its newest releases'), whose commits this repository
   * has, in order of preference when distances tie; asked once, when the first rebuild needs them.
   */
  stored(): Promise<StartingPoint[]>;
  /** How far apart two commits' trees probably are (Infinity: unknown, or further than `limit`). */
  distance(a: string, b: string, limit: number): number;
  onTreeScan(): void;
}

/**
 * States of commits not in memory (mined in an earlier run, or merge bases forgotten since): derived
 * from the closest (by `distance`) of the nearest state in memory, the stored states and a tree this
 * scanned before, by applying the diff between the two trees as one change. With none of them, the
 * commit's tree is scanned, and serves as a start for later rebuilds.
 */
export function rebuilder(repo: string, git: ReplayGit, sources: RebuildSources): (sha: string) => Promise<TreeState> {
  let stored: Promise<StartingPoint[]> | null = null;
  const scanned: StartingPoint[] = [];
  return async (sha) => {
    const points = [...(await (stored ??= remembered(sources.stored()))), ...scanned];
    const nearby = sources.near(sha);
    if (nearby) points.push({ sha: nearby.sha, state: () => Promise.resolve(nearby.state) });
    // The closest; of equals, the first (an earlier mine's tip before a state in memory). A stored
    // state not read yet counts as further by what reading it costs, even the state wanted: a kept
    // state a few hundred commits away is replayed to sooner than it is read. The state in memory is
    // measured first: it is most often the closest, and the walks that measure the others stop once
    // they are further.
    let from = points.find((point) => point.sha === sha && point.ready?.() !== false);
    let best = from ? 0 : Infinity;
    let bestRank = Infinity;
    const ranks = from ? [] : [...points.keys()];
    if (nearby && ranks.length > 0) ranks.unshift(ranks.pop()!);
    for (const rank of ranks) {
      const point = points[rank]!;
      const extra = point.ready?.() === false ? UNREAD_PENALTY : 0;
      // A point before the best one wins a tie; one after it must be closer.
      const d = sources.distance(sha, point.sha, best - extra - (rank < bestRank ? 0 : 1)) + extra;
      if (d < best || (d === best && rank < bestRank)) [from, best, bestRank] = [point, d, rank];
    }
    if (!from) {
      sources.onTreeScan();
      const state = (await scanTree(treeFromCommit(repo, sha))).state;
      scanned.push({ sha, state: () => Promise.resolve(state) });
      return state;
    }
    const [changes, start] = await Promise.all([git.diffTrees(from.sha, sha), from.state()]);
    return (await changedState(sha, start, changes, git)).state;
  };
}

/** The points, each read from storage at most once. */
async function remembered(points: Promise<StartingPoint[]>): Promise<StartingPoint[]> {
  return (await points).map(({ sha, state }) => {
    let read: Promise<TreeState> | null = null;
    return { sha, state: () => (read ??= state()), ready: () => read !== null };
  });
}
