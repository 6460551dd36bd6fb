// Gives this test process the git environment of STYLE.md principle 9 (TZ=UTC, LC_ALL=C, a private HOME,
// no system config, no repository discovery above the temp directory, no GIT_* variables inherited from
// the shell that runs the tests, as git's own test suite does). Call it before importing code that spawns
// git: src/git/runGit.ts copies process.env when it is loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testGitEnv } from './RepoBuilder.js';

/** Sets the environment and returns the function that removes the private HOME. */
export function isolateGit(): () => void {
  const home = mkdtempSync(join(tmpdir(), 'ksymtrail-home-'));
  for (const name of Object.keys(process.env)) if (name.startsWith('GIT_')) delete process.env[name];
  Object.assign(process.env, testGitEnv(home), { GIT_CEILING_DIRECTORIES: tmpdir() });
  return () => rmSync(home, { recursive: true, force: true });
}
