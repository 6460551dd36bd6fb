// Symbol search: every symbol the record knows (exported now or once), prefix matches first, then
// substring matches, with its license now.
import { prepared } from '../storage/prepared.js';
import type { Db } from '../storage/openStore.js';
import type { TreeLicense } from '../model.js';

export interface SymbolSearch {
  q?: string;
  subsystem?: string;
  license?: TreeLicense;
  limit: number;
  offset: number;
}

export interface SymbolHit {
  symbol: string;
  license: TreeLicense;
  events: number;
}

/** Symbols containing `q` (ASCII case ignored, as SQL LIKE does), those starting with it first, then by name. */
export function searchSymbols(db: Db, search: SymbolSearch): { total: number; items: SymbolHit[] } {
  const escaped = (search.q ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
  const params = {
    prefix: `${escaped}%`, contains: `%${escaped}%`,
    subsystem: search.subsystem ?? null, license: search.license ?? null,
    limit: search.limit, offset: search.offset,
  };
  const where = `FROM symbols y WHERE y.symbol LIKE @contains ESCAPE '\\'
    AND (@license IS NULL OR y.license = @license)
    AND (@subsystem IS NULL OR y.symbol IN (SELECT ss.symbol FROM symbol_subsystems ss
      JOIN subsystems s ON s.id = ss.subsystem_id WHERE s.name = @subsystem))`;
  const total = prepared(db, `SELECT count(*) ${where}`).pluck().get(params) as number;
  const items = prepared(db, `SELECT y.symbol, y.license, y.events ${where}
    ORDER BY y.symbol NOT LIKE @prefix ESCAPE '\\', y.symbol LIMIT @limit OFFSET @offset`).all(params) as SymbolHit[];
  return { total, items };
}
