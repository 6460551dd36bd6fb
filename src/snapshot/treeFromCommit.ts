// A commit's tree, read from git without a checkout: `git grep` finds the candidate files
// (threaded, in C), `ls-tree` names their blobs, one `cat-file --batch` reads them. A file grep
// found only as one where a splice may split a name is kept if the joined bytes hold a needle.
import { CatFileBatch } from '../git/CatFileBatch.js';
import { candidates, grepHolding, grepSplits } from '../git/grepPaths.js';
import { listTree } from '../git/listTree.js';
import { resolveCommit } from '../git/resolveCommit.js';
import { holdsNeedle } from '../exports/splices.js';
import type { TreeSource } from './TreeFile.js';

export function treeFromCommit(repo: string, rev: string): TreeSource {
  let resolving: Promise<{ commit: string; blobs: Map<string, string> }> | null = null;
  // Which files a splice may split a name in does not depend on the needles: grepped once.
  let splits: Promise<string[]> | null = null;
  const resolve = async (): Promise<{ commit: string; blobs: Map<string, string> }> => {
    const commit = await resolveCommit(repo, rev);
    return { commit, blobs: await listTree(repo, commit) };
  };
  return {
    async *files(select, needles) {
      const { commit, blobs } = await (resolving ??= resolve());
      const [holding, maySplit] = await Promise.all([grepHolding(repo, needles, commit), (splits ??= grepSplits(repo, commit))]);
      const wanted = (path: string): boolean => select(path) && blobs.has(path);
      const { paths, splitOnly } = candidates(holding.filter(wanted), maySplit.filter(wanted));
      const batch = new CatFileBatch(repo);
      try {
        for (const path of paths) {
          const blob = blobs.get(path)!;
          const bytes = await batch.read(blob);
          if (bytes && (!splitOnly.has(path) || holdsNeedle(bytes, needles))) yield { path, bytes, blob };
        }
      } finally {
        await batch.close();
      }
    },
  };
}
