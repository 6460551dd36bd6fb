// A checked-out tree on disk: lists it once, then reads only the files a pass asks for.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotADirectory } from '../errors.js';
import { containsAny, type TreeFile, type TreeSource } from './TreeFile.js';

const PARALLEL_READS = 16;

export function treeFromDirectory(root: string): TreeSource {
  let listing: Promise<string[]> | null = null;
  const list = async (): Promise<string[]> => {
    if (!(await stat(root).then((s) => s.isDirectory(), () => false))) throw new NotADirectory(root);
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(root.length).replace(/^\/+/, ''))
      .filter((path) => !path.startsWith('.git/'))
      .sort();
  };
  return {
    async *files(select, needles) {
      listing ??= list();
      const paths = (await listing).filter(select);
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
        if (containsAny(file.bytes, needles)) yield file;
      }
    },
  };
}
