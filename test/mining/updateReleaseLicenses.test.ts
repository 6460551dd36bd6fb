// Release licenses: each release's exports by license, and each symbol's license where it changed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
test.after(restore);

const day = (n: number): string => `2004-02-${String(n).padStart(2, '0')} 10:00:00 +0000`;

test('releases count symbols by tree license, and a symbol has a row only at releases where its license changed', async () => {
  const repo = RepoBuilder.create();
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-rl-'));
  try {
    repo.commit('c1', { files: { 'mm/a.c': 'EXPORT_SYMBOL(a);\nEXPORT_SYMBOL(b);\n', 'mm/b.c': 'EXPORT_SYMBOL_GPL(c);\n' }, date: day(1) });
    repo.tag('v2.6.0', 'c1');
    repo.commit('c2', { files: { 'mm/a.c': 'EXPORT_SYMBOL_GPL(a);\nEXPORT_SYMBOL(b);\n', 'mm/c.c': 'EXPORT_SYMBOL(c);\n' }, date: day(2) });
    repo.tag('v2.6.1', 'c2');
    repo.commit('c3', { files: { 'mm/a.c': 'EXPORT_SYMBOL(a);\n', 'mm/c.c': null }, date: day(3) });
    repo.tag('v2.6.2', 'c3');
    repo.commit('c4', { files: { 'mm/a.c': 'EXPORT_SYMBOL_GPL(a);\n' }, date: day(4) });
    const db = openStore(join(dir, 'k.db'));
    await mineHistory({ repo: repo.dir, db });
    const counts = db.prepare('SELECT tag, symbols_any, symbols_gpl, symbols_mixed FROM releases ORDER BY ordinal').raw().all();
    assert.deepEqual(counts, [['v2.6.0', 2, 1, 0], ['v2.6.1', 1, 1, 1], ['v2.6.2', 1, 1, 0]]);
    const rows = db.prepare('SELECT r.tag, l.symbol, l.license FROM release_licenses l JOIN releases r USING (ordinal) ORDER BY l.ordinal, l.symbol').raw().all();
    assert.deepEqual(rows, [
      ['v2.6.0', 'a', 'any'], ['v2.6.0', 'b', 'any'], ['v2.6.0', 'c', 'gpl'],
      ['v2.6.1', 'a', 'gpl'], ['v2.6.1', 'c', 'mixed'],
      ['v2.6.2', 'a', 'any'], ['v2.6.2', 'b', 'none'], ['v2.6.2', 'c', 'gpl'],
    ]);
    db.close();
  } finally {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
