// `npm run bench -- [REPO]` (or KSYMTRAIL_BENCH_REPO): every figure PRODUCT.md's targets name,
// measured in one run as ratios to git's own passes on the same repository, written to BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTest } from './benchApi.js';
import { benchParsers } from './benchParsers.js';
import { threadsFor } from '../src/mining/threadsFor.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const repo = process.argv[2] ?? process.env.KSYMTRAIL_BENCH_REPO;
const rev = process.env.KSYMTRAIL_BENCH_REV ?? 'master';
if (!repo) {
  console.error('bench: give the path of a kernel history (e.g. MaximeChretien/linux-history) as argument or KSYMTRAIL_BENCH_REPO');
  process.exit(2);
}
const MAINLINE_COMMITS = 1_300_000;
/** Where BENCHMARKS.md's hand-written notes start: the bench rewrites only what is above. */
const NOTES_MARKER = '<!-- Notes below are written by hand; npm run bench keeps them. -->';
const work = mkdtempSync(join(tmpdir(), 'ksymtrail-bench-'));

/** Runs a command with its stdout thrown away and returns the wall time in seconds. */
function timed(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`${command} ${args.join(' ')} exited ${status}`))));
  });
}

interface MineRun {
  mined: number;
  events: number;
  elapsedMs: number;
  maxRssMb: number;
  phases: { streamMs: number; replayMs: number; writeMs: number; finishMs: number; blobsRead: number; blobsScanned: number; treesScanned: number };
}

