// Since when a symbol is GPL-only: the commit that began its latest run of GPL-only states.
import { prepared } from '../storage/prepared.js';
import type { Db } from '../storage/openStore.js';

export interface GplOnlySince {
  commit: string;
  subject: string;
  author: string;
  date: string;
  release: string | null;
}

/** Null when the symbol's latest recorded state is not GPL-only. */
export function gplOnlySince(db: Db, symbol: string): GplOnlySince | null {
  const states = prepared(db, `SELECT s.license, c.sha AS 'commit', c.subject, c.author_name AS author, c.author_time, c.release
    FROM symbol_states s JOIN commits c ON c.id = s.commit_id WHERE s.symbol = ? ORDER BY s.commit_id`)
    .all(symbol) as { license: string; commit: string; subject: string; author: string; author_time: number; release: string | null }[];
  if (states.length === 0 || states.at(-1)!.license !== 'gpl') return null;
  let start = states.length - 1;
  while (start > 0 && states[start - 1]!.license === 'gpl') start--;
  const s = states[start]!;
  return { commit: s.commit, subject: s.subject, author: s.author, date: new Date(s.author_time * 1000).toISOString().slice(0, 10), release: s.release };
}
