// A consumer that stops reading a git stream early (its own error, or enough read) sees its own
// error: the killed git's exit is not left as an unhandled rejection, which would end the process
// with a git failure in place of what went wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { streamCommits } = await import('../../src/git/streamCommits.js');
const { gitRecords } = await import('../../src/git/runGit.js');
test.after(restore);

/** The unhandled rejections while `body` runs and git's killed children close. */
async function unhandledDuring(body: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const note = (reason: unknown): void => void seen.push(reason);
  process.on('unhandledRejection', note);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    process.off('unhandledRejection', note);
  }
  return seen;
}

test('a consumer that throws while git log still streams gets its own error, and nothing is left unhandled', async () => {
  const repo = RepoBuilder.create();
  try {
    // More output than a pipe holds, so git is still writing when the consumer stops.
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`drivers/f${i}.c`] = `int f${i};\n`;
    repo.commit('c0', { files, date: '2004-02-01 10:00:00 +0000' });
    repo.commit('c1', { files: { 'f.c': 'int f;\n' }, date: '2004-02-02 10:00:00 +0000' });
    const shas = [repo.id('c1'), repo.id('c0')]; // c0's changes follow the first record
    const seen = await unhandledDuring(async () => {
      await assert.rejects(async () => {
        for await (const record of streamCommits(repo.dir, shas)) throw new Error(`stop at ${record.sha}`);
      }, new RegExp(`stop at ${shas[0]}`));
      for await (const record of gitRecords(repo.dir, ['log', '-z', '--raw', '--no-abbrev', '--format=%H', 'HEAD'])) {
        assert.ok(record.length > 0);
        break;
      }
    });
    assert.deepEqual(seen, []);
  } finally {
    repo.cleanup();
  }
});
