// The thread `serve --repo` mines in, so that requests never wait on a mine: it follows the ref
// (followRef) and sends the server's thread the lines of each look, until told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { followRef } from '../mining/followRef.js';
import { followRoundLines } from './followRoundLines.js';

/** What the server's thread gives the follower. */
export interface FollowerData {
  repo: string;
  rev: string;
  db: string;
  intervalMs: number;
  fetch: boolean;
  /** The first look takes over the database from a mine that is gone. */
  breakLock: boolean;
}

/** To the follower: stop (a mine under way stops after its segment). From it: a line to print. */
export type ToFollower = 'stop';
export interface FromFollower {
  line: string;
}

const data = workerData as FollowerData;
const controller = new AbortController();
const port = parentPort!;
port.on('message', (message: ToFollower) => {
  if (message === 'stop') controller.abort();
});
const say = (line: string): void => port.postMessage({ line } satisfies FromFollower);
try {
  await followRef({
    repo: data.repo, rev: data.rev, dbPath: data.db, intervalMs: data.intervalMs, fetch: data.fetch, breakLock: data.breakLock, jobs: 'auto',
    signal: controller.signal,
    onUpgrade: (notice) => say(`ksymtrail: ${data.db}: ${notice}`),
    onRound: (round) => {
      for (const line of followRoundLines(round, { db: data.db, repo: data.repo, intervalMs: data.intervalMs, quiet: false })) say(line);
    },
  });
} finally {
  port.close();
}
