// mine and start with a repository or rev that cannot be mined: one line, exit status 2, and the
// database is neither created nor touched.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { runCli } = await import('../helpers/runCli.js');

const work = mkdtempSync(join(tmpdir(), 'ksymtrail-badrepo-'));
after(() => rmSync(work, { recursive: true, force: true }));

const plainDir = join(work, 'plain');
mkdirSync(plainDir);
const emptyRepo = join(work, 'empty');
execFileSync('git', ['init', '-q', emptyRepo]);
const file = join(work, 'a-file');
writeFileSync(file, 'x');

const CASES: [string, string[], RegExp][] = [
  ['a path that does not exist', [join(work, 'nowhere')], /nowhere is not a git repository; give the path of a kernel checkout or bare clone$/],
  ['a file', [file], /a-file is not a git repository/],
  ['a directory that is not a repository', [plainDir], /plain is not a git repository/],
  ['a repository with no commits', [emptyRepo], /empty is a git repository with no commits yet/],
];

for (const command of ['mine', 'start']) {
  for (const [what, args, message] of CASES) {
    test(`${command} with ${what} says so in one line, exits 2 and creates no database`, async () => {
      const db = join(work, `${command}-${what.replace(/\W+/g, '-')}.db`);
      const run = await runCli(command, ...args, '--db', db, ...(command === 'start' ? ['--no-serve'] : []));
      assert.equal(run.status, 2);
      assert.equal(run.stderr.length, 1, run.stderr.join('\n'));
      assert.match(run.stderr[0]!, message);
      assert.equal(existsSync(db), false);
    });
  }
}

test('an unknown rev names the nearest branches and tags, and leaves an existing database byte for byte as it was', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
    repo.tag('v2.6.9', 'c1');
    const db = join(work, 'existing.db');
    assert.equal((await runCli('mine', repo.dir, '--db', db, '--quiet')).status, 0);
    const before = readFileSync(db);
    const run = await runCli('mine', repo.dir, '--rev', 'v2.6.99', '--db', db);
    assert.deepEqual([run.status, run.stderr.length], [2, 1]);
    assert.match(run.stderr[0]!, /^ksymtrail: v2\.6\.99 is not a commit or tag in .*; nearest names: v2\.6\.9, master$/);
    assert.ok(readFileSync(db).equals(before), 'the database file is unchanged');
  } finally {
    repo.cleanup();
  }
});

for (const jobs of ['0', 'two', '65', '100000']) {
  test(`mine --jobs ${jobs} says what --jobs takes in one line, exits 2 and creates no database`, async () => {
    const db = join(work, `jobs-${jobs}.db`);
    const run = await runCli('mine', emptyRepo, '--jobs', jobs, '--db', db);
    assert.equal(run.status, 2);
    assert.deepEqual(run.stderr, [`error: option '--jobs <n>' argument '${jobs}' is invalid. expected a whole number from 1 to 64`]);
    assert.equal(existsSync(db), false);
  });
}
