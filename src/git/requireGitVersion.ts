// Mining streams `git log --diff-merges=combined`, which git understands since 2.31.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GitTooOld } from '../errors.js';
import { GIT_ENV } from './runGit.js';

export const NEEDED_GIT = '2.31';

/** Throws GitTooOld when the git on PATH is older than `needed`. */
export async function requireGitVersion(needed = NEEDED_GIT): Promise<void> {
  const { stdout } = await promisify(execFile)('git', ['version'], { env: GIT_ENV });
  const found = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(stdout);
  if (!found) return; // an unusual build string: let git itself speak if it fails
  const [major, minor] = needed.split('.').map(Number) as [number, number];
  const [x, y] = [Number(found[1]), Number(found[2])];
  if (x < major || (x === major && y < minor)) throw new GitTooOld(found[0], needed);
}
