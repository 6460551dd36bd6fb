// The commits reachable from a tip and not from any of `exclude`, parents first, with their parents and dates.
import { spawnGit } from './runGit.js';

export interface CommitLink {
  sha: string;
  parents: string[];
  /** The committer date, in seconds since the epoch. */
  time: number;
}

export async function listCommits(repo: string, tip: string, exclude: readonly string[]): Promise<CommitLink[]> {
  // Exclusions go through stdin: a frontier can be longer than a command line.
  const { child, finished } = spawnGit(repo, ['rev-list', '--topo-order', '--reverse', '--parents', '--timestamp', '--stdin', tip]);
  child.stdin.on('error', () => {});
  child.stdin.end(exclude.map((sha) => `^${sha}\n`).join(''));
  let text = '';
  child.stdout.setEncoding('latin1').on('data', (chunk: string) => (text += chunk));
  await finished;
  return text.split('\n').filter((line) => line !== '').map((line) => {
    const [time, sha, ...parents] = line.split(' ');
    return { sha: sha!, parents, time: Number(time) };
  });
}
