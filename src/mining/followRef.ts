// Keeps a database current with a ref that moves (`mine --follow`, `serve --repo`): mines it, then
// looks again every interval (fetching first when asked) and mines what is new, until stopped.
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchPlan, fetchRemote } from '../git/fetchRemote.js';
import { openStore } from '../storage/openStore.js';
import type { SubsystemGroup } from '../subsystems/loadGroups.js';
import { type MineProgress, type MineSummary, mineHistory } from './mineHistory.js';

export interface FollowOptions {
  repo: string;
  rev: string;
  dbPath: string;
  /** The wait after each look, before the next. */
  intervalMs: number;
  /** `git fetch` before each look: of the remote whose fetch moves the rev (fetchPlan), else git's default. */
  fetch: boolean;
  jobs?: number | 'auto';
  groups?: SubsystemGroup[];
  /** The first look takes over the database from a mine that is gone (mine --break-lock). */
  breakLock?: boolean;
  /** Ends the wait at once, and a mine under way between two of its segments (what it wrote is kept). */
  signal: AbortSignal;
  /** What each look did; a failed look is tried again after the interval. */
  onRound(round: FollowRound): void;
  onProgress?(progress: MineProgress): void;
  /** An upgrade of the database's schema, when it is opened (see openStore). */
  onUpgrade?(notice: string): void;
}

export type FollowRound =
  /** A mine ran to its end (`summary.mined` is 0 when the ref had not moved). */
  | { kind: 'mined'; summary: MineSummary; first: boolean }
  /** The fetch failed; the look went on with what the repository had. */
  | { kind: 'fetch-failed'; error: unknown }
  /** The mine failed (another mine held the database, git failed, the disk was full, ...). */
  | { kind: 'failed'; error: unknown }
  /** The signal stopped a mine under way, after `done` commits were written. */
  | { kind: 'stopped'; done: number };

/** Follows until the signal; resolves once the database is closed. */
export async function followRef(options: FollowOptions): Promise<void> {
  const { repo, rev, signal } = options;
  const db = openStore(options.dbPath, { onUpgrade: options.onUpgrade });
  try {
    const remote = options.fetch ? (await fetchPlan(repo, rev)).remote : null;
    for (let first = true; !signal.aborted; first = false) {
      if (options.fetch) {
        await fetchRemote(repo, remote, signal).catch((error: unknown) => {
          if (!signal.aborted) options.onRound({ kind: 'fetch-failed', error });
        });
        if (signal.aborted) return;
      }
      let done = 0;
      try {
        const summary = await mineHistory({
          repo, rev, db, jobs: options.jobs, groups: options.groups, breakLock: first && options.breakLock, signal,
          onProgress: (progress) => {
            done = progress.done;
            options.onProgress?.(progress);
          },
        });
        options.onRound({ kind: 'mined', summary, first });
      } catch (error) {
        if (signal.aborted) return options.onRound({ kind: 'stopped', done });
        options.onRound({ kind: 'failed', error });
      }
      await sleep(options.intervalMs, undefined, { signal }).catch(() => {}); // aborted: the loop ends
    }
  } finally {
    db.close();
  }
}
