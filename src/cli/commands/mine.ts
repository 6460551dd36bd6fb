// `ksymtrail mine [REPO] [--rev REV] [--db FILE] [--quiet]`: mines a history into the database.
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { type MineSummary, mineHistory } from '../../mining/mineHistory.js';
import { openStore } from '../../storage/openStore.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import type { Output } from '../Output.js';
import { resolveCommit } from '../../git/resolveCommit.js';
import { parseJobs } from '../parseCount.js';
import { readGroupsOption } from '../readGroupsOption.js';

interface MineOptions {
  rev?: string;
  db: string;
  jobs?: number;
  quiet?: boolean;
  groups?: string;
  breakLock?: boolean;
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
    .option('--quiet', 'no progress bar')
    .action(async (repo: string, options: MineOptions) => {
      const groups = readGroupsOption(options.groups);
      await resolveCommit(repo, options.rev ?? 'HEAD'); // a bad repository or rev must not create the database
      const db = openStore(options.db, { onUpgrade: (notice) => out.stderr(`ksymtrail: ${options.db}: ${notice}`) });
      const bar = !options.quiet && process.stderr.isTTY
        ? new SingleBar({ format: 'mining {bar} {value}/{total} commits | {rate}/s | ETA {eta_formatted} | {events} events', stream: process.stderr })
        : null;
      try {
        const summary = await mineHistory({
          repo,
          rev: options.rev,
          db,
          jobs: options.jobs ?? 'auto',
          groups,
          breakLock: options.breakLock,
          onProgress: (p) => {
            if (!bar) return;
            if (bar.getTotal() !== p.total) bar.start(p.total, 0, { events: 0, rate: 0 });
            bar.update(p.done, { events: p.events, rate: Math.round(p.done / (p.elapsedMs / 1000)) });
          },
        });
        bar?.stop();
        if (summary.shallowFrom.length > 0) {
          out.stderr(`ksymtrail: warning: shallow clone: history starts at ${summary.shallowFrom.map((sha) => sha.slice(0, 12)).join(', ')}; what it exports there is recorded as present at the start, not added`);
        }
        if (summary.rewrittenFrom) {
          out.stderr(`ksymtrail: history rewritten: ${summary.ref} was at ${summary.rewrittenFrom.slice(0, 12)}, which ${summary.tip.slice(0, 12)} does not contain; ${droppedWords(summary.dropped)}`);
        }
        if (!options.quiet) out.stderr(summaryLine(summary, options.db));
      } finally {
        bar?.stop();
        db.close();
      }
    });
}

/** What a rewrite did to the commits only the old history had. */
function droppedWords(dropped: number): string {
  if (dropped === 0) return 'its commits stay, as other mined refs still reach them';
  return `dropped the ${dropped} commit${dropped === 1 ? '' : 's'} only it had`;
}

function summaryLine(s: MineSummary, db: string): string {
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  if (s.mined === 0) return `${s.ref} (${s.tip.slice(0, 12)}) is up to date in ${db} (${seconds} s)`;
  return `mined ${s.mined} commits of ${s.ref} (${s.tip.slice(0, 12)}) in ${seconds} s: ${s.events} events, into ${db}`;
}
