// A commit's tree, read from git without a checkout: `git grep` finds the candidate files
// (threaded, in C), `ls-tree` names their blobs, one `cat-file --batch` reads them.
import { CatFileBatch } from '../git/CatFileBatch.js';
import { listTree } from '../git/listTree.js';
import { resolveCommit } from '../git/resolveCommit.js';
import { gitRecords } from '../git/runGit.js';
import type { TreeSource } from './TreeFile.js';

export function treeFromCommit(repo: string, rev: string): TreeSource {
  let resolving: Promise<{ commit: string; blobs: Map<string, string> }> | null = null;
  const resolve = async (): Promise<{ commit: string; blobs: Map<string, string> }> => {
    const commit = await resolveCommit(repo, rev);
    return { commit, blobs: await listTree(repo, commit) };
  };
  return {
    async *files(select, needles) {
      const { commit, blobs } = await (resolving ??= resolve());
      const paths: string[] = [];
      // Exit status 1 means "no match", which is an answer, not a failure.
      const grep = ['grep', '-l', '-z', '-F', ...needles.flatMap((needle) => ['-e', needle]), commit, '--'];
      for await (const record of gitRecords(repo, grep, [0, 1])) {
        const path = record.toString('utf8').slice(commit.length + 1); // each name comes as `<commit>:<path>`
        if (select(path) && blobs.has(path)) paths.push(path);
      }
      const batch = new CatFileBatch(repo);
      try {
        for (const path of paths.sort()) {
          const blob = blobs.get(path)!;
          const bytes = await batch.read(blob);
          if (bytes) yield { path, bytes, blob };
        }
      } finally {
        await batch.close();
      }
    },
  };
}
