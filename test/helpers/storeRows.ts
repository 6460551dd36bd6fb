// Temporary database files, and a mined store read back as plain sorted rows, so that two mines of
// one history can be compared whole: events with their attribution, symbol states, commits, tip exports,
// releases and their licenses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/storage/openStore.js';
import { type EventRow, eventsTable } from '../../src/storage/eventsTable.js';

/** A fresh directory for database files; `remove()` deletes it with everything in it. */
export function tempDbDir(): { file(name?: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-db-'));
  let count = 0;
  return {
    file: (name?: string) => join(dir, name ?? `store-${++count}.db`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface StoreRows {
  /** Every event row as the store gives it, sorted (the order of concurrent branches is not part of the result). */
  events: EventRow[];
  symbolStates: { commit: string; symbol: string; license: string; switch: string | null }[];
  commits: { sha: string; release: string | null }[];
  tipExports: Record<string, unknown>[];
  /** Each release with its exports by license, and each symbol's license at the releases where it changed. */
  releases: { tag: string; sha: string; symbols_any: number; symbols_gpl: number; symbols_mixed: number }[];
  releaseLicenses: { tag: string; symbol: string; license: string }[];
  /** The symbols table: each symbol's license at the current tip, its number of events and its last switch. */
  symbols: { symbol: string; license: string; events: number; last_change: number | null }[];
}

const byJson = <T>(rows: T[]): T[] => rows.map((row) => [JSON.stringify(row), row] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, row]) => row);

export function storeRows(db: Db): StoreRows {
  return {
    events: byJson([...eventsTable(db).list()]),
    symbolStates: byJson(db.prepare(`SELECT c.sha AS "commit", s.symbol, s.license, s.switch
      FROM symbol_states s JOIN commits c ON c.id = s.commit_id`).all() as StoreRows['symbolStates']),
    commits: byJson(db.prepare('SELECT sha, release FROM commits').all() as StoreRows['commits']),
    tipExports: byJson(db.prepare(`SELECT ref, symbol, exported, path, line, macro, base_macro, license, namespace, marks
      FROM tip_exports`).all() as Record<string, unknown>[]),
    releases: byJson(db.prepare('SELECT tag, sha, symbols_any, symbols_gpl, symbols_mixed FROM releases').all() as StoreRows['releases']),
    releaseLicenses: byJson(db.prepare('SELECT r.tag, l.symbol, l.license FROM release_licenses l JOIN releases r USING (ordinal)').all() as StoreRows['releaseLicenses']),
    symbols: byJson(db.prepare('SELECT symbol, license, events, last_change FROM symbols').all() as StoreRows['symbols']),
  };
}

/** `PRAGMA integrity_check` of a database: 'ok' when SQLite finds nothing wrong. */
export function integrityOf(db: Db): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
}
