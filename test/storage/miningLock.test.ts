// One miner per database: a claim is taken and released, a live claim keeps others out, and a process
// drops the claim a mine of its own (a terminated thread) could not release, and no other.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { acquireMiningLock, dropOwnClaim } from '../../src/storage/miningLock.js';
import { openStore } from '../../src/storage/openStore.js';

function withDb(body: (db: ReturnType<typeof openStore>, path: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-lock-'));
    const path = join(dir, 'k.db');
    const db = openStore(path);
    try {
      await body(db, path);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const claim = (db: ReturnType<typeof openStore>): unknown => db.prepare("SELECT value FROM meta WHERE key = 'miner'").pluck().get();

test('a claim is taken and released', withDb((db, path) => {
  const release = acquireMiningLock(db, path);
  assert.deepEqual(JSON.parse(claim(db) as string), { pid: process.pid, host: hostname() });
  release();
  assert.equal(claim(db), undefined);
}));

test('a live process\'s claim keeps a mine out in one line', withDb(async (db, path) => {
  const holder = spawn('sleep', ['30']);
  try {
    db.prepare("INSERT INTO meta (key, value) VALUES ('miner', ?)").run(JSON.stringify({ pid: holder.pid, host: hostname() }));
    assert.throws(() => acquireMiningLock(db, path), { code: 'MineInProgress' });
  } finally {
    holder.kill();
  }
}));

test('a process drops its own claim left behind, and leaves another process\'s', withDb((db, path) => {
  acquireMiningLock(db, path); // never released, as by a thread ended mid-mine
  dropOwnClaim(db);
  assert.equal(claim(db), undefined);
  const other = JSON.stringify({ pid: process.pid + 1, host: 'elsewhere' });
  db.prepare("INSERT INTO meta (key, value) VALUES ('miner', ?)").run(other);
  dropOwnClaim(db);
  assert.equal(claim(db), other);
}));
