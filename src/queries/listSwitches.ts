// Switches (PRODUCT.md: a symbol's license over the whole tree going from exactly any to exactly gpl,
// or back) in a range, with the commit that made each: what reports and counts count.
import type { Db } from '../storage/openStore.js';
import { prepared } from '../storage/prepared.js';
import { type RangeEnd, rangeClauses } from './listEvents.js';

export interface SwitchRow {
  symbol: string;
  switch: 'tightened' | 'loosened';
  commit: string;
  author_name: string;
  author_email: string;
  committer_name: string;
  committer_email: string;
}

/** Switches in the range, oldest first; with `subsystem`, only of symbols that subsystem's files export or exported. */
export function listSwitches(db: Db, from: RangeEnd | undefined, to: RangeEnd | undefined, subsystem?: string): SwitchRow[] {
  const range = rangeClauses(from, to);
  const clauses = ['st.switch IS NOT NULL', ...range.clauses];
  const params: Record<string, unknown> = { ...range.params };
  if (subsystem !== undefined) {
    clauses.push('st.symbol IN (SELECT ss.symbol FROM symbol_subsystems ss JOIN subsystems s ON s.id = ss.subsystem_id WHERE s.name = @subsystem)');
    params.subsystem = subsystem;
  }
  return prepared(db, `SELECT st.symbol, st.switch, c.sha AS 'commit', c.author_name, c.author_email, c.committer_name, c.committer_email
    FROM symbol_states st JOIN commits c ON c.id = st.commit_id WHERE ${clauses.join(' AND ')} ORDER BY st.commit_id, st.symbol`).all(params) as SwitchRow[];
}
