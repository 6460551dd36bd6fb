// Fetches what can move a followed rev (`mine --follow --fetch`), and says whether there is anything to fetch from.
import { spawnGit } from './runGit.js';

async function output(repo: string, args: string[], okStatuses?: readonly number[]): Promise<string> {
  const { child, finished } = spawnGit(repo, args, okStatuses);
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  await finished;
  return text;
}

/** The repository's remotes, by name. */
export async function remotesOf(repo: string): Promise<string[]> {
  return (await output(repo, ['remote'])).split('\n').filter((name) => name !== '');
}

/**
 * The remote a fetch must ask so that `rev` can move: the remote of a remote-tracking branch
 * (`origin/master`); null for anything else, for which git's default remote is fetched (the current
 * branch's upstream, else `origin`; a mirror clone's branches are its remote's).
 */
export async function remoteOf(repo: string, rev: string): Promise<string | null> {
  // --verify: without it, rev-parse echoes `--end-of-options` too.
  const full = (await output(repo, ['rev-parse', '--verify', '--quiet', '--symbolic-full-name', '--end-of-options', rev], [0, 1, 128])).trim();
  if (!full.startsWith('refs/remotes/')) return null;
  // Remote names may hold slashes: the longest that prefixes the ref is its remote.
  const matching = (await remotesOf(repo)).filter((name) => full.startsWith(`refs/remotes/${name}/`));
  return matching.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * `git fetch` of `remote` (null: git's default); a failure rejects with git's first line of complaint.
 * The signal ends the fetch (a fetch that waits on a network must not keep a stop waiting).
 */
export async function fetchRemote(repo: string, remote: string | null, signal?: AbortSignal): Promise<void> {
  // A remote's name comes from `git remote`, which refuses names that look like options.
  const { child, finished } = spawnGit(repo, ['fetch', '--quiet', ...(remote === null ? [] : [remote])]);
  child.stdout.resume();
  const kill = (): void => void child.kill();
  signal?.addEventListener('abort', kill, { once: true });
  try {
    await finished;
  } finally {
    signal?.removeEventListener('abort', kill);
  }
}
