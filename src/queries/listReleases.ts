// The releases in version order, with the exported symbols by license at each.
import { prepared } from '../storage/prepared.js';
import type { Db } from '../storage/openStore.js';

export interface ReleaseRow {
  release: string;
  commit: string;
  date: string | null;
  any: number;
  gpl: number;
  mixed: number;
  /** GPL-only symbols as a share of all exported symbols (0 when there are none). */
  gplShare: number;
}

export function listReleases(db: Db): ReleaseRow[] {
  const rows = prepared(db, `SELECT r.tag AS release, r.sha AS 'commit', c.committer_time AS time,
      r.symbols_any AS any, r.symbols_gpl AS gpl, r.symbols_mixed AS mixed
    FROM releases r LEFT JOIN commits c ON c.sha = r.sha ORDER BY r.ordinal`).all() as (Omit<ReleaseRow, 'date' | 'gplShare'> & { time: number | null })[];
  return rows.map(({ time, ...r }) => {
    const total = r.any + r.gpl + r.mixed;
    return { ...r, date: time === null ? null : new Date(time * 1000).toISOString(), gplShare: total === 0 ? 0 : r.gpl / total };
  });
}
