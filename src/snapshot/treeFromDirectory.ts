// A checked-out tree on disk. `git grep --no-index` finds the files holding any needle (threaded,
// one pass for all needles, one more for names a splice may split); only those are read.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotADirectory } from '../errors.js';
import { candidates, grepHolding, grepSplits } from '../git/grepPaths.js';
import { holdsNeedle } from '../exports/splices.js';
import type { TreeFile, TreeSource } from './TreeFile.js';

const PARALLEL_READS = 16;

export function treeFromDirectory(root: string): TreeSource {
  // Which files a splice may split a name in does not depend on the needles: grepped once.
  let splits: Promise<string[]> | null = null;
  return {
    async *files(select, needles) {
      if (!(await stat(root).then((s) => s.isDirectory(), () => false))) throw new NotADirectory(root);
      const [holding, maySplit] = await Promise.all([grepHolding(root, needles, null), (splits ??= grepSplits(root, null))]);
      const wanted = (path: string): boolean => !path.startsWith('.git/') && select(path);
      const { paths, splitOnly } = candidates(holding.filter(wanted), maySplit.filter(wanted));
      // Reads run ahead in a small window so the disk and the parser overlap.
      const reads: Promise<TreeFile>[] = [];
      let next = 0;
      const refill = (): void => {
        while (reads.length < PARALLEL_READS && next < paths.length) {
          const path = paths[next++]!;
          reads.push(readFile(join(root, path)).then((bytes) => ({ path, bytes })));
        }
      };
      refill();
      while (reads.length > 0) {
        const file = await reads.shift()!;
        refill();
        if (!splitOnly.has(file.path) || holdsNeedle(file.bytes, needles)) yield file;
      }
    },
  };
}
