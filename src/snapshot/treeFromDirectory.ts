// A checked-out tree on disk. `git grep --no-index` finds the files holding any needle (threaded,
// one pass for all needles); only those are read.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotADirectory } from '../errors.js';
import { gitRecords } from '../git/runGit.js';
import type { TreeFile, TreeSource } from './TreeFile.js';

const PARALLEL_READS = 16;

export function treeFromDirectory(root: string): TreeSource {
  return {
    async *files(select, needles) {
      if (!(await stat(root).then((s) => s.isDirectory(), () => false))) throw new NotADirectory(root);
      const paths: string[] = [];
      // Exit status 1 means "no match". `--no-index` reads the directory as files, git or not.
      const grep = ['grep', '--no-index', '-l', '-z', '-F', ...needles.flatMap((needle) => ['-e', needle]), '--', '.'];
      for await (const record of gitRecords(root, grep, [0, 1])) {
        const path = record.toString('utf8').replace(/^\.\//, '');
        if (!path.startsWith('.git/') && select(path)) paths.push(path);
      }
      paths.sort();
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
        yield file;
      }
    },
  };
}
