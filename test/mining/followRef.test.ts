// Following a ref that moves: each look mines what is new, fetching first when asked; failures are
// told and tried again; a stop ends the wait at once and a mine under way between two segments.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { generateHistory } = await import('../helpers/generatedHistory.js');
const { followRef } = await import('../../src/mining/followRef.js');
type FollowRound = import('../../src/mining/followRef.js').FollowRound;
const { openStore } = await import('../../src/storage/openStore.js');

/** Followers still running: a failed assertion must not leave one looping (the test would never end). */
const running: { stop(): void; done: Promise<void> }[] = [];
afterEach(async () => {
  for (const follower of running.splice(0)) {
    follower.stop();
    await follower.done;
  }
});

/** A follower of `rev` with a short interval, whose looks are collected; `until` waits for one that matches. */
function startFollowing(repo: string, rev: string, dbPath: string, fetch = false) {
  const controller = new AbortController();
  const rounds: FollowRound[] = [];
  const waiters: { match: (r: FollowRound) => boolean; resolve: (r: FollowRound) => void }[] = [];
  const done = followRef({
    repo, rev, dbPath, intervalMs: 50, fetch, signal: controller.signal,
    onRound: (round) => {
      rounds.push(round);
      for (const w of waiters.splice(0)) (w.match(round) ? w.resolve(round) : waiters.push(w));
    },
  });
  running.push({ stop: () => controller.abort(), done });
  return {
    rounds,
    done,
    stop: () => controller.abort(),
    /** The first look from now on that matches (looks before this call do not count). */
    until: (match: (r: FollowRound) => boolean): Promise<FollowRound> => new Promise((resolve) => waiters.push({ match, resolve })),
  };
}

const minedSome = (r: FollowRound): boolean => r.kind === 'mined' && r.summary.mined > 0;

function eventsIn(dbPath: string): string[] {
  const db = openStore(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT c.sha, e.symbol, e.kind FROM events e JOIN commits c ON c.id = e.commit_id ORDER BY e.id').raw().all() as string[][])
      .map(([sha, symbol, kind]) => `${sha!.slice(0, 7)} ${symbol} ${kind}`);
  } finally {
    db.close();
  }
}

/** Every event with every field but the ids, as sorted lines: two mines of one history must agree on them. */
function everyEvent(dbPath: string): string[] {
  const db = openStore(dbPath, { readonly: true });
  try {
    return (db.prepare(`SELECT c.sha, e.symbol, e.path, e.from_path, e.kind, e.merge, e.before_macro, e.after_macro, e.before_license,
      e.after_license, e.before_namespace, e.after_namespace, e.line FROM events e JOIN commits c ON c.id = e.commit_id`).raw().all() as unknown[][])
      .map((row) => JSON.stringify(row)).sort();
  } finally {
    db.close();
  }
}

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'ksymtrail-follow-'));
}

test('a follower mines the ref at once, then each commit the ref moves to, until it is stopped', { timeout: 60_000 }, async () => {
  const repo = RepoBuilder.create();
  const work = workDir();
  try {
    repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
    const db = join(work, 'k.db');
    const follower = startFollowing(repo.dir, 'master', db);
    const first = await follower.until((r) => r.kind === 'mined');
    assert.ok(first.kind === 'mined' && first.first && first.summary.mined === 1);
    const moved = follower.until(minedSome);
    repo.commit('c2', { date: '2004-01-02 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL_GPL(a);\n' } });
    const second = await moved;
    assert.ok(second.kind === 'mined' && !second.first && second.summary.mined === 1 && second.summary.tip === repo.id('c2'));
    follower.stop();
    await follower.done;
    assert.deepEqual(eventsIn(db), [`${repo.id('c1').slice(0, 7)} a added`, `${repo.id('c2').slice(0, 7)} a tightened`]);
    assert.ok(follower.rounds.every((r) => r.kind === 'mined'), JSON.stringify(follower.rounds.map((r) => r.kind)));
  } finally {
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
});

/** An upstream repository with one commit (c1 exports a), and a clone of it in a work folder. */
function upstreamAndClone() {
  const upstream = RepoBuilder.create();
  upstream.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
  const work = workDir();
  const clone = join(work, 'clone');
  execFileSync('git', ['clone', '-q', upstream.dir, clone]);
  return { upstream, work, clone };
}