/** One mine in its own process; `auto` is what `ksymtrail mine` does unless told. */
function mine(target: string, db: string, jobs: number | 'auto' = 'auto', from: string = repo!): MineRun {
  const out = execFileSync('node', [join(ROOT, 'dist/scripts/benchMine.js'), from, target, db, String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as MineRun;
}

const git = (...args: string[]): string => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
const commits = Number(git('rev-list', '--count', rev));
const merges = Number(git('rev-list', '--count', '--merges', rev));
console.error(`bench: ${repo} ${rev}: ${commits} commits, ${merges} merges`);

const pickaxe = await timed('git', ['-C', repo, 'log', '--no-merges', '-G', 'EXPORT_[A-Z_]*SYMBOL', '-p', '-U0', rev]);
console.error(`pickaxe pass ${pickaxe.toFixed(1)} s`);
const floor = await timed('git', ['-C', repo, 'cat-file', '--batch-all-objects', '--batch', '--unordered']);
console.error(`floor ${floor.toFixed(1)} s`);
const walk = await timed('git', ['-C', repo, 'log', '--raw', '--no-renames', '--diff-merges=combined', rev]);
console.error(`raw walk ${walk.toFixed(1)} s`);

const fullDb = join(work, 'full.db');
const full = mine(rev, fullDb, 1);
console.error(`full mine ${(full.elapsedMs / 1000).toFixed(1)} s`);
const defaultMine = mine(rev, join(work, 'default.db'), 'auto');
console.error(`full mine, the default ${(defaultMine.elapsedMs / 1000).toFixed(1)} s`);
const rerun = mine(rev, fullDb);
console.error(`rerun ${(rerun.elapsedMs / 1000).toFixed(2)} s`);
// A rerun mines the same ref again once it has moved on, as after a fetch. A clone sharing the
// repository's objects gets a branch at the commit 1,000 before the tip, is mined, and has the
// branch moved to the tip.
const older = git('rev-list', '--topo-order', rev).split('\n')[1000]!;
const clone = join(work, 'clone.git');
execFileSync('git', ['clone', '-q', '--bare', '--shared', repo, clone]);
const moveBranch = (to: string): void => void execFileSync('git', ['-C', clone, 'update-ref', 'refs/heads/ksymtrail-bench', to]);
const partDb = join(work, 'part.db');
moveBranch(older);
mine('ksymtrail-bench', partDb, 'auto', clone);
moveBranch(git('rev-parse', `${rev}^{commit}`));
const incremental = mine('ksymtrail-bench', partDb, 'auto', clone);
console.error(`1,000 new commits ${(incremental.elapsedMs / 1000).toFixed(2)} s`);
const [single, fifty, twoHundred] = await loadTest(ROOT, fullDb, [{ connections: 1, seconds: 5 }, { connections: 50, seconds: 10 }, { connections: 200, seconds: 30 }]);
console.error(`API: p50 ${single!.p50} ms alone; ${fifty!.rps} req/s at 50 connections`);
rmSync(work, { recursive: true, force: true });
const parsers = benchParsers();

const seconds = full.elapsedMs / 1000;
/** How `ksymtrail mine` without `--jobs` runs a mine of this many commits here. */
const threads = (mined: number): string => (threadsFor('auto', mined) === 1 ? 'one thread' : `${threadsFor('auto', mined)} threads`);
const defaultSeconds = defaultMine.elapsedMs / 1000;
const perCommitMs = defaultMine.elapsedMs / commits;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${git('--version')}`;
/** autocannon measures whole milliseconds. */
const ms = (value: number): string => (value === 0 ? '< 1 ms' : `${value} ms`);
const row = (what: string, value: string, target: string): string => `| ${what} | ${value} | ${target} |`;
const report = `# Benchmarks

Produced by \`npm run bench -- ${repo}\` (rev \`${rev}\`) on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.
History: ${commits.toLocaleString('en')} commits, ${merges.toLocaleString('en')} merges. Warm page cache: the repository had been read before the run, and each pass is timed once.

| measure | measured | target (PRODUCT.md) |
| --- | --- | --- |
${row('git pickaxe pass `git log --no-merges -G\'EXPORT_[A-Z_]*SYMBOL\' -p -U0`', `${pickaxe.toFixed(1)} s`, '')}
${row('floor `git cat-file --batch-all-objects --batch --unordered`', `${floor.toFixed(1)} s`, '')}
${row("raw tree-diff walk `git log --raw --no-renames --diff-merges=combined` (what the mine streams; each merge's first-parent diff comes from diff-tree)", `${walk.toFixed(1)} s`, '')}
${row('full mine (merges included), `--jobs 1`', `${seconds.toFixed(1)} s`, '')}
${row(`full mine ÷ pickaxe pass: the default (${threads(commits)} here) and \`--jobs 1\``, `${(defaultSeconds / pickaxe).toFixed(2)} and ${(seconds / pickaxe).toFixed(2)}`, '≤ 0.25')}
${row('full mine ÷ floor: the default and `--jobs 1`', `${(defaultSeconds / floor).toFixed(2)} and ${(seconds / floor).toFixed(2)}`, '≤ 1.5')}
${row('  of which: waiting for git (each commit and the blobs it changed, read ahead)', `${(full.phases.streamMs / 1000).toFixed(1)} s (${full.phases.blobsRead.toLocaleString('en')} blobs read, ${full.phases.blobsScanned.toLocaleString('en')} scanned in all)`, '')}
${row('  of which: replay (states, merges, events; git reads ahead meanwhile)', `${(full.phases.replayMs / 1000).toFixed(1)} s`, '')}
${row('  of which: SQLite writes', `${(full.phases.writeMs / 1000).toFixed(1)} s`, '')}
${row('  of which: after the commits (releases and their licenses, symbols, subsystems)', `${(full.phases.finishMs / 1000).toFixed(1)} s`, '')}
${row(`full mine, the default: ${threads(commits)} here (above one, blobs are read and scanned on reader threads, each with its own git cat-files)`, `${(defaultMine.elapsedMs / 1000).toFixed(1)} s, ${defaultMine.events.toLocaleString('en')} events, ${defaultMine.maxRssMb} MB`, 'same events as --jobs 1')}
${row('events found', full.events.toLocaleString('en'), '')}
${row('peak memory (RSS) of the mine', `${full.maxRssMb} MB`, '< 1,500 MB')}
${row('rerun with nothing new (the default)', `${(rerun.elapsedMs / 1000).toFixed(2)} s`, '< 1 s')}
${row(`rerun after 1,000 new commits: a branch moved from the commit 1,000 before the tip to the tip (the default: ${threads(incremental.mined)})`, `${(incremental.elapsedMs / 1000).toFixed(2)} s (${(incremental.phases.finishMs / 1000).toFixed(1)} s of it after the commits; no whole tree scanned: ${incremental.phases.treesScanned === 0 ? 'yes' : 'no, a tree was scanned'}; ${incremental.phases.blobsRead.toLocaleString('en')} blobs read)`, '< 2 s')}
${row('projection to mainline (1.3 M commits) at the per-commit cost of the default mine', `${((perCommitMs * MAINLINE_COMMITS) / 60000).toFixed(0)} min (${perCommitMs.toFixed(2)} ms/commit)`, 'minutes, not the 20–30 min of the pickaxe pass')}
${row('API symbol lookup `GET /api/symbols/:name`, one connection for 5 s: p50 / p99', `${ms(single!.p50)} / ${ms(single!.p99)} (${single!.rps} req/s)`, 'p50 < 2 ms')}
${row('API symbol lookups, 50 connections for 10 s: requests/s, p50 / p99, errors', `${fifty!.rps} req/s, ${ms(fifty!.p50)} / ${ms(fifty!.p99)}, ${fifty!.errors + fifty!.non2xx} errors`, '≥ 2,000 req/s')}
${row('API symbol lookups, 200 connections for 30 s: requests/s, p99, errors, server RSS before → after', `${twoHundred!.rps} req/s, p99 ${twoHundred!.p99} ms, ${twoHundred!.errors + twoHundred!.non2xx} errors, ${twoHundred!.rssBeforeMb} → ${twoHundred!.rssAfterMb} MB`, 'no errors, memory stable')}

Parser time against input size (best of three runs after a warm-up; linear means a flat per-unit cost):

| input | time | per unit |
| --- | --- | --- |
${parsers.exports.map((t) => `| parseExports, ${t.size} of C | ${t.ms.toFixed(0)} ms | ${t.perUnitMs.toFixed(1)} ms/MB |`).join('\n')}
${parsers.maintainers.map((t) => `| parseMaintainers, ${t.size} | ${t.ms.toFixed(0)} ms | ${(t.perUnitMs * 1000).toFixed(1)} µs/entry |`).join('\n')}

API figures: \`ksymtrail serve\` in its own process on loopback over the database of the full mine,
autocannon in the bench's process, each request a symbol drawn in turn from 500 random known ones;
one node process serves, so latency at many connections is mostly queueing.

The projection scales this history's per-commit cost linearly; mainline's commits touch more
exporting files and its merges are smaller, so it is a rough figure.
`;
// What was written by hand below the marker (measurements of single changes, what was tried) is kept.
const benchmarksFile = join(ROOT, 'BENCHMARKS.md');
const before = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '';
const notes = before.includes(NOTES_MARKER) ? before.slice(before.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
writeFileSync(benchmarksFile, `${report}\n${notes}`);
console.log(report);
