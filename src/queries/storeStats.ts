// Totals over the whole record, and what it was mined from.
import { prepared } from '../storage/prepared.js';
import type { Db } from '../storage/openStore.js';
import { currentTip } from './currentTip.js';

export interface StoreStats {
  demo: boolean;
  repo: string | null;
  ref: string | null;
  tip: string | null;
  commits: number;
  events: number;
  eventsByKind: Record<string, number>;
  symbols: { any: number; gpl: number; mixed: number; none: number };
  releases: number;
  subsystems: number;
}

export function storeStats(db: Db): StoreStats {
  const tip = currentTip(db);
  const count = (sql: string): number => prepared(db, sql).pluck().get() as number;
  const byKind = prepared(db, 'SELECT kind, count(*) AS n FROM events GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[];
  const symbols = { any: 0, gpl: 0, mixed: 0, none: 0 };
  for (const r of prepared(db, 'SELECT license, count(*) AS n FROM symbols GROUP BY license').all() as { license: keyof typeof symbols; n: number }[]) symbols[r.license] = r.n;
  return {
    demo: prepared(db, "SELECT value FROM meta WHERE key = 'demo'").pluck().get() === '1',
    repo: tip?.repo ?? null,
    ref: tip?.ref ?? null,
    tip: tip?.sha ?? null,
    commits: count('SELECT count(*) FROM commits'),
    events: count('SELECT count(*) FROM events'),
    eventsByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    symbols,
    releases: count('SELECT count(*) FROM releases'),
    subsystems: count('SELECT count(*) FROM subsystems'),
  };
}
