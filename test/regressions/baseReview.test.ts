// Regressions from the second review of the miner (2026-11-21): merge bases must be exact, and a
// merge whose base is cut off (a shallow clone) must not be given the side's changes.
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

const day = (n: number): string => `2004-02-${String(n).padStart(2, '0')} 10:00:00 +0000`;
const work = mkdtempSync(join(tmpdir(), 'ksymtrail-basereview-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function eventsOf(repo: string, revs: string[], names: Map<string, string>): Promise<string[]> {
  const db = openStore(join(work, `${Math.random().toString(36).slice(2)}.db`));
  try {
    for (const rev of revs) await mineHistory({ repo, rev, db });
    return [...eventsTable(db).list()].map((e) => `${names.get(e.commit) ?? e.commit}: ${e.kind}${e.merge ? `(${e.merge})` : ''} ${e.symbol}`);
  } finally {
    db.close();
  }
}

test('a merge whose base was mined in an earlier run reads the base in its own context, not a parent\'s', async () => {
  // The first parent changed the wrapper's definition since the base; read in that parent's context,
  // the base would already look tightened, and the merge would seem to have dropped a change.
  const repo = RepoBuilder.create();
  try {
    repo.commit('c0', { date: day(1), files: {
      'include/linux/mywrap.h': '#define MY_EXPORT_SYM(x) EXPORT_SYMBOL(x)\n',
      'kernel/a.c': '#include <linux/mywrap.h>\nint foo;\nMY_EXPORT_SYM(foo);\n',
    } });
    repo.branch('side', 'c0');
    repo.commit('s1', { date: day(2), files: { 'kernel/b.c': 'int bar;\nEXPORT_SYMBOL(bar);\n' } });
    repo.switch('master');
    repo.commit('c1', { date: day(3), files: { 'include/linux/mywrap.h': '#define MY_EXPORT_SYM(x) EXPORT_SYMBOL_GPL(x)\n' } });
    repo.merge('m', 'side', { date: day(4) });
    const names = new Map(['c0', 's1', 'c1', 'm'].map((n) => [repo.id(n), n]));
    const expected = ['c0: added foo', 'c1: tightened foo', 's1: added bar'];
    assert.deepEqual((await eventsOf(repo.dir, ['master'], names)).sort(), expected);
    assert.deepEqual((await eventsOf(repo.dir, [repo.id('c1'), 'master'], names)).sort(), expected, 'mined in pieces');
  } finally {
    repo.cleanup();
  }
});

test('in a shallow clone, a merge whose base is cut off gets no event of its own', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('c0', { date: day(1), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL(foo);\n' } });
    repo.branch('side', 'c0');
    repo.commit('s1', { date: day(2), files: { 'kernel/s.c': 'int s1;\n' } });
    repo.commit('s2', { date: day(3), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL_GPL(foo);\n' } });
    repo.commit('s3', { date: day(4), files: { 'kernel/s.c': 'int s1;\nint s3;\n' } });
    repo.switch('master');
    repo.commit('m1', { date: day(5), files: { 'kernel/m.c': 'int m1;\n' } });
    repo.commit('m2', { date: day(6), files: { 'kernel/m.c': 'int m1;\nint m2;\n' } });
    repo.commit('m3', { date: day(7), files: { 'kernel/m.c': 'int m1;\nint m2;\nint m3;\n' } });
    repo.merge('M', 'side', { date: day(8) });
    const clone = join(work, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '4', `file://${repo.dir}`, clone]);
    const names = new Map(['c0', 's1', 's2', 's3', 'm1', 'm2', 'm3', 'M'].map((n) => [repo.id(n), n]));
    assert.deepEqual((await eventsOf(clone, ['HEAD'], names)).sort(), ['m1: present foo', 's1: present foo', 's2: tightened foo']);
  } finally {
    repo.cleanup();
  }
});

test('a criss-cross merge is decided over the virtual base git would build, whichever base has the smaller id', async () => {
  // R ─ T (tightens foo) on x; R ─ U on y. P1 = y + x, then L loosens foo; P2 = x + U. M = L + P2:
  // git merges it cleanly to EXPORT_SYMBOL (L's own change), so M has no event of its own.
  const { replayStore } = await import('../../src/mining/replayStore.js');
  const { replayVersusScan } = await import('../helpers/replayVersusScan.js');
  const orders = new Set<boolean>();
  for (const salt of ['a', 'b', 'c', 'd', 'e', 'f']) {
    const repo = RepoBuilder.create();
    try {
      repo.commit('R', { date: day(1), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL(foo);\n' } });
      repo.branch('y', 'R');
      repo.commit('U', { date: day(2), files: { 'kernel/other.c': `int bar_${salt};\n` } });
      repo.switch('master');
      repo.commit('T', { date: day(3), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL_GPL(foo);\n' } });
      repo.switch('y');
      repo.merge('P1', 'master', { date: day(4) });
      repo.commit('L', { date: day(5), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL(foo);\n' } });
      repo.switch('master');
      repo.merge('P2', 'U', { date: day(6) });
      repo.switch('y');
      repo.merge('M', 'master', { date: day(7) });
      const names = new Map(['R', 'U', 'T', 'P1', 'L', 'P2', 'M'].map((n) => [repo.id(n), n]));
      orders.add(repo.id('U') < repo.id('T'));
      const db = openStore(join(work, `cc-${salt}.db`));
      await mineHistory({ repo: repo.dir, rev: 'y', db });
      const events = [...eventsTable(db).list()].map((e) => `${names.get(e.commit)}: ${e.kind}${e.merge ? `(${e.merge})` : ''} ${e.symbol}`);
      assert.deepEqual(events.filter((e) => e.includes('foo')), ['R: added foo', 'T: tightened foo', 'L: loosened foo'], `salt ${salt}`);
      const replayed = replayStore(db).sets.get(repo.id('M'))!;
      assert.deepEqual(await replayVersusScan(repo.dir, repo.id('M'), replayed), [], `replay = scan at M, salt ${salt}`);
      db.close();
    } finally {
      repo.cleanup();
    }
  }
  assert.equal(orders.size, 2, 'the salts put either base first by commit id');
});

test('GPL-only since follows the tip\'s history, not the mining order of side branches', async () => {
  // master T tightens foo; a side branch exports it GPL-only from an arch file, then cherry-picks T.
  // Mining order puts the side's commits after T; the tip's first-parent history says T.
  const { gplOnlySince } = await import('../../src/queries/gplOnlySince.js');
  const repo = RepoBuilder.create();
  try {
    repo.commit('c0', { date: day(1), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL(foo);\n' } });
    repo.branch('side', 'c0');
    repo.commit('S', { date: day(2), files: { 'arch/x/b.c': 'int foo;\nEXPORT_SYMBOL_GPL(foo);\n' } });
    repo.commit('S2', { date: day(3), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL_GPL(foo);\n' } });
    repo.switch('master');
    repo.commit('T', { date: day(4), files: { 'kernel/a.c': 'int foo;\nEXPORT_SYMBOL_GPL(foo);\n' } });
    repo.merge('M', 'side', { date: day(5) });
    const db = openStore(join(work, 'since.db'));
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    assert.equal(gplOnlySince(db, ['foo']).get('foo')?.commit, repo.id('T'));
    db.close();
  } finally {
    repo.cleanup();
  }
});

test('two sides that each add the symbol to one file merge as text does, both lines kept, with no event of the merge', async () => {
  // linux-history e66e4c8d4c92: agpgart added EXPORT_SYMBOL_GPL(agp_memory_reserved) and mainline
  // EXPORT_SYMBOL of it; git merged both lines cleanly, and the merge was recorded as an evil tightening.
  const body = Array.from({ length: 20 }, (_, i) => `int filler_${i};\n`).join('');
  const repo = RepoBuilder.create();
  try {
    repo.commit('c0', { date: day(1), files: { 'drivers/agp/generic.c': body } });
    repo.branch('agp', 'c0');
    repo.commit('gpl', { date: day(2), files: { 'drivers/agp/generic.c': `${body}EXPORT_SYMBOL_GPL(agp_memory_reserved);\n` } });
    repo.switch('master');
    repo.commit('any', { date: day(3), files: { 'drivers/agp/generic.c': `EXPORT_SYMBOL(agp_memory_reserved);\n${body}` } });
    repo.merge('M', 'agp', { date: day(4) });
    const names = new Map(['c0', 'gpl', 'any', 'M'].map((n) => [repo.id(n), n]));
    assert.deepEqual((await eventsOf(repo.dir, ['master'], names)).sort(), ['any: added agp_memory_reserved', 'gpl: added agp_memory_reserved']);
  } finally {
    repo.cleanup();
  }
});
