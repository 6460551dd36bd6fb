// The files of a commit's tree: path → blob id (`git ls-tree -r`), submodules and links left out.
import { gitRecords } from './runGit.js';

export async function listTree(repo: string, commit: string): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for await (const record of gitRecords(repo, ['ls-tree', '-r', '-z', '--full-tree', commit])) {
    // `<mode> <type> <id>\t<path>`
    const tab = record.indexOf(9);
    const header = record.toString('latin1', 0, tab);
    if (!header.startsWith('100')) continue; // regular files only (not 120000 links, 160000 submodules)
    blobs.set(record.toString('utf8', tab + 1), header.slice(header.lastIndexOf(' ') + 1));
  }
  return blobs;
}
