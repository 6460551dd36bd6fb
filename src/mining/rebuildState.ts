// Rebuilds the export state of a commit that is not in memory, from a kept state and the diff
// between the two trees, so neither a resumed mine nor an old merge base needs a scan of a tree.
import type { CommitRecord } from '../git/streamCommits.js';
import { scanTree } from '../snapshot/scanTree.js';
import { treeFromCommit } from '../snapshot/treeFromCommit.js';
import type { TreeState } from '../snapshot/TreeState.js';
import { type ReplayGit, replayCommit } from './replayCommit.js';

/**
 * States of commits not in memory (mined in an earlier run, or merge bases forgotten since): derived
 * from a kept state by replaying the diff between the two trees as one change, from the nearest one
 * `near` offers, else from the first state this rebuilt: the one `start` gives (a state an earlier mine
 * stored, looked up only when first needed), or else one scanned from its tree.
 */
export function rebuilder(
  repo: string, git: ReplayGit,
  near: (sha: string) => Kept | undefined,
  start: () => Promise<Kept | null> = () => Promise.resolve(null),
  onTreeScan: () => void = () => {},
): (sha: string) => Promise<TreeState> {
  let stored: Promise<Kept | null> | null = null;
  let scanned: Kept | null = null;
  return async (sha) => {
    const from = near(sha) ?? scanned ?? (scanned = await (stored ??= start()));
    if (!from) {
      onTreeScan();
      scanned = { sha, state: (await scanTree(treeFromCommit(repo, sha))).state };
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
