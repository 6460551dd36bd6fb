// An API request reads one snapshot: a mine that commits between two of its queries is not seen half-way.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import express from 'express';
import { readSnapshot } from '../../src/server/readSnapshot.js';
import { isolateGit } from '../helpers/isolateGit.js';
import { openStore } from '../../src/storage/openStore.js';

/**
 * A server whose one route counts rows of `meta`, lets another connection (a mine) commit a row, and
 * counts again; `snapshot` says whether the route runs under readSnapshot.
 */
async function countTwice(snapshot: boolean): Promise<{ before: number; after: number; next: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-snapshot-'));
  const path = join(dir, 'k.db');
  const writer = openStore(path);
  const reader = openStore(path, { readonly: true });
  const app = express();
  if (snapshot) app.use(readSnapshot(reader));
  const count = (): number => reader.prepare('SELECT count(*) FROM meta').pluck().get() as number;
  let n = 0;
  app.get('/', (_req, res) => {
    const before = count();
    writer.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(`row${n++}`, 'x');
    res.json({ before, after: count() });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const first = (await (await fetch(url)).json()) as { before: number; after: number };
    const second = (await (await fetch(url)).json()) as { before: number };
    return { ...first, next: second.before };
  } finally {
    server.close();
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a request under readSnapshot does not see a commit made while it runs, and the next request does', async () => {
  const { before, after, next } = await countTwice(true);
  assert.equal(after, before);
  assert.equal(next, before + 1);
});

test('without it, the second query of a request sees the commit (so the first test can fail)', async () => {
  const { before, after } = await countTwice(false);
  assert.equal(after, before + 1);
});

test('every query of every API route runs inside the request\'s snapshot, errors included', async () => {
  const restore = isolateGit();
  const { buildServerFixture, startServer } = await import('../helpers/serverFixture.js');
  const fixture = await buildServerFixture();
  // Each statement run notes whether its connection was in a transaction (BEGIN and COMMIT themselves aside).
  const proto = Database.prototype.prepare.call(new Database(':memory:'), 'SELECT 1').constructor.prototype as Record<string, (...args: unknown[]) => unknown>;
  const originals = Object.fromEntries(['get', 'all', 'iterate', 'run'].map((name) => [name, proto[name]!]));
  const seen: { sql: string; inTransaction: boolean }[] = [];
  let recording = false; // from the first request: opening the database reads outside any request
  for (const [name, original] of Object.entries(originals)) {
    proto[name] = function (this: { source: string; database: { inTransaction: boolean } }, ...args: unknown[]) {
      if (recording && !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(this.source)) seen.push({ sql: this.source, inTransaction: this.database.inTransaction });
      return original.apply(this, args);
    };
  }
  const server = await startServer(fixture.db);
  try {
    const paths = ['/api/stats', '/api/releases', '/api/symbols?q=vfio', '/api/symbols/vfio_pin_pages', '/api/symbols/no_such_symbol',
      '/api/symbols?subsystem=NOPE', '/api/subsystems', '/api/subsystems/HMM', '/api/events?kind=tightened', '/api/events?from=v5.0&to=v5.2',
      '/api/events?author=alex&subsystem=VFIO', '/api/events?limit=9999', '/api/nothing'];
    const statuses = [];
    recording = true;
    for (const path of paths) statuses.push((await fetch(new URL(path, server.url))).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 404, 404, 200, 200, 200, 200, 200, 400, 404]);
    assert.ok(seen.length > 20, `queries run: ${seen.length}`);
    assert.deepEqual(seen.filter((q) => !q.inTransaction).map((q) => q.sql), []);
  } finally {
    Object.assign(proto, originals);
    await server.close();
    fixture.cleanup();
    restore();
  }
});
