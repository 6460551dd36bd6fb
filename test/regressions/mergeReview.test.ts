// Regressions from the review of the miner (2026-11-21), each named after the bug it found and
// each a small history where the events were wrong before the fix.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');
const { replayStore } = await import('../../src/mining/replayStore.js');
const { replayVersusScan } = await import('../helpers/replayVersusScan.js');

type Repo = ReturnType<typeof RepoBuilder.create>;
type Db = ReturnType<typeof openStore>;
const day = (n: number): string => `2003-01-${String(n).padStart(2, '0')} 10:00:00 +0000`;
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function newDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-review-'));
  dirs.push(dir);
  return openStore(join(dir, 'k.db'));
}

/** Events as `<commit name>: <kind>[(merge)] <symbol> <path>`, commits named as the fixture named them. */
function events(db: Db, repo: Repo, names: string[]): string[] {
  const byId = new Map(names.map((name) => [repo.id(name), name]));
  return [...eventsTable(db).list()].map((e) => `${byId.get(e.commit) ?? e.commit}: ${e.kind}${e.merge ? `(${e.merge})` : ''} ${e.symbol} ${e.path}`);
}

/** Commits where replaying the events disagrees with a scan (PRODUCT.md "What must be true" 3). */
async function replayDisagreements(db: Db, repo: Repo): Promise<string[]> {
  const out: string[] = [];
  for (const [sha, set] of replayStore(db).sets) {
    const diff = await replayVersusScan(repo.dir, sha, set);
    if (diff.length > 0) out.push(`${sha}: ${diff.join('; ')}`);
  }
  return out;
}

test('a symbol moved into a file the merge otherwise takes cleanly keeps the other side\'s tightening in view', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('base', { files: { 'X.c': 'EXPORT_SYMBOL(s);\n', 'Y.c': 'EXPORT_SYMBOL(t);\n' }, date: day(1) });
    repo.branch('side', 'base');
    repo.commit('p2', { files: { 'X.c': 'EXPORT_SYMBOL_GPL(s);\n' }, date: day(2) });
    repo.switch('master');
    repo.commit('p1', { files: { 'X.c': null, 'Y.c': 'EXPORT_SYMBOL(t);\nEXPORT_SYMBOL(s);\n' }, date: day(3) });
    repo.merge('m', 'side', { files: { 'X.c': null, 'Y.c': 'EXPORT_SYMBOL(t);\nEXPORT_SYMBOL(s);\n' }, date: day(4) });
    const db = newDb();
    await mineHistory({ repo: repo.dir, db });
    // The clean merge carries p2's tightening to Y.c; the merge kept p1's EXPORT_SYMBOL: it loosened.
    assert.deepEqual(events(db, repo, ['base', 'p1', 'p2', 'm']).filter((e) => e.startsWith('m:')), ['m: loosened(resolution) s Y.c']);
    assert.deepEqual(await replayDisagreements(db, repo), []);
  } finally {
    repo.cleanup();
  }
});

test('whether a merge follows a move does not depend on unrelated symbols in the same file', async () => {
  const outcomes: string[][] = [];
  for (const unrelated of [false, true]) {
    const u = (macro: string): string => (unrelated ? `${macro}(u);\n` : '');
    const repo = RepoBuilder.create();
    try {
      repo.commit('base', { files: { 'X.c': `EXPORT_SYMBOL(t);\n${u('EXPORT_SYMBOL')}`, 'Z.c': 'EXPORT_SYMBOL_GPL(s);\n' }, date: day(1) });
      repo.branch('side', 'base');
      repo.commit('p2', { files: { 'X.c': u('EXPORT_SYMBOL_GPL') || 'int x;\n', 'Z.c': null }, date: day(2) });
      repo.switch('master');
      repo.commit('p1', { files: { 'X.c': u('EXPORT_SYMBOL') || 'int x1;\n', 'Z.c': 'EXPORT_SYMBOL(t);\n' }, date: day(3) });
      repo.merge('m', 'side', { files: { 'X.c': u('EXPORT_SYMBOL_GPL') || 'int x;\n', 'Z.c': null }, date: day(4) });
      const db = newDb();
      await mineHistory({ repo: repo.dir, db });
      outcomes.push(events(db, repo, ['m']).filter((e) => e.startsWith('m:') && e.includes(' t ')));
      assert.deepEqual(await replayDisagreements(db, repo), []);
    } finally {
      repo.cleanup();
    }
  }
  assert.deepEqual(outcomes[0], outcomes[1]);
});

