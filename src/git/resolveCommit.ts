// Resolves a user's rev to a commit id, or says which names exist nearby.
import { stat } from 'node:fs/promises';
import { simpleGit } from 'simple-git';
import { GitFailed, NoCommits, NotARepository, UnknownRev } from '../errors.js';

/**
 * simple-git refuses to run with variables that can make git run other programs (PAGER, EDITOR, most
 * GIT_*), and npx and shells set some of them; its git gets only what short queries need.
 */
function shortQueryEnv(): Record<string, string> {
  const env: Record<string, string> = { LC_ALL: 'C' };
  for (const name of ['PATH', 'HOME', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Checks that `repo` is a git repository (bare or not) and returns a simple-git handle on it. */
export async function openRepository(repo: string) {
  const exists = await stat(repo).then((s) => s.isDirectory(), () => false);
  if (!exists) throw new NotARepository(repo);
  const git = simpleGit({ baseDir: repo }).env(shortQueryEnv());
  await git.raw(['rev-parse', '--git-dir']).catch((error: Error) => {
    if (/not a git repository/i.test(error.message)) throw new NotARepository(repo);
    throw new GitFailed(['rev-parse', '--git-dir'], null, error.message);
  });
  return git;
}

/** The full commit id `rev` names in `repo`. */
export async function resolveCommit(repo: string, rev: string): Promise<string> {
  const git = await openRepository(repo);
  // `--end-of-options` keeps a rev like `--output=x` from being read as an option.
  const id = await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).then(
    (out) => out.trim(),
    () => '',
  );
  if (/^[0-9a-f]{40,64}$/.test(id)) return id;
  const names = (await git.raw(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags']).catch(() => ''))
    .split('\n').filter((name) => name.length > 0);
  const anyCommit = await git.raw(['rev-list', '-n', '1', '--all']).then((out) => out.trim(), () => null);
  if (anyCommit === '') throw new NoCommits(repo);
  throw new UnknownRev(rev, repo, nearestNames(rev, names));
}

/** The few names closest to `wanted` by edit distance, for "did you mean". */
export function nearestNames(wanted: string, names: string[], count = 3): string[] {
  return names
    .map((name) => ({ name, distance: editDistance(wanted.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((entry) => entry.name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
