// `ksymtrail serve [--port 8080] [--host 127.0.0.1] [--db FILE] [--repo REPO [--rev REV] [--interval 10m] [--fetch]]`:
// the JSON API and the pages, read-only; with --repo, a thread beside them keeps the database current.
import type { Command } from 'commander';
import { Worker } from 'node:worker_threads';
import { BadInput } from '../../errors.js';
import { resolveCommit } from '../../git/resolveCommit.js';
import { dropOwnClaim } from '../../storage/miningLock.js';
import { openStore } from '../../storage/openStore.js';
import { listen } from '../../server/listen.js';
import { checkFetch } from '../checkFetch.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import type { FollowerData, FromFollower, ToFollower } from '../followWorker.js';
import { intervalWords, stamped } from '../followRoundLines.js';
import { errorWords } from '../formatError.js';
import type { Output } from '../Output.js';
import { parsePort } from '../parseCount.js';
import { DEFAULT_INTERVAL, parseInterval } from '../parseInterval.js';

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  repo?: string;
  rev?: string;
  interval?: number;
  fetch?: boolean;
  breakLock?: boolean;
}

/**
 * How long a stop waits for a mine under way to reach the end of its segment before ending the
 * thread; under the 10 s a container manager (docker stop) gives before it kills.
 */
const STOP_GRACE_MS = 8_000;

export function registerServe(program: Command, out: Output): void {
  program
    .command('serve')
    .description('serve the JSON API and the pages over the database (read-only; loopback unless --host says otherwise)')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--port <port>', 'the TCP port', parsePort, 8080)
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--repo <repo>', 'also mine REPO, in a thread of its own, and again whenever REV moves (as mine --follow does)')
    .option('--rev <rev>', 'with --repo: the branch, tag or commit to follow (default HEAD)')
    .option('--interval <duration>', `with --repo: the wait after each look at REV, from 1s to 7d (default ${DEFAULT_INTERVAL})`, parseInterval)
    .option('--fetch', 'with --repo: git fetch before each look (as mine --follow --fetch)')
    .option('--break-lock', 'with --repo: take over the database from a mine that is no longer running (as mine --break-lock)')
    .action(async (options: ServeOptions) => {
      const follower = options.repo === undefined ? undefined : await followerData(options.repo, options, out);
      if (!follower) {
        for (const [flag, given] of [['--rev', options.rev], ['--interval', options.interval], ['--fetch', options.fetch], ['--break-lock', options.breakLock]] as const) {
          if (given !== undefined) throw new BadInput('option', flag, 'works only with --repo: add --repo REPO to mine beside the server');
        }
      }
      await serveUntilStopped(options.db, options.host, options.port, out, follower);
    });
}

/** Checks what --repo names, and makes or upgrades the database so that the server can open it. */
async function followerData(repo: string, options: ServeOptions, out: Output): Promise<FollowerData> {
  const rev = options.rev ?? 'HEAD';
  await resolveCommit(repo, rev);
  const fetchWarning = options.fetch ? await checkFetch(repo, rev) : null;
  if (fetchWarning) out.stderr(fetchWarning);
  openStore(options.db, { onUpgrade: (notice) => out.stderr(`ksymtrail: ${options.db}: ${notice}`) }).close();
  return {
    repo, rev, db: options.db, intervalMs: options.interval ?? parseInterval(DEFAULT_INTERVAL), fetch: options.fetch ?? false, breakLock: options.breakLock ?? false,
  };
}

/**
 * Serves until SIGINT or SIGTERM; with a follower, mines beside the server meanwhile. A second signal
 * finds no handler and ends the process at once (nothing committed is lost).
 */
export async function serveUntilStopped(dbPath: string, host: string, port: number, out: Output, follower?: FollowerData): Promise<void> {
  const db = openStore(dbPath, { readonly: true });
  const { server, url } = await listen(db, host, port);
  out.stderr(`ksymtrail: serving ${dbPath} at ${url} (Ctrl-C stops)`);
  const thread = follower ? startFollower(follower, out) : null;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await thread?.stop();
  db.close();
}

/** The mining thread; its failure is told in one line and the server goes on serving what is mined. */
function startFollower(data: FollowerData, out: Output): { stop(): Promise<void> } {
  out.stderr(stamped(`following ${data.rev} of ${data.repo} into ${data.db}, looking again every ${intervalWords(data.intervalMs)}${data.fetch ? ' after a fetch' : ''}`));
  const worker = new Worker(new URL('../followWorker.js', import.meta.url), { workerData: data });
  // A thread ended before its mine could release the database (the grace ran out, or it failed)
  // leaves its claim: it is dropped here, once the thread is gone.
  const exited = new Promise<void>((resolve) => worker.once('exit', () => {
    try {
      const db = openStore(data.db);
      try {
        dropOwnClaim(db);
      } finally {
        db.close();
      }
    } catch (error) {
      out.stderr(`ksymtrail: the mining thread's claim on ${data.db} stays (${errorWords(error)}); a mine it keeps out on another host needs --break-lock`);
    }
    resolve();
  }));
  worker.on('message', (message: FromFollower) => out.stderr(message.line));
  worker.on('error', (error) => out.stderr(`ksymtrail: the mining thread stopped: ${errorWords(error)}; the server goes on serving what is mined`));
  return {
    async stop() {
      worker.postMessage('stop' satisfies ToFollower);
      const grace = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
      await exited;
      clearTimeout(grace);
    },
  };
}
