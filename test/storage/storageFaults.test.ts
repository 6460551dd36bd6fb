// Faults under the database: a full disk in the middle of a mine, and a database that cannot be
// written. Each is one clear line, and the database still opens with its last committed state.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateHistory } from '../helpers/generatedHistory.js';
import { isolateGit } from '../helpers/isolateGit.js';
import { integrityOf, storeRows } from '../helpers/storeRows.js';

after(isolateGit());
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { formatError } = await import('../../src/cli/formatError.js');

let work = '';
let repo = '';
let older = '';
before(() => {
  work = mkdtempSync(join(tmpdir(), 'ksymtrail-faults-'));
  repo = join(work, 'repo');
  generateHistory(repo, 600, 7);
  older = execFileSync('git', ['-C', repo, 'rev-list', '--skip=300', '-1', 'HEAD'], { encoding: 'utf8' }).trim();
});
after(() => rmSync(work, { recursive: true, force: true }));

test('a disk that fills up in the middle of a mine is one line; what was committed stays and a rerun finishes', async () => {
  const file = join(work, 'full.db');
  let store = openStore(file);
  await mineHistory({ repo, rev: older, db: store });
  const before = storeRows(store);
  // SQLite's page limit stands in for a full disk: the next write that needs a page fails with SQLITE_FULL.
  const pages = store.pragma('page_count', { simple: true }) as number;
  store.pragma(`max_page_count = ${pages + 8}`);
  const failure = await mineHistory({ repo, db: store, segmentSize: 50 }).then(() => null, (error: unknown) => error);
  store.close();
  assert.ok(failure, 'the mine ran out of pages');
  const { line, status } = formatError(failure);
  assert.equal(status, 2);
  assert.match(line, /^ksymtrail: the disk is full: free some space and rerun; the database keeps everything committed before \(SQLITE_FULL\)$/);
  store = openStore(file);
  assert.equal(integrityOf(store), 'ok');
  const kept = storeRows(store);
  assert.ok(kept.commits.length >= before.commits.length, 'nothing committed was lost');
  await mineHistory({ repo, db: store });
  const finished = storeRows(store);
  store.close();
  const whole = openStore(join(work, 'whole.db'));
  await mineHistory({ repo, db: whole });
  assert.deepEqual(finished.events, storeRows(whole).events);
  whole.close();
});

test('a database that cannot be written is one line, and keeps what it had', async () => {
  const file = join(work, 'readonly.db');
  let store = openStore(file);
  await mineHistory({ repo, rev: older, db: store });
  const before = storeRows(store);
  // Tests run as root in CI, which file modes do not stop: SQLite's query_only stands in for a read-only file.
  store.pragma('query_only = 1');
  const failure = await mineHistory({ repo, db: store }).then(() => null, (error: unknown) => error);
  store.close();
  const { line, status } = formatError(failure);
  assert.equal(status, 2);
  assert.match(line, /^ksymtrail: the database file \(or its directory\) is read-only: make it writable or give another --db; nothing was written \(SQLITE_READONLY\)$/);
  store = openStore(file);
  assert.deepEqual(storeRows(store), before);
  store.close();
});
