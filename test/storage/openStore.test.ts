// Opening the database: new files get the schema, foreign or newer files are refused untouched.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { DbFromNewerVersion, DbFromOlderVersion, NoDatabase, NotADatabase } from '../../src/errors.js';
import { openStore } from '../../src/storage/openStore.js';
import { SCHEMA_VERSION } from '../../src/storage/schema.js';
import { PATHS_QUERY, subsystemsTables } from '../../src/storage/subsystemsTables.js';

function inTemp(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-db-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A database as schema `version` (7 or older) left it, with these rows (one mined commit unless told). */
function olderDatabase(path: string, version: number, rows: string[] = [ONE_COMMIT]): void {
  openStore(path).close();
  const raw = new Database(path);
  raw.exec('DROP INDEX events_by_path; DROP INDEX events_by_from_path'); // schema 8's
  for (const row of rows) raw.exec(row);
  raw.pragma(`user_version = ${version}`);
  raw.close();
}

const ONE_COMMIT = "INSERT INTO commits (id, sha, parent_shas, author_name, author_email, author_time, author_tz, committer_name, committer_email, committer_time, committer_tz, subject, trailers) VALUES (1, 'c', '', 'a', 'e', 0, '+0000', 'a', 'e', 0, '+0000', 's', '[]')";

test('a new database is created with the current schema and WAL journaling', () => inTemp((dir) => {
  const db = openStore(join(dir, 'sub', 'k.db'));
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM commits').get(), { n: 0 });
  db.close();
}));

test('a schema 7 database keeps its events and gets the indexes that list the paths of the record without reading every event', () => inTemp((dir) => {
  const path = join(dir, 'k.db');
  olderDatabase(path, 7, [ONE_COMMIT, "INSERT INTO events (commit_id, path, symbol, kind) VALUES (1, 'kernel/a.c', 'foo', 'added')"]);
  const db = openStore(path);
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.deepEqual(db.prepare('SELECT path, symbol FROM events').all(), [{ path: 'kernel/a.c', symbol: 'foo' }]);
  assert.deepEqual(subsystemsTables(db).paths(), ['kernel/a.c']);
  // The query paths() runs reads the two indexes and never the events table itself.
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${PATHS_QUERY}`).all() as { detail: string }[]).map((step) => step.detail);
  assert.ok(plan.some((step) => step.includes('COVERING INDEX events_by_path')), JSON.stringify(plan));
  assert.ok(plan.some((step) => step.includes('COVERING INDEX events_by_from_path')), JSON.stringify(plan));
  assert.ok(!plan.some((step) => /^SCAN events$/.test(step)), JSON.stringify(plan));
  db.close();
}));

test('upgrading a schema 6 database that held commits tells once that what it mined was emptied; a schema 7, an empty schema 6 or a new database tells nothing', () => inTemp((dir) => {
  const told = (path: string): string[] => {
    const notices: string[] = [];
    openStore(path, { onUpgrade: (notice) => notices.push(notice) }).close();
    return notices;
  };
  assert.deepEqual(told(join(dir, 'new.db')), []);
  const empty = join(dir, 'empty6.db');
  olderDatabase(empty, 6, []);
  assert.deepEqual(told(empty), []);
  for (const version of [6, 7]) {
    const path = join(dir, `v${version}.db`);
    olderDatabase(path, version);
    const notices = told(path);
    const db = openStore(path);
    const commits = db.prepare('SELECT count(*) FROM commits').pluck().get();
    db.close();
    if (version === 6) {
      assert.equal(notices.length, 1);
      assert.match(notices[0]!, /missed exports whose macro name a backslash-newline splits; what it mined was emptied .* the next mine of each repository it held mines its whole history again$/);
      assert.equal(commits, 0);
    } else {
      assert.deepEqual([notices, commits], [[], 1]);
    }
  }
}));

test('a database written by a newer ksymtrail is refused with both versions named', () => inTemp((dir) => {
  const path = join(dir, 'k.db');
  openStore(path).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  assert.throws(() => openStore(path), (error: unknown) =>
    error instanceof DbFromNewerVersion && error.data.found === SCHEMA_VERSION + 1 && error.data.supported === SCHEMA_VERSION);
}));

test('a file that is not SQLite is refused and left byte for byte as it was', () => inTemp((dir) => {
  const path = join(dir, 'notes.db');
  writeFileSync(path, 'these are my notes, not a database\n');
  assert.throws(() => openStore(path), NotADatabase);
  assert.equal(readFileSync(path, 'utf8'), 'these are my notes, not a database\n');
}));

test('another application\'s SQLite database is refused and gets no tables', () => inTemp((dir) => {
  const path = join(dir, 'other.db');
  const other = new Database(path);
  other.exec('CREATE TABLE photos (id INTEGER)');
  other.close();
  assert.throws(() => openStore(path), NotADatabase);
  const check = new Database(path, { readonly: true });
  assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(), ['photos']);
  check.close();
}));

test('a reader opens a database read-only and cannot create one', () => inTemp((dir) => {
  assert.throws(() => openStore(join(dir, 'missing.db'), { readonly: true }));
  const path = join(dir, 'k.db');
  openStore(path).close();
  const reader = openStore(path, { readonly: true });
  assert.throws(() => reader.exec('CREATE TABLE x (y INTEGER)'), /readonly/);
  reader.close();
}));

test('a database from a newer ksymtrail is left byte for byte as it was, by writers and readers', () => inTemp((dir) => {
  const path = join(dir, 'k.db');
  openStore(path).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  const before = readFileSync(path);
  assert.throws(() => openStore(path), DbFromNewerVersion);
  assert.throws(() => openStore(path, { readonly: true }), DbFromNewerVersion);
  assert.ok(readFileSync(path).equals(before));
}));

test('a reader refuses a database an older ksymtrail wrote, says to mine it once, and does not migrate it', () => inTemp((dir) => {
  const path = join(dir, 'k.db');
  openStore(path).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
  raw.close();
  const before = readFileSync(path);
  assert.throws(() => openStore(path, { readonly: true }), (error: unknown) =>
    error instanceof DbFromOlderVersion && /run ksymtrail mine on it once to upgrade it/.test(error.message));
  assert.ok(readFileSync(path).equals(before));
  assert.throws(() => openStore(join(dir, 'missing.db'), { readonly: true }), NoDatabase);
}));
