// mine on a database an older ksymtrail wrote: the upgrade that empties what was mined says so.
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

test('mine on a schema 6 database says in one line that it mines the whole history again, and does', async () => {
  const repo = RepoBuilder.create();
  const work = mkdtempSync(join(tmpdir(), 'ksymtrail-upgrade-'));
  try {
    repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
    repo.commit('c2', { date: '2004-01-02 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL_GPL(a);\n' } });
    const db = join(work, 'k.db');
    assert.equal((await runCli('mine', repo.dir, '--db', db, '--quiet')).status, 0);
    const raw = new Database(db);
    raw.exec('DROP INDEX events_by_path; DROP INDEX events_by_from_path'); // schema 8's
    raw.pragma('user_version = 6');
    raw.close();
    const run = await runCli('mine', repo.dir, '--db', db);
    assert.equal(run.status, 0);
    assert.equal(run.stderr.length, 2, run.stderr.join('\n'));
    assert.match(run.stderr[0]!, /^ksymtrail: .*k\.db: this database was mined by an older ksymtrail, .* so the whole history is mined again$/);
    assert.match(run.stderr[1]!, /^mined 2 commits of HEAD .*: 2 events/);
  } finally {
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
});
