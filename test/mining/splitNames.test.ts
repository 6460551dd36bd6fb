// C joins a line ending in a backslash to the next before it reads names, so `EXP\<newline>ORT_SYMBOL(x);`
// exports x although the file's bytes never spell EXPORT. The byte tests that choose which blobs
// to parse (the mine's reads, git grep in a snapshot, the grep for a new wrapper's users) must see
// such names: a file they skip is a missed export.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import type { RepoBuilder as Builder } from '../helpers/RepoBuilder.js';
import { storeRows, tempDbDir } from '../helpers/storeRows.js';
import Database from 'better-sqlite3';
import type { ExportSet } from '../../src/mining/replayEvents.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');
const { replayStore } = await import('../../src/mining/replayStore.js');
const { replayVersusScan } = await import('../helpers/replayVersusScan.js');
const { scanTree } = await import('../../src/snapshot/scanTree.js');
const { treeFromCommit } = await import('../../src/snapshot/treeFromCommit.js');
const { treeFromDirectory } = await import('../../src/snapshot/treeFromDirectory.js');
const { SourceGrep } = await import('../../src/mining/SourceGrep.js');
const { DiffTreeBatch } = await import('../../src/git/DiffTreeBatch.js');

const COMMITS = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;
const THING_H = (exporting: boolean): string =>
  `#define PROVIDES_THING(x) ${exporting ? 'EXPORT_SYMBOL(x)' : '/* nothing yet */'}\n`;

let repo: Builder;
let dbs: ReturnType<typeof tempDbDir>;
const mined: Record<'one' | 'two', { events: string[]; sets: Map<string, ExportSet> }> = {} as never;

before(async () => {
  repo = RepoBuilder.create();
  repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: {
    'include/linux/thing.h': THING_H(false),
    // No EXPORT in the bytes: the name is split once, and once with CRLF line ends.
    'kernel/split.c': 'int split_fn;\nEXP\\\nORT_SYMBOL_GPL(split_fn);\n',
    'kernel/crlf.c': 'int crlf_fn;\r\nEX\\\r\nPORT_SYMBOL(crlf_fn);\r\n',
    // A wrapper name split, before the wrapper exports anything.
    'kernel/thing_user.c': '#include <linux/thing.h>\nint thing_fn;\nPROVIDES_\\\nTHING(thing_fn);\n',
    // An identifier split that holds no needle.
    'kernel/plain.c': 'int a = b\\\nc;\n',
    MAINTAINERS: 'KERNEL CORE\nM:\tSomeone <someone@example.org>\nS:\tMaintained\nF:\tkernel/\n',
  } });
  // A run of splices inside the name.
  repo.commit('c2', { date: '2004-02-01 10:00:00 +0000', files: { 'kernel/split.c': 'int split_fn;\nEX\\\n\\\nPORT_SYMBOL(split_fn);\n' } });
  // Only the header changes: its user, whose bytes hold the name only split, starts exporting.
  repo.commit('c3', { date: '2004-03-01 10:00:00 +0000', files: { 'include/linux/thing.h': THING_H(true) } });
  repo.commit('c4', { date: '2004-04-01 10:00:00 +0000', files: { 'drivers/other.c': 'int other_fn;\nPROVIDES_TH\\\nING(other_fn);\n' } });
  repo.tag('v2.6.1', 'c2');
  repo.commit('c5', { date: '2004-05-01 10:00:00 +0000', files: { 'kernel/split.c': null } });
  dbs = tempDbDir();
  for (const [key, jobs] of [['one', 1], ['two', 2]] as const) {
    const db = openStore(dbs.file());
    try {
      await mineHistory({ repo: repo.dir, db, jobs });
      const names = new Map(COMMITS.map((name) => [repo.id(name), name]));
      const events = [...eventsTable(db).list()].map((e) => `${names.get(e.commit)} ${e.kind} ${e.path} ${e.symbol} ${e.before_macro ?? '-'} → ${e.after_macro ?? '-'}`);
      mined[key] = { events, sets: replayStore(db).sets };
    } finally {
      db.close();
    }
  }
});

after(() => {
  repo?.cleanup();
  dbs?.remove();
});

