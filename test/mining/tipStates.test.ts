// Stored tip states: a mine ends by storing its tip's export state, and the next mine starts from it
// instead of reading the whole tree again; the stored state is the state it was saved from.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { storeRows, tempDbDir } from '../helpers/storeRows.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { scanTree } = await import('../../src/snapshot/scanTree.js');
const { treeFromCommit } = await import('../../src/snapshot/treeFromCommit.js');
const { stateFromJson, stateToJson } = await import('../../src/snapshot/stateJson.js');
const { applyChanges, resultOf } = await import('../../src/snapshot/TreeState.js');
const { miningStateTables } = await import('../../src/storage/miningStateTables.js');
const dbs = tempDbDir();
test.after(() => {
  dbs.remove();
  restore();
});

/** What two mines of HEAD must agree on (a mine in steps also keeps the first step's ref). */
const minedHead = (db: Parameters<typeof storeRows>[0]) => {
  const rows = storeRows(db);
  return { ...rows, tipExports: rows.tipExports.filter((row) => row.ref === 'HEAD') };
};

const day = (n: number): string => `2004-03-${String(n).padStart(2, '0')} 10:00:00 +0000`;

/** The id git gives a blob of this text, as the bytes `known_blobs` keys it by. */
function gitBlobId(text: string): Buffer {
  return createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest();
}

function history() {
  const repo = RepoBuilder.create();
  const files: Record<string, string> = {
    'include/linux/export.h': '#define EXPORT_SYMBOL_NS(sym, ns) __EXPORT(sym, ns)\n#define EXPORT_WRAPPED(sym) EXPORT_SYMBOL_GPL(sym)\n',
    'drivers/a/Makefile': 'ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=A_NS\n',
    'drivers/a/a.c': 'int a;\nEXPORT_SYMBOL(a);\n',
    'lib/w.c': 'int w;\nEXPORT_WRAPPED(w);\n',
    'lib/plain.c': 'int plain;\n',
  };
  for (let i = 0; i < 6; i++) files[`fs/f${i}.c`] = `int f${i};\nEXPORT_SYMBOL(f${i});\n`;
  repo.commit('c1', { files, date: day(1) });
  repo.commit('c2', { files: { 'fs/f0.c': 'int f0;\nEXPORT_SYMBOL_GPL(f0);\n' }, date: day(2) });
  return repo;
}

/** A value without its undefined properties, which JSON leaves out (maps and arrays kept as they are). */
function defined(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([key, v]) => [key, defined(v)]));
  if (Array.isArray(value)) return value.map(defined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([key, v]) => [key, defined(v)]));
}

test('a stored state read back is the state it was saved from: files, exports, context and namespaces', async () => {
  const repo = history();
  try {
    // Facts with every kind of map they have: a constant, and per-object C and assembler namespaces.
    repo.commit('maps', { date: day(3), files: {
      'lib/m.c': '#define M_NS "M_NS"\nint m;\nEXPORT_SYMBOL_NS(m, M_NS);\n',
      'drivers/b/Makefile': 'CFLAGS_b.o += -DDEFAULT_SYMBOL_NAMESPACE=B_NS\nAFLAGS_s.o += -DDEFAULT_SYMBOL_NAMESPACE=S_NS\n',
      'drivers/b/b.c': 'int b;\nEXPORT_SYMBOL(b);\n',
    } });
    const { state } = await scanTree(treeFromCommit(repo.dir, repo.id('maps')));
    const back = stateFromJson(stateToJson(state));
    // Whole facts and namespaces, maps compared by content: a map a later change adds to them and
    // stateToJson does not write would come back empty here.
    const facts = (of: typeof state): unknown => defined([...of.files.entries()].map(([path, e]) => [path, e.blob, e.facts]));
    assert.deepEqual(facts(back), facts(state));
    assert.deepEqual(defined([...back.kbuild.entries()]), defined([...state.kbuild.entries()]));
    assert.ok([...state.files.entries()].some(([, e]) => e.facts.constants.size > 0), 'a constant was kept');
    assert.ok([...state.kbuild.entries()].some(([, e]) => e.namespace.objects.size > 0 && e.namespace.assembler.objects.size > 0), 'object namespaces were kept');
    assert.deepEqual(resultOf(back), resultOf(state));
    assert.deepEqual([...back.signatures.entries()], [...state.signatures.entries()]);
    assert.deepEqual([...back.context.extraNames], [...state.context.extraNames]);
    assert.deepEqual([...back.context.wrappers.keys()].sort(), [...state.context.wrappers.keys()].sort());
    assert.ok(resultOf(back).exports.some((e) => e.symbol === 'a' && e.namespace === 'A_NS'), 'the Makefile namespace survives');
    assert.ok(resultOf(back).exports.some((e) => e.symbol === 'w' && e.license === 'gpl'), 'the header wrapper survives');
    // Each facts object is written once and its text reused: a state sharing all but one file, and
    // one made of equal copies (read back), are written as from scratch.
    const without = applyChanges(state, new Map([['lib/m.c', null]])).state;
    assert.deepEqual(facts(stateFromJson(stateToJson(without))), facts(without));
    assert.ok(!stateToJson(without).includes('lib/m.c'));
    assert.equal(stateToJson(back), stateToJson(state));
  } finally {
    repo.cleanup();
  }
});

