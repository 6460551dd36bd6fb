// What the first read of a source blob finds (plain: neither EXPORT nor a wrapper name asked for
// in its bytes; or EXPORT and none of the names, with its facts) is recorded in the database; a
// later mine's own reads of those blobs (rebuilding an old commit's state) are answered from the
// record, only under names it covers, and the store is the same as without it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { isolateGit } from '../helpers/isolateGit.js';
import { storeRows, tempDbDir } from '../helpers/storeRows.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { BlobFacts } = await import('../../src/mining/BlobFacts.js');
const { factsLoader } = await import('../../src/mining/factsLoaders.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { knownBlobsTable } = await import('../../src/storage/knownBlobsTable.js');
const { MIGRATIONS } = await import('../../src/storage/schema.js');
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
  // EXPORT only in a comment: scanned, and exports nothing.
  'kernel/comment.c': '/* see EXPORT_SYMBOL in a.c */\nint c;\n',
  // EXPORT and the wrapper, and EXPORT and the wrapper's name split by a backslash-newline: under
  // the wrapper, what these export depends on the names asked for, so they are never recorded then.
  'kernel/both.c': 'int e;\nEXPORT_SYMBOL(e);\nPROVIDES_THING(e);\n',
  'kernel/spliced.c': 'int f;\nEXPORT_SYMBOL(f);\nPROVIDES_\\\nTHING(f);\n',
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


/** What was handed over, with name sets as sorted arrays, sorted by blob. */
function handedOver(found: [string, ReadonlySet<string>, unknown][]): [string, string[], unknown][] {
  return found.map(([b, names, facts]): [string, string[], unknown] => [b, [...names].sort(), facts]).sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

test('what first reads find is handed over with the names the blobs were read for, and read back as recorded', () =>
  withFiles(async (db, loader, blob) => {
    const none = new Set<string>();
    const facts = new BlobFacts(loader, knownBlobsTable(db));
    for (const path of Object.keys(FILES)) await facts.source(blob(path), none);
    assert.deepEqual(handedOver(facts.takeFound()), handedOver([
      [blob('kernel/a.c'), none, scanSource(FILES['kernel/a.c']!)],
      [blob('net/only.c'), none, null],
      [blob('lib/none.c'), none, null],
      [blob('kernel/comment.c'), none, scanSource(FILES['kernel/comment.c']!)],
      [blob('kernel/both.c'), none, scanSource(FILES['kernel/both.c']!)],
      [blob('kernel/spliced.c'), none, scanSource(FILES['kernel/spliced.c']!)],
    ]));
    assert.deepEqual(facts.takeFound(), [], 'each is handed over once');
    // Under the wrapper, net/only.c and kernel/both.c hold the name, and kernel/spliced.c holds it split by a splice: not recorded.
    const thing = new Set(['PROVIDES_THING']);
    const later = new BlobFacts(loader, knownBlobsTable(db));
    for (const path of Object.keys(FILES)) await later.source(blob(path), thing, false);
    assert.deepEqual(handedOver(later.takeFound()), handedOver([
      [blob('kernel/a.c'), thing, scanSource(FILES['kernel/a.c']!)],
      [blob('lib/none.c'), thing, null],
      [blob('kernel/comment.c'), thing, scanSource(FILES['kernel/comment.c']!)],
    ]));

    const table = knownBlobsTable(db);
    table.add([[blob('net/only.c'), none, null], [blob('lib/none.c'), none, null], [blob('kernel/a.c'), none, scanSource(FILES['kernel/a.c']!)]]);
    table.add([[blob('lib/none.c'), thing, null], [blob('kernel/a.c'), thing, scanSource(FILES['kernel/a.c']!)], [blob('kernel/comment.c'), none, scanSource(FILES['kernel/comment.c']!)]]);
    const reopened = knownBlobsTable(db);
    assert.deepEqual(reopened.recordOf(blob('lib/none.c')), { names: thing, found: null });
    assert.deepEqual(reopened.recordOf(blob('net/only.c')), { names: none, found: null });
    assert.deepEqual(reopened.recordOf(blob('kernel/a.c')), { names: thing, found: scanSource(FILES['kernel/a.c']!) });
    assert.deepEqual(reopened.recordOf(blob('kernel/comment.c')), { names: none, found: scanSource(FILES['kernel/comment.c']!) });
    assert.equal(reopened.recordOf('f'.repeat(40)), undefined);
    // Many at once give what one at a time gives, the unrecorded left out, also past one query's worth.
    const asked = ['f'.repeat(40), ...Array.from({ length: 1200 }, (_, i) => i.toString(16).padStart(40, '0')), ...Object.keys(FILES).map(blob)];
    // The four recorded blobs on both sides of each edge between queries (of 500 blobs each).
    ['lib/none.c', 'net/only.c', 'kernel/a.c', 'kernel/comment.c'].forEach((path, i) => {
      asked[asked.indexOf(blob(path))] = 'e'.repeat(40);
      asked[[499, 500, 999, 1000][i]!] = blob(path);
    });
    const oneByOne = new Map(asked.flatMap((b) => (reopened.recordOf(b) ? [[b, reopened.recordOf(b)!] as const] : [])));
    assert.equal(oneByOne.size, 4);
    assert.deepEqual(reopened.recordsOf(asked), oneByOne);
    assert.equal(db.prepare('SELECT count(*) FROM blob_facts').pluck().get(), 2, 'a blob recorded again keeps one row of facts');
    // A record whose facts are gone is no record: the blob is read again.
    db.prepare('DELETE FROM blob_facts WHERE blob = ?').run(Buffer.from(blob('kernel/a.c'), 'hex'));
    assert.equal(knownBlobsTable(db).recordOf(blob('kernel/a.c')), undefined);
    assert.equal(knownBlobsTable(db).recordsOf([blob('kernel/a.c')]).has(blob('kernel/a.c')), false);
  }));

test('a blob git lacks reads as no facts but is never recorded: another repository may have it', () =>
  withFiles(async (db, loader) => {
    const facts = new BlobFacts(loader, knownBlobsTable(db));
    const absent = 'f'.repeat(40);
    assert.equal(await facts.source(absent, new Set()), false);
    assert.equal(loader.counts.read, 1);
    assert.deepEqual(facts.takeFound(), []);
  }));

test('the replay\'s own reads of recorded blobs are answered without git, under names the record covers; the read-ahead reads', () =>
  withFiles(async (db, loader, blob) => {
    const none = new Set<string>();
    const exported = scanSource(FILES['kernel/a.c']!);
    knownBlobsTable(db).add([[blob('net/only.c'), none, null], [blob('lib/none.c'), none, null], [blob('kernel/a.c'), none, exported]]);
    const facts = new BlobFacts(loader, knownBlobsTable(db));
    assert.equal(await facts.source(blob('lib/none.c'), none), false);
    assert.equal(await facts.source(blob('net/only.c'), none), false);
    assert.equal(facts.knownSource(blob('kernel/a.c'), none), undefined, 'the read-ahead\'s question does not look in the record');
    assert.deepEqual(await facts.source(blob('kernel/a.c'), none), exported);
    assert.equal(loader.counts.read, 0, 'all answered from the record');
    // Under a name the record does not cover, the blob is read and scanned with it.
    const thing = new Set(['PROVIDES_THING']);
    assert.deepEqual(await facts.source(blob('net/only.c'), thing), scanSource(FILES['net/only.c']!, thing));
    assert.deepEqual(await facts.source(blob('kernel/a.c'), thing), exported);
    assert.equal(loader.counts.read, 2);
    // Read-ahead (new commits' blobs, which no earlier mine read) does not look in the record.
    const ahead = new BlobFacts(loader, knownBlobsTable(db));
    assert.equal(await ahead.source(blob('lib/none.c'), none, false), false);
    assert.deepEqual(await ahead.source(blob('kernel/a.c'), none, false), exported);
    assert.equal(loader.counts.read, 4);
  }));

test('a later mine rebuilding an old commit\'s state reads only the blobs no mine recorded, and records what it would without them', async () => {
  const day = (n: number): string => `2004-03-${String(n).padStart(2, '0')} 10:00:00 +0000`;
  const repo = RepoBuilder.create();
  try {
    const files: Record<string, string> = {
      'fs/a.c': 'int a;\nEXPORT_SYMBOL(a);\n',
      'fs/b.c': '#define NS "FOO"\nint b;\nEXPORT_SYMBOL_NS(b, NS);\nEXPORT_SYMBOL(\n\tb2);\n',
    };
    for (let i = 0; i < 5; i++) files[`lib/p${i}.c`] = `int p${i};\n`;
    repo.commit('c1', { files, date: day(1) });
    // Mainline changes every file after c1, so c1's state is five plain files and two exporting ones away from the tip's.
    const changed: Record<string, string> = { 'fs/a.c': 'int a;\nEXPORT_SYMBOL_GPL(a);\n', 'fs/b.c': 'int b;\nEXPORT_SYMBOL_GPL(b);\n' };
    for (let i = 0; i < 5; i++) changed[`lib/p${i}.c`] = `int p${i} = 1;\n`;
    repo.commit('c2', { files: changed, date: day(2) });
    const recorded = openStore(dbs.file());
    const unrecorded = openStore(dbs.file());
    for (const db of [recorded, unrecorded]) await mineHistory({ repo: repo.dir, db });
    assert.deepEqual(recorded.prepare('SELECT count(*), sum(exporting) FROM known_blobs').raw().get(), [14, 4], 'both versions of the seven files');
    assert.equal(recorded.prepare('SELECT count(*) FROM blob_facts').pluck().get(), 4);
    unrecorded.prepare('DELETE FROM known_blobs').run();
    unrecorded.prepare('DELETE FROM blob_facts').run();

    // A side branch forked from c1 needs c1's state, rebuilt from the tip's.
    repo.branch('side', 'c1');
    repo.commit('s1', { files: { 'fs/s.c': 'int s;\nEXPORT_SYMBOL(s);\n' }, date: day(3) });
    repo.switch('master');
    repo.merge('m', 'side', { date: day(4) });
    const atOnce = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, db: atOnce });

    const fromRecord = await mineHistory({ repo: repo.dir, db: recorded });
    assert.deepEqual([fromRecord.mined, fromRecord.phases.blobsRead], [2, 1], 'only fs/s.c');
    const withoutRecord = await mineHistory({ repo: repo.dir, db: unrecorded });
    assert.deepEqual([withoutRecord.mined, withoutRecord.phases.blobsRead], [2, 8], 'and the seven files of c1');
    assert.deepEqual(storeRows(recorded), storeRows(atOnce));
    assert.deepEqual(storeRows(unrecorded), storeRows(atOnce));
    for (const db of [recorded, unrecorded, atOnce]) db.close();
  } finally {
    repo.cleanup();
  }
});

test('the migration to the record of exporting blobs keeps the plain blobs recorded before', () => {
  const path = dbs.file();
  const db = new Database(path);
  for (const migration of MIGRATIONS.slice(0, 5)) db.exec(migration);
  db.prepare("INSERT INTO wrapper_name_sets (id, names) VALUES (7, 'PROVIDES_THING')").run();
  db.prepare('INSERT INTO plain_blobs (blob, names) VALUES (?, 7)').run(Buffer.from('ab'.repeat(20), 'hex'));
  // Only schema 6's own migration: the next empties everything mined (test/mining/splitNames.test.ts).
  db.exec(MIGRATIONS[5]!);
  try {
    assert.deepEqual(knownBlobsTable(db).recordOf('ab'.repeat(20)), { names: new Set(['PROVIDES_THING']), found: null });
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'plain_blobs'").pluck().get(), 0);
  } finally {
    db.close();
  }
});
