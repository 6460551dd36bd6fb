// The exports of some symbols at a release, from their events replayed along the commit graph
// (exact, as a scan of the release would find them), or at the current tip.
import { prepared } from '../storage/prepared.js';
import { BadInput } from '../errors.js';
import { replayStore } from '../mining/replayStore.js';
import type { Db } from '../storage/openStore.js';
import { currentTip } from './currentTip.js';

export interface ExportAt {
  path: string;
  /** Macros, comma-separated when one file exports the symbol under several. */
  macro: string;
  namespace: string | null;
  license: string;
}

/** symbol → its exports, at release `release` (a tag of the record) or, without one, at the current tip. */
export function exportsAt(db: Db, symbols: readonly string[], release?: string): Map<string, ExportAt[]> {
  const found = new Map<string, ExportAt[]>(symbols.map((s) => [s, []]));
  if (release === undefined) {
    const tip = currentTip(db);
    const rows = prepared(db, `SELECT symbol, path, macro, namespace, license FROM tip_exports
      WHERE repo = ? AND ref = ? AND symbol IN (SELECT value FROM json_each(?)) ORDER BY symbol, path, line`)
      .all(tip?.repo ?? '', tip?.ref ?? '', JSON.stringify(symbols)) as (ExportAt & { symbol: string })[];
    for (const { symbol, ...e } of rows) found.get(symbol)!.push(e);
    return found;
  }
  const sha = prepared(db, 'SELECT sha FROM releases WHERE tag = ?').pluck().get(release) as string | undefined;
  if (!sha) {
    const known = prepared(db, 'SELECT tag FROM releases ORDER BY ordinal DESC LIMIT 5').pluck().all() as string[];
    throw new BadInput('release', release, `is not a release tag of the record${known.length > 0 ? `; latest: ${known.join(', ')}` : ''}`);
  }
  const set = replayStore(db, new Set(symbols)).sets.get(sha);
  for (const [key, value] of set?.entries() ?? []) {
    const [path, symbol] = key.split('\0') as [string, string];
    const [macro, namespaces, license] = value.split('|') as [string, string, string];
    found.get(symbol)?.push({ path, macro, namespace: namespaces === '' ? null : namespaces, license });
  }
  return found;
}
