// PRODUCT.md "What must be true" 3 as the tests check it: the export set that replaying the events
// gives at a commit, against the one a fresh scan of its tree finds. Import after isolateGit.
import { differences, exportSetOf } from '../../src/mining/exportSetOf.js';
import type { ExportSet } from '../../src/mining/replayEvents.js';
import { scanTree } from '../../src/snapshot/scanTree.js';
import { treeFromCommit } from '../../src/snapshot/treeFromCommit.js';

/** Where the replayed set at `sha` and a scan of its tree differ (empty when they agree). */
export async function replayVersusScan(repoDir: string, sha: string, replayed: ExportSet): Promise<string[]> {
  return differences(replayed, exportSetOf((await scanTree(treeFromCommit(repoDir, sha))).exports));
}