test('with fetch, a follower of origin/master mines what the upstream repository gained', { timeout: 60_000 }, async () => {
  const { upstream, work, clone } = upstreamAndClone();
  try {
    const db = join(work, 'k.db');
    const follower = startFollowing(clone, 'origin/master', db, true);
    await follower.until((r) => r.kind === 'mined');
    const fetched = follower.until(minedSome);
    upstream.commit('c2', { date: '2004-01-02 10:00:00 +0000', files: { 'kernel/b.c': 'EXPORT_SYMBOL_GPL(b);\n' } });
    const round = await fetched;
    assert.ok(round.kind === 'mined' && round.summary.tip === upstream.id('c2'));
    follower.stop();
    await follower.done;
    assert.deepEqual(eventsIn(db), [`${upstream.id('c1').slice(0, 7)} a added`, `${upstream.id('c2').slice(0, 7)} b added`]);
  } finally {
    upstream.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
});

test('a failed fetch is told and the look goes on with what the repository has', { timeout: 60_000 }, async () => {
  const { upstream, work, clone } = upstreamAndClone();
  try {
    upstream.cleanup(); // the remote is gone
    const follower = startFollowing(clone, 'origin/master', join(work, 'k.db'), true);
    const failed = await follower.until((r) => r.kind === 'fetch-failed');
    assert.ok(failed.kind === 'fetch-failed');
    assert.match((failed.error as Error).message, /^git fetch --quiet origin failed \(exit 128\): fatal: /);
    const mined = await follower.until((r) => r.kind === 'mined');
    assert.ok(mined.kind === 'mined');
    follower.stop();
    await follower.done;
    assert.equal(eventsIn(join(work, 'k.db')).length, 1);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('a look that another mine keeps out is told, and the next look mines', { timeout: 60_000 }, async () => {
  const repo = RepoBuilder.create();
  const work = workDir();
  // A live process of this host holds the database's claim, as a running mine would.
  const holder = spawn('sleep', ['60']);
  try {
    repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
    const db = join(work, 'k.db');
    const store = openStore(db);
    store.prepare("INSERT INTO meta (key, value) VALUES ('miner', ?)").run(JSON.stringify({ pid: holder.pid, host: (await import('node:os')).hostname() }));
    store.close();
    const follower = startFollowing(repo.dir, 'master', db);
    const refused = await follower.until((r) => r.kind === 'failed');
    assert.ok(refused.kind === 'failed' && (refused.error as { code?: string }).code === 'MineInProgress');
    const mined = follower.until(minedSome);
    holder.kill();
    await mined;
    follower.stop();
    await follower.done;
    assert.equal(eventsIn(db).length, 1);
  } finally {
    holder.kill();
    repo.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
});

/** The git processes this test process has running (Linux `ps`). */
function gitChildren(): string[] {
  const out = execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /^git /.test(line));
}

test('a stop during a mine ends it after a segment, leaves no git running, and the next mine ends with the same events as one mine', { timeout: 120_000 }, async () => {
  const work = workDir();
  try {
    const repo = join(work, 'repo');
    generateHistory(repo, 3000);
    const total = Number(execFileSync('git', ['-C', repo, 'rev-list', '--count', 'HEAD'], { encoding: 'utf8' }));
    const db = join(work, 'k.db');
    const controller = new AbortController();
    const rounds: FollowRound[] = [];
    await followRef({
      repo, rev: 'HEAD', dbPath: db, intervalMs: 50, fetch: false, jobs: 1, signal: controller.signal,
      onRound: (round) => rounds.push(round),
      onProgress: (progress) => {
        if (progress.done >= 100) controller.abort();
      },
    });
    assert.deepEqual(gitChildren(), []);
    assert.equal(rounds.length, 1);
    const round = rounds[0]!;
    assert.ok(round.kind === 'stopped' && round.done > 0 && round.done < total, JSON.stringify(round));
    const written = round.kind === 'stopped' ? round.done : -1;
    const store = openStore(db);
    assert.equal(store.prepare('SELECT count(*) FROM commits').pluck().get(), written);
    store.close();
    const again = startFollowing(repo, 'HEAD', db);
    const rest = await again.until((r) => r.kind === 'mined');
    again.stop();
    await again.done;
    assert.ok(rest.kind === 'mined' && rest.summary.mined === total - written);
    const whole = join(work, 'whole.db');
    const once = startFollowing(repo, 'HEAD', whole);
    await once.until((r) => r.kind === 'mined');
    once.stop();
    await once.done;
    const events = everyEvent(whole);
    assert.ok(events.length > 100, `events: ${events.length}`);
    assert.deepEqual(everyEvent(db), events);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
