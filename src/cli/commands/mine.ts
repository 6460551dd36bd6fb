// `ksymtrail mine [REPO] [--rev REV] [--db FILE] [--quiet] [--follow [--interval 10m] [--fetch]]`:
// mines a history into the database, once or as the ref moves.
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { BadInput } from '../../errors.js';
import { resolveCommit } from '../../git/resolveCommit.js';
import { followRef } from '../../mining/followRef.js';
import { type MineProgress, mineHistory } from '../../mining/mineHistory.js';
import { openStore } from '../../storage/openStore.js';
import type { SubsystemGroup } from '../../subsystems/loadGroups.js';
import { checkFetch } from '../checkFetch.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import { followRoundLines, intervalWords, stamped } from '../followRoundLines.js';
import { mineWarnings, summaryLine } from '../mineLines.js';
import type { Output } from '../Output.js';
import { parseJobs } from '../parseCount.js';
import { DEFAULT_INTERVAL, parseInterval } from '../parseInterval.js';
import { readGroupsOption } from '../readGroupsOption.js';

interface MineOptions {
  rev: string;
  db: string;
  jobs?: number;
  quiet?: boolean;
  groups?: string;
  breakLock?: boolean;
  follow?: boolean;
  interval?: number;
  fetch?: boolean;
}

export function registerMine(program: Command, out: Output): void {
  program
    .command('mine')
    .description('mine the export history of a kernel repository into the database (resumable, incremental)')
    .argument('[repo]', 'a kernel git repository, bare or not', '.')
    .option('--rev <rev>', 'the branch, tag or commit to mine up to', 'HEAD')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--jobs <n>', 'threads in all: above 1, blobs are read and scanned on jobs-1 reader threads (default: 2 for a mine of 20,000 commits or more on two cores or more, else 1; at most 64)', parseJobs)
    .option('--groups <file>', 'your subsystem groups beside data/subsystems.json (kept for later mines)')
    .option('--break-lock', 'take over the database from a mine that is no longer running (another machine or container)')
    .option('--follow', 'keep running: look at REV again every --interval and mine what is new (Ctrl-C stops)')
    .option('--interval <duration>', `with --follow: the wait after each look, from 1s to 7d (default ${DEFAULT_INTERVAL})`, parseInterval)
    .option('--fetch', 'with --follow: git fetch before each look, from the remote whose fetch moves REV (follow origin/master, not a local branch)')
    .option('--quiet', 'no progress bar; with --follow, only warnings and failures')
    .action(async (repo: string, options: MineOptions) => {
      if (!options.follow) {
        if (options.interval !== undefined) throw new BadInput('option', '--interval', 'works only with --follow: add --follow to keep mining as REV moves');
        if (options.fetch) throw new BadInput('option', '--fetch', 'works only with --follow: add --follow to keep mining as REV moves');
      }
      const groups = readGroupsOption(options.groups);
      await resolveCommit(repo, options.rev); // a bad repository or rev must not create the database
      const fetchWarning = options.fetch ? await checkFetch(repo, options.rev) : null;
      if (fetchWarning) out.stderr(fetchWarning);
      const bar = !options.quiet && process.stderr.isTTY
        ? new SingleBar({ format: 'mining {bar} {value}/{total} commits | {rate}/s | ETA {eta_formatted} | {events} events', stream: process.stderr })
        : null;
      const onProgress = (p: MineProgress): void => {
        if (!bar) return;
        if (bar.getTotal() !== p.total) bar.start(p.total, 0, { events: 0, rate: 0 });
        bar.update(p.done, { events: p.events, rate: Math.round(p.done / (p.elapsedMs / 1000)) });
      };
      try {
        if (options.follow) await follow(repo, options, groups, onProgress, () => bar?.stop(), out);
        else await mineOnce(repo, options, groups, onProgress, out);
      } finally {
        bar?.stop();
      }
    });
}

async function mineOnce(repo: string, options: MineOptions, groups: SubsystemGroup[] | undefined, onProgress: (p: MineProgress) => void, out: Output): Promise<void> {
  const db = openStore(options.db, { onUpgrade: (notice) => out.stderr(`ksymtrail: ${options.db}: ${notice}`) });
  try {
    const summary = await mineHistory({ repo, rev: options.rev, db, jobs: options.jobs ?? 'auto', groups, breakLock: options.breakLock, onProgress });
    for (const line of mineWarnings(summary)) out.stderr(line);
    if (!options.quiet) out.stderr(summaryLine(summary, options.db));
  } finally {
    db.close();
  }
}

/**
 * Mines REV as it moves until SIGINT or SIGTERM: the wait ends at once, a mine under way after its
 * segment. A second signal finds no handler and ends the process at once (nothing committed is lost).
 */
async function follow(
  repo: string, options: MineOptions, groups: SubsystemGroup[] | undefined, onProgress: (p: MineProgress) => void, stopBar: () => void, out: Output,
): Promise<void> {
  const intervalMs = options.interval ?? parseInterval(DEFAULT_INTERVAL);
  const controller = new AbortController();
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!options.quiet) out.stderr(stamped(`following ${options.rev} of ${repo} into ${options.db}, looking again every ${intervalWords(intervalMs)}${options.fetch ? ' after a fetch' : ''} (Ctrl-C stops)`));
  try {
    await followRef({
      repo, rev: options.rev, dbPath: options.db, intervalMs, fetch: options.fetch ?? false, jobs: options.jobs ?? 'auto', groups, breakLock: options.breakLock,
      signal: controller.signal, onProgress,
      onUpgrade: (notice) => out.stderr(`ksymtrail: ${options.db}: ${notice}`),
      onRound: (round) => {
        stopBar();
        for (const line of followRoundLines(round, { db: options.db, repo, intervalMs, quiet: options.quiet ?? false })) out.stderr(line);
      },
    });
    if (!options.quiet) out.stderr(stamped(`stopped following ${options.rev}`));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
