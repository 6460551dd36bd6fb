// An API request reads one snapshot: a mine that commits between two of its queries is not seen half-way.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import express from 'express';
import { readSnapshot } from '../../src/server/readSnapshot.js';
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
