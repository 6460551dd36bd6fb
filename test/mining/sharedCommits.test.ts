// Several refs in one database: a commit both histories contain is mined once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');
const { storeRows, tempDbDir } = await import('../helpers/storeRows.js');
test.after(restore);

type Repo = ReturnType<typeof RepoBuilder.create>;
const day = (n: number): string => `2004-01-0${n} 10:00:00 +0000`;

/** Two repositories with the same two commits, c1 then g (which tightens an export). */
function twoClones(): [Repo, Repo] {
  const clones: [Repo, Repo] = [RepoBuilder.create(), RepoBuilder.create()];
  for (const repo of clones) {
    repo.commit('c1', { files: { 'kernel/module.c': 'EXPORT_SYMBOL(register_module_notifier);\n' }, date: day(1) });
    repo.commit('g', { files: { 'kernel/module.c': 'EXPORT_SYMBOL_GPL(register_module_notifier);\n' }, date: day(2) });
  }
  assert.equal(clones[0].id('g'), clones[1].id('g'), 'the same commits in both');
  return clones;
}

test('mining a second branch mines only the commits the first did not have, and records each event once', async () => {
  const repo = RepoBuilder.create();
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-shared-'));
  try {
    repo.commit('base', { files: { 'kernel/module.c': 'EXPORT_SYMBOL(register_module_notifier);\n' }, date: '2004-01-01 10:00:00 +0000' });
    repo.commit('main', { files: { 'kernel/module.c': 'EXPORT_SYMBOL_GPL(register_module_notifier);\n' }, date: '2004-01-02 10:00:00 +0000' });
    repo.branch('stable', 'base');
    repo.commit('fix', { files: { 'kernel/kmod.c': 'EXPORT_SYMBOL(request_module);\n' }, date: '2004-01-03 10:00:00 +0000' });
    const db = openStore(join(dir, 'k.db'));
    const first = await mineHistory({ repo: repo.dir, rev: 'master', db });
    const second = await mineHistory({ repo: repo.dir, rev: 'stable', db });
    assert.equal(first.mined, 2);
    assert.equal(second.mined, 1, 'the shared root commit is not mined again');
    const events = [...eventsTable(db).list()].map((e) => `${e.commit === repo.id('base') ? 'base' : e.commit === repo.id('main') ? 'main' : 'fix'} ${e.kind} ${e.symbol}`);
    assert.deepEqual(events, ['base added register_module_notifier', 'main tightened register_module_notifier', 'fix added request_module']);
    db.close();
  } finally {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a force-push in one repository keeps the commits another repository in the database mined on top of them', async () => {
  const dbs = tempDbDir();
  // Two clones of one history: `fork` stops at g, `main` goes on to c2 (tagged v1.0).
  const [main, fork] = twoClones();
  try {
    main.commit('c2', { files: { 'kernel/kmod.c': 'EXPORT_SYMBOL(request_module);\n' }, date: day(3) });
    main.tag('v1.0', 'c2');
    const db = openStore(dbs.file());
    await mineHistory({ repo: fork.dir, db });
    await mineHistory({ repo: main.dir, db });
    // The fork drops g; main's c2 still stands on it.
    fork.git(['reset', '-q', '--hard', fork.id('c1')]);
    fork.commit('y', { files: { 'kernel/kmod.c': 'EXPORT_SYMBOL_GPL(request_module);\n' }, date: day(4) });
    const rewritten = await mineHistory({ repo: fork.dir, db });
    assert.deepEqual([rewritten.rewrittenFrom, rewritten.dropped], [main.id('g'), 0], 'g stays: main still reaches it');
    assert.equal((await mineHistory({ repo: main.dir, db })).mined, 0, 'nothing of main is missing');

    const fresh = openStore(dbs.file());
    await mineHistory({ repo: main.dir, db: fresh });
    await mineHistory({ repo: fork.dir, db: fresh });
    await mineHistory({ repo: main.dir, db: fresh });
    assert.deepEqual(storeRows(db), storeRows(fresh));
    assert.ok(storeRows(db).events.some((e) => e.commit === main.id('g') && e.kind === 'tightened'), 'g\'s tightening stays');
    for (const store of [db, fresh]) store.close();
  } finally {
    main.cleanup();
    fork.cleanup();
    dbs.remove();
  }
});

test('a force-push in one repository keeps the commits another repository\'s mined ref points at, with nothing mined on top', async () => {
  const dbs = tempDbDir();
  // Two clones of one history, both at g; main has a second branch at c1.
  const [main, fork] = twoClones();
  try {
    main.branch('old', 'c1');
    const db = openStore(dbs.file());
    await mineHistory({ repo: fork.dir, db });
    await mineHistory({ repo: main.dir, rev: 'master', db });
    await mineHistory({ repo: main.dir, rev: 'old', db });
    // The fork drops g, which main's master still points at.
    fork.git(['reset', '-q', '--hard', fork.id('c1')]);
    fork.commit('y', { files: { 'kernel/kmod.c': 'EXPORT_SYMBOL_GPL(request_module);\n' }, date: day(4) });
    const rewritten = await mineHistory({ repo: fork.dir, db });
    assert.deepEqual([rewritten.rewrittenFrom, rewritten.dropped], [main.id('g'), 0], 'g stays: main still reaches it');
    assert.ok(storeRows(db).events.some((e) => e.commit === main.id('g') && e.kind === 'tightened'), 'g\'s tightening stays before main is mined again');

    const fresh = openStore(dbs.file());
    await mineHistory({ repo: main.dir, rev: 'master', db: fresh });
    await mineHistory({ repo: main.dir, rev: 'old', db: fresh });
    await mineHistory({ repo: fork.dir, db: fresh });
    assert.deepEqual(storeRows(db), storeRows(fresh));
    assert.equal((await mineHistory({ repo: main.dir, rev: 'master', db })).mined, 0, 'nothing of main is missing');
    for (const store of [db, fresh]) store.close();
  } finally {
    main.cleanup();
    fork.cleanup();
    dbs.remove();
  }
});
