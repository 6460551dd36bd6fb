// The server answers every request while a mine writes to the same database: no "database is locked".
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { generateHistory } from '../helpers/generatedHistory.js';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { startServer } = await import('../helpers/serverFixture.js');

const BIN = fileURLToPath(new URL('../../../bin/ksymtrail.js', import.meta.url));

test('every request succeeds while another process mines into the database', async () => {
  const work = mkdtempSync(join(tmpdir(), 'ksymtrail-live-'));
  const repo = join(work, 'repo');
  generateHistory(repo, 6000, 11);
  const db = join(work, 'k.db');
  const older = execFileSync('git', ['-C', repo, 'rev-list', '--skip=5000', '-1', 'HEAD'], { encoding: 'utf8' }).trim();
  const store = openStore(db);
  await mineHistory({ repo, rev: older, db: store });
  store.close();
  const server = await startServer(db);
  try {
    const miner = spawn('node', [BIN, 'mine', repo, '--db', db, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let minerDone = false;
    const finished = new Promise<number | null>((resolve) => miner.on('close', (status) => { minerDone = true; resolve(status); }));
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    while (!minerDone) {
      for (const path of ['/api/stats', '/api/symbols?q=sym', '/api/events?limit=5&offset=10', '/api/releases']) {
        const response = await fetch(new URL(path, server.url));
        requests++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status !== 200) failures.push(`${path}: ${response.status} ${await response.text()}`);
        else await response.arrayBuffer();
      }
    }
    assert.equal(await finished, 0);
    assert.ok(requests > 20, `requests made while mining: ${requests}`);
    assert.deepEqual(failures, []);
    const after = await (await fetch(new URL('/api/stats', server.url))).json() as { commits: number };
    assert.equal(after.commits, Number(execFileSync('git', ['-C', repo, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' })));
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
});
