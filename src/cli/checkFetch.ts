// What --fetch can do for a followed rev, checked before following: an error when there is no remote,
// a warning when no fetch moves the rev (a local branch of an ordinary clone, a tag, a commit id).
import { BadInput } from '../errors.js';
import { fetchPlan, remotesOf } from '../git/fetchRemote.js';

/** Throws when REPO has no remote; returns the warning line to print, or null when a fetch moves REV. */
export async function checkFetch(repo: string, rev: string): Promise<string | null> {
  if ((await remotesOf(repo)).length === 0) throw new BadInput('repository', repo, 'has no remote to fetch from: add one (git remote add) or drop --fetch');
  const plan = await fetchPlan(repo, rev);
  if (plan.remote !== null) return null;
  const what = plan.ref === null ? `${rev} is not a branch` : `no remote's fetch moves ${plan.ref}`;
  return `ksymtrail: warning: --fetch: ${what}: the commits a fetch brings stay out of the mine (its new tags count); to mine them, follow a remote-tracking branch (--rev origin/master)`;
}
