// Two mines of one database at once: the second refuses in one line, and no event is recorded twice.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { generateHistory } = await import('../helpers/generatedHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');

const BIN = fileURLToPath(new URL('../../../bin/ksymtrail.js', import.meta.url));

function mine(repo: string, db: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, 'mine', repo, '--db', db, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

test('a second mine of a database being mined refuses with a clear message, and nothing is duplicated', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-concurrent-'));
  const repo = join(dir, 'repo');
  generateHistory(repo, 2000);
  const total = Number(execFileSync('git', ['-C', repo, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' }));
  try {
    const db = join(dir, 'k.db');
    const [first, second] = await Promise.all([mine(repo, db), new Promise((r) => setTimeout(r, 300)).then(() => mine(repo, db))]);
    const outcomes = [first, second].map((r) => r.status).sort();
    const refused = [first, second].find((r) => r.status !== 0);
    if (refused) {
      assert.deepEqual(outcomes, [0, 2]);
      assert.match(refused.stderr.trim(), /^ksymtrail: .*k\.db is being mined by process \d+ on .*; wait for it to finish/);
      assert.equal(refused.stderr.trim().split('\n').length, 1);
    }
    const store = openStore(db, { readonly: true });
    const duplicates = store.prepare('SELECT count(*) FROM (SELECT commit_id, symbol, path, kind FROM events GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)').pluck().get();
    const commits = store.prepare('SELECT count(*) FROM commits').pluck().get();
    store.close();
    assert.equal(duplicates, 0);
    assert.equal(commits, total);
    assert.ok(refused, 'the second mine started while the first was running, so it must have been refused');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
