// What mine says beside its summary: an upgrade that emptied what was mined, a force-push and what it dropped.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { runCli } = await import('../helpers/runCli.js');

type Repo = ReturnType<typeof RepoBuilder.create>;

/**
 * A repository whose master has c1 (exports a), c2 (makes it GPL-only) and c3 (exports b), mined
 * once into a database; `body` gets both, and they are removed afterwards.
 */
async function withMinedRepo(body: (repo: Repo, db: string) => Promise<void>): Promise<void> {
  const repo = RepoBuilder.create();
  const work = mkdtempSync(join(tmpdir(), 'ksymtrail-notices-'));
  try {
    repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
    repo.commit('c2', { date: '2004-01-02 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL_GPL(a);\n' } });
    repo.commit('c3', { date: '2004-01-03 10:00:00 +0000', files: { 'kernel/b.c': 'EXPORT_SYMBOL(b);\n' } });
    const db = join(work, 'k.db');
    assert.equal((await runCli('mine', repo.dir, '--rev', 'master', '--db', db, '--quiet')).status, 0);
    await body(repo, db);
  } finally {
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

test('mine on a schema 6 database says in one line that it mines the whole history again, and does', () => withMinedRepo(async (repo, db) => {
  const raw = new Database(db);
  raw.exec('DROP INDEX events_by_path; DROP INDEX events_by_from_path'); // schema 8's
  raw.pragma('user_version = 6');
  raw.close();
  const run = await runCli('mine', repo.dir, '--rev', 'master', '--db', db);
  assert.equal(run.status, 0);
  assert.equal(run.stderr.length, 2, run.stderr.join('\n'));
  assert.match(run.stderr[0]!, /^ksymtrail: .*k\.db: this database was mined by an older ksymtrail, .* mines its whole history again$/);
  assert.match(run.stderr[1]!, /^mined 3 commits of master .*: 3 events/);
}));

test('mine after a force-push names the old and new tips and counts the commits it dropped', () => withMinedRepo(async (repo, db) => {
  const oldTip = repo.id('c3');
  repo.git(['reset', '-q', '--hard', repo.id('c1')]);
  repo.commit('n2', { date: '2004-01-04 10:00:00 +0000', files: { 'kernel/b.c': 'EXPORT_SYMBOL_GPL(b);\n' } });
  const run = await runCli('mine', repo.dir, '--rev', 'master', '--db', db, '--quiet');
  assert.equal(run.status, 0);
  assert.deepEqual(run.stderr, [`ksymtrail: history rewritten: master was at ${oldTip.slice(0, 12)}, which ${repo.id('n2').slice(0, 12)} does not contain; dropped the 2 commits only it had`]);
}));
