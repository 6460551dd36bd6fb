// Blobs found plain (neither EXPORT nor a wrapper name asked for in their bytes) are recorded in the
// database; a later mine's own reads of them (rebuilding an old commit's state) are answered from
// the record, only under names it covers, and the store is the same as without it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { storeRows, tempDbDir } from '../helpers/storeRows.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { BlobFacts } = await import('../../src/mining/BlobFacts.js');
const { factsLoader } = await import('../../src/mining/factsLoaders.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { plainBlobsTable } = await import('../../src/storage/plainBlobsTable.js');
const { scanSource } = await import('../../src/exports/scanSource.js');
const dbs = tempDbDir();
test.after(() => {
  dbs.remove();
  restore();
});

const FILES: Record<string, string> = {
  'kernel/a.c': 'int a;\nEXPORT_SYMBOL(a);\n',
  // Only a wrapper's user: plain while the wrapper is not asked for.
  'net/only.c': 'int d;\nPROVIDES_THING(d);\n',
  'lib/none.c': 'int g(void) { return 0; }\n',
};

/** FILES in one commit, a database and a reader, for `body`. */
async function withFiles(body: (db: ReturnType<typeof openStore>, loader: ReturnType<typeof factsLoader>, blob: (path: string) => string) => Promise<void>) {
  const repo = RepoBuilder.create();
  const db = openStore(dbs.file());
  const loader = factsLoader(repo.dir, 1);
  try {
    repo.commit('c1', { files: FILES, date: '2004-02-01 10:00:00 +0000' });
    await body(db, loader, (path) => repo.git(['rev-parse', `${repo.id('c1')}:${path}`]));
  } finally {
    await loader.close();
    db.close();
    repo.cleanup();
  }
}

test('blobs read and found plain are handed over with the names they were read for, and read back as recorded', () =>
  withFiles(async (db, loader, blob) => {
    const facts = new BlobFacts(loader, plainBlobsTable(db));
    for (const path of Object.keys(FILES)) await facts.source(blob(path), new Set());
    const found = facts.takeFoundPlain().map(([b, names]) => [b, [...names]]);
    assert.deepEqual(found.sort(), [[blob('lib/none.c'), []], [blob('net/only.c'), []]].sort());
    assert.deepEqual(facts.takeFoundPlain(), [], 'each is handed over once');
    // Asked under the wrapper, only lib/none.c is plain; its record now covers the wrapper too.
    const thing = new Set(['PROVIDES_THING']);
    const later = new BlobFacts(loader, plainBlobsTable(db));
    for (const path of Object.keys(FILES)) await later.source(blob(path), thing, false);
    assert.deepEqual(later.takeFoundPlain().map(([b, names]) => [b, [...names]]), [[blob('lib/none.c'), ['PROVIDES_THING']]]);

    const table = plainBlobsTable(db);
    table.add([[blob('net/only.c'), new Set()], [blob('lib/none.c'), new Set()]]);
    table.add([[blob('lib/none.c'), thing]]);
    const reopened = plainBlobsTable(db);
    assert.deepEqual([...reopened.namesOf(blob('lib/none.c'))!], ['PROVIDES_THING']);
    assert.deepEqual([...reopened.namesOf(blob('net/only.c'))!], []);
    assert.equal(reopened.namesOf(blob('kernel/a.c')), undefined);
  }));

test('a blob git lacks reads as no facts but is never recorded plain: another repository may have it', () =>
  withFiles(async (db, loader) => {
    const facts = new BlobFacts(loader, plainBlobsTable(db));
    const absent = 'f'.repeat(40);
    assert.equal(await facts.source(absent, new Set()), false);
    assert.equal(loader.counts.read, 1);
    assert.deepEqual(facts.takeFoundPlain(), []);
  }));

test('the replay\'s own reads of recorded blobs are answered without git, under names the record covers; the read-ahead reads', () =>
  withFiles(async (db, loader, blob) => {
    plainBlobsTable(db).add([[blob('net/only.c'), new Set()], [blob('lib/none.c'), new Set()]]);
    const facts = new BlobFacts(loader, plainBlobsTable(db));
    assert.equal(await facts.source(blob('lib/none.c'), new Set()), false);
    assert.equal(await facts.source(blob('net/only.c'), new Set()), false);
    assert.equal(loader.counts.read, 0, 'both answered from the record');
    // Under a name the record does not cover, the blob is read and scanned with it.
    const thing = new Set(['PROVIDES_THING']);
    assert.deepEqual(await facts.source(blob('net/only.c'), thing), scanSource(FILES['net/only.c']!, thing));
    assert.equal(loader.counts.read, 1);
    // Read-ahead (new commits' blobs, which no earlier mine read) does not look in the record.
    const ahead = new BlobFacts(loader, plainBlobsTable(db));
    assert.equal(await ahead.source(blob('lib/none.c'), new Set(), false), false);
    assert.equal(loader.counts.read, 2);
  }));

test('a later mine rebuilding an old commit\'s state reads only the blobs no mine found plain, and records what it would without them', async () => {
  const day = (n: number): string => `2004-03-${String(n).padStart(2, '0')} 10:00:00 +0000`;
  const repo = RepoBuilder.create();
  try {
    const files: Record<string, string> = { 'fs/a.c': 'int a;\nEXPORT_SYMBOL(a);\n' };
    for (let i = 0; i < 5; i++) files[`lib/p${i}.c`] = `int p${i};\n`;
    repo.commit('c1', { files, date: day(1) });
    // Mainline changes every file after c1, so c1's state is five plain files and one export away from the tip's.
    const changed: Record<string, string> = { 'fs/a.c': 'int a;\nEXPORT_SYMBOL_GPL(a);\n' };
    for (let i = 0; i < 5; i++) changed[`lib/p${i}.c`] = `int p${i} = 1;\n`;
    repo.commit('c2', { files: changed, date: day(2) });
    const recorded = openStore(dbs.file());
    const unrecorded = openStore(dbs.file());
    for (const db of [recorded, unrecorded]) await mineHistory({ repo: repo.dir, db });
    assert.equal(recorded.prepare('SELECT count(*) FROM plain_blobs').pluck().get(), 10, 'both versions of the five plain files');
    unrecorded.prepare('DELETE FROM plain_blobs').run();

    // A side branch forked from c1 needs c1's state, rebuilt from the tip's.
    repo.branch('side', 'c1');
    repo.commit('s1', { files: { 'fs/s.c': 'int s;\nEXPORT_SYMBOL(s);\n' }, date: day(3) });
    repo.switch('master');
    repo.merge('m', 'side', { date: day(4) });
    const atOnce = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, db: atOnce });

    const fromRecord = await mineHistory({ repo: repo.dir, db: recorded });
    assert.deepEqual([fromRecord.mined, fromRecord.phases.blobsRead], [2, 2], 'fs/a.c of c1 and fs/s.c');
    const withoutRecord = await mineHistory({ repo: repo.dir, db: unrecorded });
    assert.deepEqual([withoutRecord.mined, withoutRecord.phases.blobsRead], [2, 7], 'and the five plain files of c1');
    assert.deepEqual(storeRows(recorded), storeRows(atOnce));
    assert.deepEqual(storeRows(unrecorded), storeRows(atOnce));
    for (const db of [recorded, unrecorded, atOnce]) db.close();
  } finally {
    repo.cleanup();
  }
});
