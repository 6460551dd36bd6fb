// One symbol: its exports at the current tip with their subsystems, every event with attribution
// and first release, and its license at each release where that changed.
import { prepared } from '../storage/prepared.js';
import type { TreeLicense } from '../model.js';
import { type EventRow, eventRowsFrom } from '../storage/eventsTable.js';
import type { Db } from '../storage/openStore.js';
import { currentTip } from './currentTip.js';

export interface CurrentExport {
  path: string;
  line: number;
  macro: string;
  license: string;
  namespace: string | null;
  subsystems: string[];
}

export interface SymbolDetail {
  symbol: string;
  license: TreeLicense;
  exports: CurrentExport[];
  events: EventRow[];
  releases: { release: string; license: TreeLicense }[];
}

/** The symbol's record, or null when the record has never seen it exported. */
export function symbolDetail(db: Db, symbol: string): SymbolDetail | null {
  const known = prepared(db, 'SELECT license FROM symbols WHERE symbol = ?').pluck().get(symbol) as TreeLicense | undefined;
  if (known === undefined) return null;
  const tip = currentTip(db);
  const exports = prepared(db, `SELECT t.path, t.line, t.macro, t.license, t.namespace,
      (SELECT json_group_array(s.name) FROM path_subsystems ps JOIN subsystems s ON s.id = ps.subsystem_id
        WHERE ps.path = t.path) AS subsystems
    FROM tip_exports t WHERE t.repo = ? AND t.ref = ? AND t.symbol = ? ORDER BY t.path, t.line`)
    .all(tip?.repo ?? '', tip?.ref ?? '', symbol) as (Omit<CurrentExport, 'subsystems'> & { subsystems: string })[];
  const events = eventRowsFrom(db, 'FROM events e JOIN commits c ON c.id = e.commit_id WHERE e.symbol = @symbol ORDER BY e.commit_id, e.id', { symbol });
  const releases = prepared(db, `SELECT r.tag AS release, l.license FROM release_licenses l JOIN releases r USING (ordinal)
    WHERE l.symbol = ? ORDER BY l.ordinal`).all(symbol) as { release: string; license: TreeLicense }[];
  return {
    symbol,
    license: known,
    exports: exports.map((e) => ({ ...e, subsystems: JSON.parse(e.subsystems) as string[] })),
    events,
    releases,
  };
}

/** Known symbols closest to a misspelt name: sharing its longest prefix, then by length difference. */
export function nearestSymbols(db: Db, symbol: string, count = 5): string[] {
  for (let keep = symbol.length - 1; keep >= 2; keep--) {
    const prefix = symbol.slice(0, keep).replace(/[\\%_]/g, (c) => `\\${c}`);
    const hits = prepared(db, `SELECT symbol FROM symbols WHERE symbol LIKE ? ESCAPE '\\'
      ORDER BY abs(length(symbol) - ?), symbol LIMIT ?`).pluck().all(`${prefix}%`, symbol.length, count) as string[];
    if (hits.length > 0) return hits;
  }
  return [];
}