test('the next mine starts from the stored tip state, reads only the new commits\' blobs, and records what a mine at once records', async () => {
  const repo = history();
  try {
    const atOnce = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, db: atOnce });
    const stepped = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, rev: repo.id('c1'), db: stepped });
    const resumed = await mineHistory({ repo: repo.dir, db: stepped });
    assert.equal(resumed.mined, 1);
    assert.deepEqual([resumed.phases.treesScanned, resumed.phases.blobsRead], [0, 1], 'no tree scan; only fs/f0.c of c2 is read');
    assert.deepEqual(minedHead(stepped), minedHead(atOnce));

    // Without the stored state the same resumed mine reads c1's whole tree first.
    const unstored = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, rev: repo.id('c1'), db: unstored });
    unstored.prepare('DELETE FROM tip_states').run();
    const scanned = await mineHistory({ repo: repo.dir, db: unstored });
    assert.deepEqual([scanned.mined, scanned.phases.treesScanned], [1, 1]);
    assert.deepEqual(minedHead(unstored), minedHead(atOnce));
    for (const db of [atOnce, stepped, unstored]) db.close();
  } finally {
    repo.cleanup();
  }
});

test('a later mine rebuilds a release\'s state from that release\'s stored state, not from a tip months of changes away', async () => {
  const repo = history();
  try {
    repo.tag('v1.0', 'c1');
    // Mainline changes every exporting file after the release.
    const later: Record<string, string> = {};
    for (let i = 0; i < 6; i++) later[`fs/f${i}.c`] = `int f${i};\nEXPORT_SYMBOL_GPL(f${i});\n`;
    repo.commit('c3', { files: later, date: day(3) });
    const atOnce = openStore(dbs.file());
    const stepped = openStore(dbs.file());
    const unstored = openStore(dbs.file());
    for (const db of [stepped, unstored]) await mineHistory({ repo: repo.dir, db });
    assert.deepEqual(stepped.prepare('SELECT sha FROM release_states').pluck().all(), [repo.id('c1')]);
    unstored.prepare('DELETE FROM release_states').run();
    // Nor the record of c1's blobs, which would answer for c1's files from any start. The record of
    // c3's stays, as a real mine's does: the tip is then replayed to from c1 without reading them.
    const c1Blobs = Array.from({ length: 6 }, (_, i) => gitBlobId(`int f${i};\nEXPORT_SYMBOL(f${i});\n`));
    for (const db of [stepped, unstored]) {
      for (const table of ['known_blobs', 'blob_facts']) for (const blob of c1Blobs) db.prepare(`DELETE FROM ${table} WHERE blob = ?`).run(blob);
    }

    // A side branch forked from the release, merged later.
    repo.branch('side', 'c1');
    repo.commit('s1', { files: { 'fs/s.c': 'int s;\nEXPORT_SYMBOL(s);\n' }, date: day(4) });
    repo.switch('master');
    repo.merge('m', 'side', { date: day(5) });
    await mineHistory({ repo: repo.dir, db: atOnce });

    const resumed = await mineHistory({ repo: repo.dir, db: stepped });
    assert.deepEqual([resumed.mined, resumed.phases.treesScanned, resumed.phases.blobsRead], [2, 0, 1], 'only fs/s.c is read');
    assert.deepEqual(minedHead(stepped), minedHead(atOnce));
    // From the tip instead, c1's six files are read again.
    const fromTip = await mineHistory({ repo: repo.dir, db: unstored });
    assert.deepEqual([fromTip.mined, fromTip.phases.treesScanned, fromTip.phases.blobsRead], [2, 0, 7]);
    assert.deepEqual(minedHead(unstored), minedHead(atOnce));
    for (const db of [atOnce, stepped, unstored]) db.close();
  } finally {
    repo.cleanup();
  }
});

test('the stored release states are the newest twelve by committer time, each read back as it was stored', () => {
  const db = openStore(dbs.file());
  const tables = miningStateTables(db);
  const states = Array.from({ length: 14 }, (_, i) => ({ sha: `${String(i).padStart(2, '0')}`.repeat(20), time: 1000 + ((i * 5) % 14), json: `{"n":${i}}` }));
  tables.keepReleaseStates(states.slice(0, 7), 12);
  tables.keepReleaseStates(states.slice(7), 12);
  const newest = [...states].sort((a, b) => b.time - a.time).slice(0, 12);
  assert.deepEqual(tables.releaseStateShas(), newest.map((s) => s.sha));
  for (const s of newest) assert.equal(tables.releaseState(s.sha), s.json);
  db.close();
});
