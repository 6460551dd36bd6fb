// `mine --follow` and `serve --repo`: a process that keeps the database current as the ref moves,
// says what each look found, and stops cleanly on SIGINT or SIGTERM; their options are checked first.
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { runCli } = await import('../helpers/runCli.js');

const BIN = fileURLToPath(new URL('../../../bin/ksymtrail.js', import.meta.url));
const STAMP = String.raw`\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\] `;

/** The CLI in a child process, with its stderr lines as they come. */
function startCli(args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn('node', [BIN, ...args]);
  const lines: string[] = [];
  let partial = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.splice(0)) (w.pattern.test(line) ? w.resolve(line) : waiters.push(w));
    }
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  return {
    child,
    lines,
    exited,
    /** The next stderr line that matches (lines before this call do not count). */
    line: (pattern: RegExp): Promise<string> => new Promise((resolve) => waiters.push({ pattern, resolve })),
  };
}

function fixture() {
  const repo = RepoBuilder.create();
  repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
  const work = mkdtempSync(join(tmpdir(), 'ksymtrail-follow-cli-'));
  return { repo, work, db: join(work, 'k.db'), cleanup: () => (repo.cleanup(), rmSync(work, { recursive: true, force: true })) };
}

test('mine --follow mines at once, then each commit the ref moves to, and SIGTERM stops it with status 0', { timeout: 60_000 }, async () => {
  const { repo, db, cleanup } = fixture();
  const cli = startCli(['mine', repo.dir, '--rev', 'master', '--db', db, '--follow', '--interval', '1s']);
  try {
    const first = cli.line(/mined 1 commit of master/);
    assert.match(await cli.line(/following/), new RegExp(`^${STAMP}following master of .* into .*k\\.db, looking again every 1 second \\(Ctrl-C stops\\)$`));
    assert.match(await first, new RegExp(`^${STAMP}mined 1 commit of master \\(${repo.id('c1').slice(0, 12)}\\) in .* s: 1 event, into .*k\\.db$`));
    const moved = cli.line(/mined 1 commit/);
    repo.commit('c2', { date: '2004-01-02 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL_GPL(a);\n' } });
    assert.match(await moved, new RegExp(`mined 1 commit of master \\(${repo.id('c2').slice(0, 12)}\\)`));
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0);
    assert.match(cli.lines.at(-1)!, new RegExp(`^${STAMP}stopped following master$`));
    // Only the first look and the one that found something spoke: up-to-date looks are silent.
    assert.equal(cli.lines.length, 4, cli.lines.join('\n'));
    const events = await runCli('events', '--db', db, '--json');
    assert.deepEqual(events.stdout.map((line) => JSON.parse(line).kind), ['added', 'tightened']);
  } finally {
    cli.child.kill('SIGKILL');
    cleanup();
  }
});

test('serve --repo serves at once and mines beside the server: the API shows each commit the ref moves to', { timeout: 60_000 }, async () => {
  const { repo, db, cleanup } = fixture();
  const cli = startCli(['serve', '--repo', repo.dir, '--rev', 'master', '--db', db, '--port', '0', '--interval', '1s']);
  try {
    const firstLook = cli.line(/mined 1 commit of master/);
    const url = (await cli.line(/serving/)).match(/at (http:\S+)/)![1]!;
    const stats = async (): Promise<{ commits: number; events: number }> => (await fetch(new URL('/api/stats', url))).json() as Promise<{ commits: number; events: number }>;
    await firstLook;
    assert.deepEqual(await stats().then(({ commits, events }) => ({ commits, events })), { commits: 1, events: 1 });
    const moved = cli.line(/mined 1 commit of master/);
    repo.commit('c2', { date: '2004-01-02 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL_GPL(a);\n' } });
    await moved;
    assert.deepEqual(await stats().then(({ commits, events }) => ({ commits, events })), { commits: 2, events: 2 });
    const tightened = (await (await fetch(new URL('/api/events?kind=tightened', url))).json()) as { items: { commit: string; symbol: string }[] };
    assert.deepEqual(tightened.items.map((e) => [e.commit, e.symbol]), [[repo.id('c2'), 'a']]);
    cli.child.kill('SIGINT');
    assert.equal(await cli.exited, 0);
  } finally {
    cli.child.kill('SIGKILL');
    cleanup();
  }
});

const refused: [string, string[], RegExp][] = [
  ['--interval without --follow', ['--interval', '10m'], /^ksymtrail: option "--interval": works only with --follow/],
  ['--fetch without --follow', ['--fetch'], /^ksymtrail: option "--fetch": works only with --follow/],
  ['an interval without a unit', ['--follow', '--interval', '10'], /--interval <duration>' argument '10' is invalid\. expected a duration with a unit, such as 30s, 10m or 1h/],
  ['--fetch in a repository without a remote', ['--follow', '--fetch'], /^ksymtrail: repository ".*": has no remote to fetch from/],
];

for (const [what, args, message] of refused) {
  test(`mine refuses ${what} in one line, and creates no database`, async () => {
    const { repo, db, cleanup } = fixture();
    try {
      const run = await runCli('mine', repo.dir, '--db', db, ...args);
      assert.equal(run.status, 2);
      assert.equal(run.stderr.length, 1, run.stderr.join('\n'));
      assert.match(run.stderr[0]!, message);
      assert.equal(existsSync(db), false);
    } finally {
      cleanup();
    }
  });
}

for (const flag of [['--rev', 'master'], ['--interval', '1m'], ['--fetch'], ['--break-lock']]) {
  test(`serve refuses ${flag[0]} without --repo in one line`, async () => {
    const run = await runCli('serve', '--db', join(tmpdir(), 'ksymtrail-none.db'), ...flag);
    assert.equal(run.status, 2);
    assert.deepEqual(run.stderr, [`ksymtrail: option "${flag[0]}": works only with --repo: add --repo REPO to mine beside the server`]);
  });
}

test('serve --repo refuses a path that is not a repository before serving anything', async () => {
  const work = mkdtempSync(join(tmpdir(), 'ksymtrail-follow-cli-'));
  try {
    const run = await runCli('serve', '--repo', join(work, 'nothing'), '--db', join(work, 'k.db'), '--port', '0');
    assert.equal(run.status, 2);
    assert.equal(run.stderr.length, 1);
    assert.match(run.stderr[0]!, /nothing does not exist|is not a git repository/);
    assert.equal(existsSync(join(work, 'k.db')), false);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