test('a wrapper defined after a clean merge exports from the file the side added, at the commit that defines it', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('base', { files: { 'G.c': 'int g;\n' }, date: day(1) });
    repo.branch('side', 'base');
    repo.commit('p2', { files: { 'H.c': 'EXPORT_FOO(x);\n' }, date: day(2) });
    repo.switch('master');
    repo.commit('p1', { files: { 'G.c': 'int g2;\n' }, date: day(3) });
    repo.merge('m', 'side', { date: day(4) });
    repo.commit('c', { files: { 'include/foo.h': '#define EXPORT_FOO(s) EXPORT_SYMBOL_GPL(s)\n' }, date: day(5) });
    repo.commit('d', { files: { 'H.c': 'EXPORT_FOO(x);\nint more;\n' }, date: day(6) });
    const db = newDb();
    await mineHistory({ repo: repo.dir, db });
    assert.deepEqual(events(db, repo, ['c', 'd']), ['c: added x H.c']);
    assert.deepEqual(await replayDisagreements(db, repo), []);
  } finally {
    repo.cleanup();
  }
});

test('a force-push of one branch keeps the commits another mined branch still contains', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('base', { files: { 'x.c': 'EXPORT_SYMBOL(f);\n' }, date: day(1) });
    repo.commit('a1', { files: { 'y.c': 'EXPORT_SYMBOL_GPL(g);\n' }, date: day(2) });
    repo.branch('stable', 'a1');
    repo.commit('b1', { files: { 'z.c': 'EXPORT_SYMBOL(h);\n' }, date: day(3) });
    repo.switch('master');
    repo.commit('a2', { files: { 'x.c': 'EXPORT_SYMBOL_GPL(f);\n' }, date: day(4) });
    const db = newDb();
    await mineHistory({ repo: repo.dir, db, rev: 'master' });
    await mineHistory({ repo: repo.dir, db, rev: 'stable' });
    repo.git(['reset', '-q', '--hard', repo.id('base')]);
    repo.commit('a3', { files: { 'w.c': 'EXPORT_SYMBOL(k);\n' }, date: day(5) });
    const rewritten = await mineHistory({ repo: repo.dir, db, rev: 'master' });
    assert.equal(rewritten.rewrittenFrom, repo.id('a2'));
    assert.deepEqual(events(db, repo, ['base', 'a1', 'b1', 'a3']),
      ['base: added f x.c', 'a1: added g y.c', 'b1: added h z.c', 'a3: added k w.c']);
  } finally {
    repo.cleanup();
  }
});

test('a second repository sharing history mines only its own commits into the same database', async () => {
  const repo = RepoBuilder.create();
  const clone = `${repo.dir}-clone`;
  try {
    repo.commit('base', { files: { 'x.c': 'EXPORT_SYMBOL(f);\n' }, date: day(1) });
    execFileSync('git', ['clone', '-q', repo.dir, clone]);
    repo.commit('onlyA', { files: { 'x.c': 'EXPORT_SYMBOL_GPL(f);\n' }, date: day(2) });
    execFileSync('git', ['-C', clone, '-c', 'user.name=b', '-c', 'user.email=b@example.org', 'commit', '-q', '--allow-empty', '-m', 'onlyB']);
    const db = newDb();
    assert.equal((await mineHistory({ repo: repo.dir, db })).mined, 2);
    assert.equal((await mineHistory({ repo: clone, db })).mined, 1);
  } finally {
    rmSync(clone, { recursive: true, force: true });
    repo.cleanup();
  }
});
