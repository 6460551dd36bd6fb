// One miner per database: a second `mine` on the same file refuses with a clear message instead of
// racing the first. The claim is a row in `meta`; a claim whose process is gone (kill -9) is stale.
import { hostname } from 'node:os';
import { MineInProgress } from '../errors.js';
import type { Db } from './openStore.js';

/**
 * Claims the database for this process; returns the release. A claim from another host cannot be
 * checked for life, so it holds until `breakLock` (the user's word that no such mine is running).
 */
export function acquireMiningLock(db: Db, path: string, breakLock = false): () => void {
  const me = ownClaim();
  db.transaction(() => {
    if (breakLock) db.prepare("DELETE FROM meta WHERE key = 'miner'").run();
    const text = db.prepare("SELECT value FROM meta WHERE key = 'miner'").pluck().get() as string | undefined;
    const holder = text ? (JSON.parse(text) as typeof me) : null;
    if (holder && holder.pid !== me.pid && (holder.host !== me.host || isAlive(holder.pid))) throw new MineInProgress(path, holder.pid, holder.host);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('miner', ?)").run(JSON.stringify(me));
  }).immediate();
  return () => dropOwnClaim(db);
}

/**
 * Drops this process's claim, if there is one: a mine ended from outside (a worker thread terminated)
 * cannot release it, and in a container that is made again under another hostname, the claim would
 * look like a live mine on another host for good.
 */
export function dropOwnClaim(db: Db): void {
  db.prepare("DELETE FROM meta WHERE key = 'miner' AND value = ?").run(JSON.stringify(ownClaim()));
}

function ownClaim(): { pid: number; host: string } {
  return { pid: process.pid, host: hostname() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