test('the mine finds exports whose names a splice splits, with one thread and with a reader thread', () => {
  const expected = [
    'c1 added kernel/crlf.c crlf_fn - → EXPORT_SYMBOL',
    'c1 added kernel/split.c split_fn - → EXPORT_SYMBOL_GPL',
    'c2 loosened kernel/split.c split_fn EXPORT_SYMBOL_GPL → EXPORT_SYMBOL',
    'c3 added kernel/thing_user.c thing_fn - → PROVIDES_THING',
    'c4 added drivers/other.c other_fn - → PROVIDES_THING',
    'c5 removed kernel/split.c split_fn EXPORT_SYMBOL → -',
  ];
  assert.deepEqual([...mined.one.events].sort(), expected);
  assert.deepEqual([...mined.two.events].sort(), expected);
});

test('a scan of each commit\'s tree finds what replaying the events gives', async () => {
  for (const name of COMMITS) assert.deepEqual(await replayVersusScan(repo.dir, repo.id(name), mined.one.sets.get(repo.id(name))!), [], name);
});

test('a scan of a checked-out directory finds the split names too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-split-'));
  try {
    execFileSync('git', ['-C', repo.dir, 'archive', repo.id('c4'), '-o', join(dir, 'tree.tar')]);
    execFileSync('tar', ['-xf', join(dir, 'tree.tar'), '-C', dir]);
    rmSync(join(dir, 'tree.tar'));
    const fromDirectory = await scanTree(treeFromDirectory(dir));
    const fromCommit = await scanTree(treeFromCommit(repo.dir, repo.id('c4')));
    const symbols = (s: typeof fromCommit): string[] => s.exports.map((e) => `${e.path} ${e.symbol} ${e.macro}`).sort();
    assert.deepEqual(symbols(fromDirectory), [
      'drivers/other.c other_fn PROVIDES_THING', 'kernel/crlf.c crlf_fn EXPORT_SYMBOL',
      'kernel/split.c split_fn EXPORT_SYMBOL', 'kernel/thing_user.c thing_fn PROVIDES_THING',
    ]);
    assert.deepEqual(symbols(fromCommit), symbols(fromDirectory));
    // kernel/plain.c has a split identifier and no needle: it is not parsed.
    assert.equal(fromCommit.filesParsed, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the grep for a new wrapper\'s users finds a name a splice splits, at once and from the diff since', async () => {
  const differ = new DiffTreeBatch(repo.dir);
  const grep = new SourceGrep(repo.dir, differ);
  try {
    // The header that defines the wrapper holds its name too; kernel/plain.c holds a split name, not this one.
    assert.deepEqual((await grep.paths(repo.id('c3'), ['PROVIDES_THING'])).sort(), ['include/linux/thing.h', 'kernel/thing_user.c']);
    const users = ['drivers/other.c', 'include/linux/thing.h', 'kernel/thing_user.c'];
    assert.deepEqual((await grep.paths(repo.id('c4'), ['PROVIDES_THING'])).sort(), users);
    const fresh = new SourceGrep(repo.dir, differ);
    assert.deepEqual((await fresh.paths(repo.id('c4'), ['PROVIDES_THING'])).sort(), users);
    await fresh.close();
  } finally {
    await grep.close();
    await differ.close();
  }
});

test('a database mined before split names were seen is emptied when mine upgrades it, and mined again in full', async () => {
  const path = dbs.file();
  const fresh = openStore(dbs.file());
  const first = openStore(path);
  try {
    await mineHistory({ repo: repo.dir, db: fresh });
    await mineHistory({ repo: repo.dir, db: first });
  } finally {
    first.close();
  }
  // As a schema 6 mine left it (without the indexes schema 8 adds), with an event it got wrong.
  const raw = new Database(path);
  raw.exec('DROP INDEX events_by_path; DROP INDEX events_by_from_path');
  raw.pragma('user_version = 6');
  raw.prepare("UPDATE events SET after_macro = 'EXPORT_SYMBOL' WHERE symbol = 'split_fn' AND kind = 'added'").run();
  raw.close();
  const db = openStore(path);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'meta'").pluck().all() as string[];
    assert.ok(tables.length >= 17);
    for (const table of tables) assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
    await mineHistory({ repo: repo.dir, db });
    assert.deepEqual(storeRows(db), storeRows(fresh));
    // What the steps after the commits keep a basis of for later mines is made again too.
    for (const table of ['release_licenses', 'subsystems', 'path_subsystems', 'symbol_subsystems']) {
      const rows = (of: typeof db): unknown[] => of.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
      assert.ok(rows(fresh).length > 0, table);
      assert.deepEqual(rows(db), rows(fresh), table);
    }
  } finally {
    db.close();
    fresh.close();
  }
});
