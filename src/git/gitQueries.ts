// Short git questions the miner asks: ancestry, tags, reachable commits, a file at a commit.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { gitRecords, gitText, spawnGit } from './runGit.js';

/** Whether `ancestor` is reachable from `descendant` (false too when `ancestor` no longer exists). */
export async function isAncestor(repo: string, ancestor: string, descendant: string): Promise<boolean> {
  const { finished } = spawnGit(repo, ['merge-base', '--is-ancestor', ancestor, descendant], [0, 1, 128]);
  return (await finished) === 0;
}

/** Every tag with the commit it points at (annotated tags peeled). */
export async function listTags(repo: string): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  const format = '%(refname:short) %(objectname) %(*objectname)';
  const text = await gitText(repo, ['for-each-ref', `--format=${format}`, 'refs/tags']);
  for (const line of text.split('\n')) {
    const [name, object, peeled] = line.split(' ');
    if (name && object) tags.set(name, peeled || object);
  }
  return tags;
}

/** Every commit reachable from `tip`. */
export async function reachableFrom(repo: string, tip: string): Promise<string[]> {
  const text = await gitText(repo, ['rev-list', tip], [0], 'latin1');
  return text.split('\n').filter((line) => line !== '');
}

/** The content of `path` in a commit's tree, or null when the commit has no such file. */
export async function readFileAt(repo: string, commit: string, path: string): Promise<Buffer | null> {
  const { child, finished } = spawnGit(repo, ['cat-file', '-e', `${commit}:${path}`], [0, 1, 128]);
  child.stdout.resume();
  if ((await finished) !== 0) return null;
  const read = spawnGit(repo, ['cat-file', 'blob', `${commit}:${path}`]);
  const chunks: Buffer[] = [];
  read.child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await read.finished;
  return Buffer.concat(chunks);
}

/** The commits where a shallow clone's history is cut (empty for a full repository). */
export async function shallowBoundary(repo: string): Promise<Set<string>> {
  const text = await gitText(repo, ['rev-parse', '--is-shallow-repository', '--git-path', 'shallow']);
  const [shallow, file] = text.trim().split('\n');
  if (shallow !== 'true' || !file) return new Set();
  const contents = await readFile(isAbsolute(file) ? file : join(repo, file), 'latin1');
  return new Set(contents.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)));
}
