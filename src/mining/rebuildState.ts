// Rebuilds the export state of a commit that is not in memory, from a kept state and the diff
// between the two trees, so neither a resumed mine nor an old merge base needs a scan of a tree.
import type { CommitRecord } from '../git/streamCommits.js';
import { scanTree } from '../snapshot/scanTree.js';
import { treeFromCommit } from '../snapshot/treeFromCommit.js';
import type { TreeState } from '../snapshot/TreeState.js';
import { type ReplayGit, replayCommit } from './replayCommit.js';

/**
 * States of commits not in memory (mined in an earlier run, or merge bases forgotten since): derived
 * from a kept state by replaying the diff between the two trees as one change. It starts from the
 * closer (by `distance`) of the nearest state `near` offers and the first state this rebuilt from: the
 * one `start` gives (a state an earlier mine stored, looked up when the first rebuild needs it), or
 * else one scanned from its tree.
 */
export function rebuilder(
  repo: string, git: ReplayGit,
  near: (sha: string) => Kept | undefined,
  distance: (a: string, b: string) => number,
  start: () => Promise<Kept | null> = () => Promise.resolve(null),
  onTreeScan: () => void = () => {},
): (sha: string) => Promise<TreeState> {
  let first: Promise<Kept | null> | null = null;
  return async (sha) => {
    const initial = await (first ??= start());
    const nearby = near(sha);
    const from = !initial ? nearby : !nearby || distance(sha, initial.sha) <= distance(sha, nearby.sha) ? initial : nearby;
    if (!from) {
      onTreeScan();
      const scanned = { sha, state: (await scanTree(treeFromCommit(repo, sha))).state };
      first = Promise.resolve(scanned);
      return scanned.state;
    }
    const changes = await git.diffTrees(from.sha, sha);
    const pseudo: CommitRecord = { sha, parents: [from.sha], changes, message: Buffer.alloc(0),
      author: NOBODY, committer: NOBODY };
    return (await replayCommit(pseudo, [from.state], git)).state;
  };
}

type Kept = { sha: string; state: TreeState };

const NOBODY = { name: Buffer.alloc(0), email: Buffer.alloc(0), time: 0, tz: '+0000' };
