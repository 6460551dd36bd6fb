// The raw changes between two commits' trees (`git diff-tree -r --raw`), as the commit stream gives them.
import { gitRecords } from './runGit.js';
import type { RawChange } from './streamCommits.js';

export async function diffTrees(repo: string, from: string, to: string): Promise<RawChange[]> {
  const changes: RawChange[] = [];
  let header: string | null = null;
  for await (const record of gitRecords(repo, ['diff-tree', '-r', '--raw', '--no-renames', '--no-abbrev', '-z', from, to])) {
    if (header === null) {
      header = record.toString('latin1');
      continue;
    }
    // `:<old mode> <new mode> <old blob> <new blob> <status>` then the path
    const [, , oldBlob, blob] = header.slice(1).split(' ');
    changes.push({ path: record.toString('utf8'), parentBlobs: [oldBlob!], blob: blob! });
    header = null;
  }
  return changes;
}
