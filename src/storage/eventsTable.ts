// The events table and the symbol states beside it: what each commit did to each symbol.
import { prepared } from './prepared.js';
import type { ExportEvent } from '../model.js';
import type { SymbolState } from '../mining/replayCommit.js';
import type { Db } from './openStore.js';

/** An event as the store gives it back: the event with its commit's attribution. */
export interface EventRow {
  commit: string;
  parents: string[];
  author_name: string;
  author_email: string;
  author_date: string;
  committer_name: string;
  committer_email: string;
  committer_date: string;
  subject: string;
  trailers: [string, string][];
  release: string | null;
  symbol: string;
  path: string;
  from_path: string | null;
  kind: ExportEvent['kind'];
  merge: ExportEvent['merge'];
  before_macro: string | null;
  after_macro: string | null;
  before_license: string | null;
  after_license: string | null;
  before_namespace: string | null;
  after_namespace: string | null;
  line: number | null;
}

export function eventsTable(db: Db) {
  const insert = prepared(db, `INSERT INTO events (commit_id, symbol, path, from_path, kind, merge, before_macro, after_macro,
    before_license, after_license, before_namespace, after_namespace, line)
    VALUES (@commitId, @symbol, @path, @fromPath, @kind, @merge, @beforeMacro, @afterMacro,
    @beforeLicense, @afterLicense, @beforeNamespace, @afterNamespace, @line)`);
  const insertState = prepared(db, 'INSERT INTO symbol_states (commit_id, symbol, license, switch) VALUES (?, ?, ?, ?)');
  return {
    insert(commitId: number, event: ExportEvent): void {
      insert.run({ commitId, ...event });
    },
    insertSymbolState(commitId: number, state: SymbolState): void {
      insertState.run(commitId, state.symbol, state.license, state.switch);
    },
    /** Events oldest first (in mining order, then as recorded), optionally of one symbol. */
    *list(filter: { symbol?: string } = {}): Generator<EventRow> {
      const where = filter.symbol === undefined ? '' : 'WHERE e.symbol = @symbol';
      const rows = prepared(db, `SELECT ${EVENT_COLUMNS} FROM events e JOIN commits c ON c.id = e.commit_id ${where}
        ORDER BY e.commit_id, e.id`).iterate(filter);
      for (const row of rows as Iterable<StoredEvent>) yield eventRow(row);
    },
  };
}

/** The columns an EventRow is made of, from `events e` joined with `commits c`. */
const EVENT_COLUMNS = `c.sha, c.parent_shas, c.author_name, c.author_email, c.author_time, c.author_tz,
  c.committer_name, c.committer_email, c.committer_time, c.committer_tz, c.subject, c.trailers, c.release,
  e.symbol, e.path, e.from_path, e.kind, e.merge, e.before_macro, e.after_macro, e.before_license,
  e.after_license, e.before_namespace, e.after_namespace, e.line`;

/** Event rows from a query tail (`FROM events e JOIN commits c ... WHERE ... ORDER BY ...`) and its parameters. */
export function eventRowsFrom(db: Db, tail: string, params: Record<string, unknown>): EventRow[] {
  return (prepared(db, `SELECT ${EVENT_COLUMNS} ${tail}`).all(params) as StoredEvent[]).map(eventRow);
}

interface StoredEvent extends Omit<EventRow, 'commit' | 'parents' | 'author_date' | 'committer_date' | 'trailers'> {
  sha: string;
  parent_shas: string;
  author_time: number;
  author_tz: string;
  committer_time: number;
  committer_tz: string;
  trailers: string;
}

function eventRow(stored: StoredEvent): EventRow {
  const { sha, parent_shas, author_time, author_tz, committer_time, committer_tz, trailers, ...rest } = stored;
  return {
    commit: sha,
    parents: parent_shas === '' ? [] : parent_shas.split(' '),
    ...rest,
    author_date: isoDate(author_time, author_tz),
    committer_date: isoDate(committer_time, committer_tz),
    trailers: JSON.parse(trailers) as [string, string][],
  };
}

/** `1041498000, +0100` → `2003-01-02T10:00:00+01:00`: the date as the committer's clock showed it. */
export function isoDate(seconds: number, tz: string): string {
  const m = /^([+-])(\d\d)(\d\d)$/.exec(tz) ?? ['', '+', '00', '00'];
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date((seconds + offset * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${m[1]}${m[2]}:${m[3]}`;
}
