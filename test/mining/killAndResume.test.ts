// A mine killed at any moment (even kill -9) loses nothing it had committed, and a rerun finishes it
// with exactly the store an uninterrupted mine writes (PRODUCT.md "Mine": resumable).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { generateHistory } from '../helpers/generatedHistory.js';
import { isolateGit } from '../helpers/isolateGit.js';
import { integrityOf, type StoreRows, storeRows, tempDbDir } from '../helpers/storeRows.js';

after(isolateGit());
const { mineHistory, segmentsOf } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');

const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let work: string;
let dbs: ReturnType<typeof tempDbDir>;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'ksymtrail-kill-'));
  dbs = tempDbDir();
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  dbs?.remove();
});

function readStore(file: string): { rows: StoreRows; integrity: string } {
  const db = openStore(file);
  try {
    return { rows: storeRows(db), integrity: integrityOf(db) };
  } finally {
    db.close();
  }
}

function assertSameStore(actual: StoreRows, expected: StoreRows, context: string): void {
  assert.deepEqual(actual.events, expected.events, `events ${context}`);
  assert.deepEqual(actual.symbolStates, expected.symbolStates, `symbol states ${context}`);
  assert.deepEqual(actual.commits, expected.commits, `commits ${context}`);
  assert.deepEqual(actual.releases, expected.releases, `releases ${context}`);
  assert.deepEqual(actual.releaseLicenses, expected.releaseLicenses, `licenses at releases ${context}`);
  assert.deepEqual(actual.symbols, expected.symbols, `symbols ${context}`);
}

const mineArgs = (repo: string, db: string): string[] => ['bin/ksymtrail.js', 'mine', repo, '--db', db, '--quiet'];

/** Runs the CLI's mine and kills it with SIGKILL after `delayMs`, unless it finished first. */
function mineAndKill(repo: string, db: string, delayMs: number): Promise<{ killed: boolean; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, mineArgs(repo, db), { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (signal === null && status !== 0) reject(new Error(`mine failed (${status}): ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', status });
    });
  });
}

function mineToCompletion(repo: string, db: string): void {
  const run = spawnSync(process.execPath, mineArgs(repo, db), { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

test('a mine killed with SIGKILL at 20 random moments in a row and then rerun gives the store of an uninterrupted mine, the database intact each time', async () => {
  // Over 5,000 commits, so the miner commits a first segment well before it is done: a kill can
  // land before it, inside the second, or in the steps that follow the last.
  const repo = join(work, 'long');
  generateHistory(repo, 7500);
  const whole = dbs.file('uninterrupted.db');
  const started = performance.now();
  mineToCompletion(repo, whole);
  const duration = performance.now() - started;
  const expected = readStore(whole);
  assert.equal(expected.integrity, 'ok');
  assert.ok(expected.rows.events.length > 1000, 'the history has events to lose');

  const killedDb = dbs.file('killed.db');
  const runs: string[] = [];
  let kills = 0;
  const KILLS = 20;
  for (let i = 0; i < KILLS; i++) {
    // Stratified over the run, so the early and the late moments are both hit.
    const delay = Math.round(duration * (0.15 + (0.8 * (i + Math.random())) / KILLS));
    const { killed } = await mineAndKill(repo, killedDb, delay);
    if (killed) kills++;
    const afterKill = readStore(killedDb);
    assert.equal(afterKill.integrity, 'ok', `integrity after a kill at ${delay} ms`);
    runs.push(`${killed ? 'killed' : 'finished'} at ${delay} ms with ${afterKill.rows.commits.length} commits stored`);
  }
  assert.ok(kills > 0, `at least one run was killed before it finished (${runs.join('; ')}; whole run ${Math.round(duration)} ms)`);
  mineToCompletion(repo, killedDb);
  const resumed = readStore(killedDb);
  assert.equal(resumed.integrity, 'ok');
  assertSameStore(resumed.rows, expected.rows, `after runs ${runs.join('; ')}`);
});

/** Thrown from the progress callback: the mine stops right after a segment's transaction, as a kill there would. */
class Interrupted extends Error {}

let small: string;
let smallCommits: number;
let smallExpected: StoreRows;

async function mineInProcess(db: string, segmentSize: number, stopAfter?: number, rev?: string): Promise<void> {
  const store = openStore(db);
  try {
    let segments = 0;
    await mineHistory({
      repo: small, db: store, segmentSize, rev,
      onProgress: () => {
        if (++segments === stopAfter) throw new Interrupted();
      },
    });
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
  } finally {
    store.close();
  }
}

/** The small history, mined once at once: what every other way of mining it must equal. */
async function smallHistory(): Promise<void> {
  if (small) return;
  small = join(work, 'short');
  smallCommits = generateHistory(small, 300, 1991).commits;
  const whole = dbs.file('short-uninterrupted.db');
  await mineInProcess(whole, 50);
  smallExpected = readStore(whole).rows;
}

// About 300 commits in segments of up to 50 (the first ones shorter): the last stop is right after the last segment, before the
// steps that finish a mine (tip exports, releases, the ref).
for (const stop of ['first', 'third', 'last'] as const) {
  test(`a mine stopped right after its ${stop} segment and rerun gives the store of an uninterrupted mine, tip exports included`, async () => {
    await smallHistory();
    const sizes = segmentsOf(Array.from({ length: smallCommits }), 50).map((segment) => segment.length);
    const stopAfter = stop === 'first' ? 1 : stop === 'third' ? 3 : sizes.length;
    const db = dbs.file();
    await mineInProcess(db, 50, stopAfter);
    const { rows: partial } = readStore(db);
    assert.equal(partial.commits.length, sizes.slice(0, stopAfter).reduce((sum, size) => sum + size, 0), 'each finished segment is kept');
    await mineInProcess(db, 50);
    const { rows, integrity } = readStore(db);
    assert.equal(integrity, 'ok');
    assertSameStore(rows, smallExpected, `stopped after segment ${stopAfter}`);
    assert.deepEqual(rows.tipExports, smallExpected.tipExports, 'tip exports');
  });
}

test('a mine of the tip on top of a finished mine of an older commit, stopped after a segment and run again, gives the store of an uninterrupted mine', async () => {
  // A rerun on top of a finished mine of an older commit (test/mining/updateSymbols.test.ts has a
  // rerun of one ref whose symbols table only the stopped run's events decide).
  await smallHistory();
  const older = spawnSync('git', ['-C', small, 'rev-list', '--topo-order', 'HEAD'], { encoding: 'utf8' }).stdout.split('\n')[150]!;
  const db = dbs.file();
  await mineInProcess(db, 50, undefined, older);
  const before = readStore(db).rows.events.length;
  await mineInProcess(db, 50, 3);
  const { rows: partial } = readStore(db);
  assert.ok(partial.events.length > before && partial.events.length < smallExpected.events.length, 'the stopped run wrote some events');
  await mineInProcess(db, 50);
  const { rows, integrity } = readStore(db);
  assert.equal(integrity, 'ok');
  assertSameStore(rows, smallExpected, 'after the stopped rerun');
});
