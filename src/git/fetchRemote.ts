// Fetches what moves a followed rev (`mine --follow --fetch`): which remote, whether a fetch moves the
// rev at all, and the fetch itself, bounded in time.
import { FetchTimedOut, GitFailed } from '../errors.js';
import { gitText, spawnGit } from './runGit.js';

/** Longer than any fetch of a day's work; a fetch stuck on a half-open connection must end some day. */
const FETCH_TIMEOUT_MS = 15 * 60 * 1000;

/** The repository's remotes, by name. */
export async function remotesOf(repo: string): Promise<string[]> {
  return (await gitText(repo, ['remote'])).split('\n').filter((name) => name !== '');
}

export interface FetchPlan {
  /** The remote whose fetch moves the rev; null: none does, and git's default remote is fetched (for tags). */
  remote: string | null;
  /** The rev's full ref name (`refs/remotes/origin/master`); null for a commit id, a tag, `HEAD~3`. */
  ref: string | null;
}

/**
 * Which remote's fetch moves `rev`: the one with a fetch refspec whose destination matches the rev's
 * ref, as `+refs/heads/*:refs/remotes/origin/*` does `origin/master` and a mirror's `+refs/*:refs/*`
 * does `master`. A local branch of an ordinary clone, a tag or a commit id is moved by no fetch.
 */
export async function fetchPlan(repo: string, rev: string): Promise<FetchPlan> {
  // --verify: without it, rev-parse echoes `--end-of-options` too.
  const full = (await gitText(repo, ['rev-parse', '--verify', '--quiet', '--symbolic-full-name', '--end-of-options', rev], [0, 1, 128])).trim();
  const ref = full.startsWith('refs/') ? full : null;
  if (ref === null) return { remote: null, ref };
  const specs = await gitText(repo, ['config', '--get-regexp', String.raw`^remote\..*\.fetch$`], [0, 1]);
  for (const line of specs.split('\n')) {
    const match = /^remote\.(.+)\.fetch (.*)$/.exec(line);
    const destination = match?.[2]!.replace(/^\+/, '').split(':')[1];
    if (match && destination && !match[2]!.startsWith('^') && globMatches(destination, ref)) return { remote: match[1]!, ref };
  }
  return { remote: null, ref };
}

/** A refspec side with at most one `*`, which matches any string, as git's refspecs do. */
function globMatches(pattern: string, ref: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === ref;
  const [head, tail] = [pattern.slice(0, star), pattern.slice(star + 1)];
  return ref.length >= head.length + tail.length && ref.startsWith(head) && ref.endsWith(tail);
}

/**
 * `git fetch` of `remote` (null: git's default); a failure rejects with git's first line of complaint,
 * and a fetch that outlasts `timeoutMs` is ended. The signal ends it too. Ending it ends what git
 * started as well (ssh, upload-pack), which could hold its output open and keep it waiting.
 */
export async function fetchRemote(repo: string, remote: string | null, signal?: AbortSignal, timeoutMs = FETCH_TIMEOUT_MS): Promise<void> {
  // A remote's name comes from git's config, and `git remote` refuses names that look like options.
  const { child, finished } = spawnGit(repo, ['fetch', '--quiet', ...(remote === null ? [] : [remote])], [0], true);
  child.stdout.resume();
  finished.catch(() => {}); // an ended fetch rejects below instead
  let end!: (reason: Error) => void;
  const ended = new Promise<never>((_, reject) => (end = reject));
  const stop = (reason: Error): void => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // the group is gone already
    }
    end(reason);
  };
  const timer = setTimeout(() => stop(new FetchTimedOut(remote ?? 'the default remote', timeoutMs)), timeoutMs);
  const abort = (): void => stop(new GitFailed(['fetch', '--quiet', remote ?? ''], null, 'stopped'));
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await Promise.race([finished, ended]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
