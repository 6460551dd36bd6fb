// Since when a symbol is GPL-only at the current tip, and by which commit: found by walking the tip's
// history back while the symbol stays GPL-only (its events replayed along the graph), along the first
// parent, and into the side a merge brought it from. Mining order would mix branches; this does not.
import { commitsTable } from '../storage/commitsTable.js';
import type { Db } from '../storage/openStore.js';
import { prepared } from '../storage/prepared.js';
import { exportKey } from '../mining/replayEvents.js';
import { replayStore } from '../mining/replayStore.js';
import { currentTip } from './currentTip.js';
import { treeLicenseOf } from '../mining/treeLicenseOf.js';

export interface GplOnlySince {
  commit: string;
  subject: string;
  author: string;
  date: string;
  release: string | null;
}

/** For each symbol GPL-only at the current tip, the commit that made it so; null for the others. */
export function gplOnlySince(db: Db, symbols: readonly string[]): Map<string, GplOnlySince | null> {
  const found = new Map<string, GplOnlySince | null>(symbols.map((s) => [s, null]));
  const tip = currentTip(db);
  if (!tip || symbols.length === 0) return found;
  const parents = new Map<string, string[]>();
  for (const c of commitsTable(db).graph()) parents.set(c.sha, c.parents);
  // Every file a symbol's events name is every file its replayed sets can hold it in.
  const inFiles = prepared(db, 'SELECT DISTINCT path FROM events WHERE symbol = ?');
  const paths = new Map(symbols.map((s) => [s, inFiles.pluck().all(s) as string[]]));
  const { sets } = replayStore(db, new Set(symbols));
  const license = (sha: string, symbol: string): string => {
    const set = sets.get(sha);
    const licenses = paths.get(symbol)!.map((path) => set?.get(exportKey(path, symbol))).filter((v): v is string => v !== undefined)
      .map((value) => value.slice(value.lastIndexOf('|') + 1));
    return treeLicenseOf(licenses);
  };
  for (const symbol of symbols) {
    if (license(tip.sha, symbol) !== 'gpl') continue;
    let at = tip.sha;
    for (;;) {
      const gplParent = (parents.get(at) ?? []).find((p) => sets.has(p) && license(p, symbol) === 'gpl');
      if (!gplParent) break;
      at = gplParent;
    }
    found.set(symbol, describe(db, at));
  }
  return found;
}

function describe(db: Db, sha: string): GplOnlySince {
  const row = prepared(db, 'SELECT subject, author_name AS author, author_time, release FROM commits WHERE sha = ?').get(sha) as
    { subject: string; author: string; author_time: number; release: string | null };
  return { commit: sha, subject: row.subject, author: row.author, date: new Date(row.author_time * 1000).toISOString().slice(0, 10), release: row.release };
}
