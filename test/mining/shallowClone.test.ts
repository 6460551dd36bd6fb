// A shallow clone: its first commit's exports are present at the start, not added, and mine warns.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { runCli } = await import('../helpers/runCli.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');

test('mining a shallow clone records its first commit\'s exports as present and names where history starts', async () => {
  const repo = RepoBuilder.create();
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-shallow-'));
  try {
    repo.commit('c1', { date: '2005-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
    repo.commit('c2', { date: '2005-01-02 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\nEXPORT_SYMBOL(b);\n' } });
    repo.commit('c3', { date: '2005-01-03 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL_GPL(a);\nEXPORT_SYMBOL(b);\nEXPORT_SYMBOL(c);\n' } });
    const clone = join(dir, 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone]);
    const db = join(dir, 'k.db');
    const run = await runCli('mine', clone, '--db', db);
    assert.equal(run.status, 0, run.stderr.join('\n'));
    assert.ok(run.stderr.some((l) => l === `ksymtrail: warning: shallow clone: history starts at ${repo.id('c2').slice(0, 12)}; what it exports there is recorded as present at the start, not added`), run.stderr.join('\n'));
    const store = openStore(db, { readonly: true });
    const events = [...eventsTable(store).list()].map((e) => `${e.commit === repo.id('c2') ? 'c2' : 'c3'} ${e.kind} ${e.symbol}`);
    store.close();
    assert.deepEqual(events, ['c2 present a', 'c2 present b', 'c3 tightened a', 'c3 added c']);
  } finally {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
