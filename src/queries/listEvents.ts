// Events with their attribution, filtered by range, kind, subsystem, author and symbol, oldest first.
import { prepared } from '../storage/prepared.js';
import type { EventKind } from '../model.js';
import { type EventRow, eventRowsFrom } from '../storage/eventsTable.js';
import type { Db } from '../storage/openStore.js';

/** A range end: a release tag (events of commits first released up to it) or a time in seconds. */
export type RangeEnd = { release: string } | { time: number };

export interface EventFilter {
  from?: RangeEnd;
  to?: RangeEnd;
  kinds?: readonly EventKind[];
  /** One subsystem, or several (events of any of them). */
  subsystem?: string | readonly string[];
  /** A substring of the author's name or e-mail. */
  author?: string;
  symbol?: string;
  limit: number;
  offset: number;
}

/** SQL conditions on commits `c` for a range, with their parameters (`from`, `to`). */
export function rangeClauses(from: RangeEnd | undefined, to: RangeEnd | undefined): { clauses: string[]; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const end = (name: 'from' | 'to', at: RangeEnd | undefined): void => {
    if (!at) return;
    if ('time' in at) {
      clauses.push(`c.committer_time ${name === 'from' ? '>=' : '<='} @${name}`);
      params[name] = at.time;
    } else {
      // From v1 to v2: what v2 has and v1 did not (commits first released after v1, up to v2).
      clauses.push(`(SELECT ordinal FROM releases WHERE tag = c.release) ${name === 'from' ? '>' : '<='} (SELECT ordinal FROM releases WHERE tag = @${name})`);
      params[name] = at.release;
    }
  };
  end('from', from);
  end('to', to);
  return { clauses, params };
}

export function listEvents(db: Db, filter: EventFilter): { total: number; items: EventRow[] } {
  const range = rangeClauses(filter.from, filter.to);
  const clauses = range.clauses;
  const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset, ...range.params };
  if (filter.kinds && filter.kinds.length > 0) {
    clauses.push(`e.kind IN (${filter.kinds.map((_, i) => `@kind${i}`).join(', ')})`);
    filter.kinds.forEach((kind, i) => (params[`kind${i}`] = kind));
  }
  if (filter.subsystem !== undefined) {
    clauses.push(`e.path IN (SELECT ps.path FROM path_subsystems ps JOIN subsystems s ON s.id = ps.subsystem_id
      WHERE s.name IN (SELECT value FROM json_each(@subsystems)))`);
    params.subsystems = JSON.stringify(typeof filter.subsystem === 'string' ? [filter.subsystem] : filter.subsystem);
  }
  if (filter.author !== undefined) {
    clauses.push(`(instr(lower(c.author_name), lower(@author)) > 0 OR instr(lower(c.author_email), lower(@author)) > 0)`);
    params.author = filter.author;
  }
  if (filter.symbol !== undefined) {
    clauses.push('e.symbol = @symbol');
    params.symbol = filter.symbol;
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const from = 'FROM events e JOIN commits c ON c.id = e.commit_id';
  const total = prepared(db, `SELECT count(*) ${from} ${where}`).pluck().get(params) as number;
  const items = eventRowsFrom(db, `${from} ${where} ORDER BY e.commit_id, e.id LIMIT @limit OFFSET @offset`, params);
  return { total, items };
}
