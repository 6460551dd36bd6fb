// Subsystems: the list with counts, and one subsystem with its symbols, their license periods and events.
import { prepared } from '../storage/prepared.js';
import type { TreeLicense } from '../model.js';
import { type EventRow, eventRowsFrom } from '../storage/eventsTable.js';
import type { Db } from '../storage/openStore.js';

export interface SubsystemRow {
  name: string;
  kind: 'maintainers' | 'group';
  status: string | null;
  /** Symbols exported now from the subsystem's files. */
  exports: number;
  gplOnly: number;
  gplShare: number;
  eventCount: number;
}

// "Now" is the tip of the ref mined last: its exports whose files the subsystem holds.
const TIP = `(SELECT repo, ref FROM refs ORDER BY mined_at DESC, rowid DESC LIMIT 1)`;
const SUMMARY = `SELECT s.name, s.kind, s.status,
    (SELECT count(DISTINCT t.symbol) FROM tip_exports t JOIN path_subsystems ps ON ps.path = t.path
      WHERE ps.subsystem_id = s.id AND (t.repo, t.ref) IN ${TIP}) AS exports,
    (SELECT count(DISTINCT t.symbol) FROM tip_exports t JOIN path_subsystems ps ON ps.path = t.path JOIN symbols y ON y.symbol = t.symbol
      WHERE ps.subsystem_id = s.id AND (t.repo, t.ref) IN ${TIP} AND y.license = 'gpl') AS gplOnly,
    (SELECT count(*) FROM events e WHERE e.path IN (SELECT path FROM path_subsystems ps WHERE ps.subsystem_id = s.id)) AS eventCount
  FROM subsystems s`;

function withShare(row: Omit<SubsystemRow, 'gplShare'>): SubsystemRow {
  return { ...row, gplShare: row.exports === 0 ? 0 : row.gplOnly / row.exports };
}

/** Every subsystem that has at least one export or event, most exports first. */
export function listSubsystems(db: Db): SubsystemRow[] {
  const rows = prepared(db, `SELECT * FROM (${SUMMARY}) WHERE exports > 0 OR eventCount > 0 ORDER BY exports DESC, name`).all() as Omit<SubsystemRow, 'gplShare'>[];
  return rows.map(withShare);
}

export interface LicensePeriod {
  /** Committer time (seconds) of the commit that set this license. */
  from: number;
  license: TreeLicense;
  commit: string;
}

export interface SubsystemSymbol {
  symbol: string;
  license: TreeLicense;
  /** The symbol's license over the whole tree after each commit that touched it, in mining order. */
  periods: LicensePeriod[];
}

export interface SubsystemDetail extends SubsystemRow {
  details: { maintainers?: string[]; reviewers?: string[]; lists?: string[]; trees?: string[] };
  symbols: SubsystemSymbol[];
  events: EventRow[];
}

export function subsystemDetail(db: Db, name: string): SubsystemDetail | null {
  const row = prepared(db, `SELECT * FROM (${SUMMARY}) WHERE name = ?`).get(name) as Omit<SubsystemRow, 'gplShare'> | undefined;
  if (!row) return null;
  const details = JSON.parse(prepared(db, 'SELECT details FROM subsystems WHERE name = ?').pluck().get(name) as string) as SubsystemDetail['details'];
  const states = prepared(db, `SELECT ss.symbol, y.license AS now, st.license, c.committer_time AS 'from', c.sha AS 'commit'
    FROM symbol_subsystems ss JOIN subsystems s ON s.id = ss.subsystem_id JOIN symbols y ON y.symbol = ss.symbol
    JOIN symbol_states st ON st.symbol = ss.symbol JOIN commits c ON c.id = st.commit_id
    WHERE s.name = ? ORDER BY ss.symbol, st.commit_id`).all(name) as { symbol: string; now: TreeLicense; license: TreeLicense; from: number; commit: string }[];
  const symbols = new Map<string, SubsystemSymbol>();
  for (const s of states) {
    let entry = symbols.get(s.symbol);
    if (!entry) symbols.set(s.symbol, (entry = { symbol: s.symbol, license: s.now, periods: [] }));
    entry.periods.push({ from: s.from, license: s.license, commit: s.commit });
  }
  const events = eventRowsFrom(db, `FROM events e JOIN commits c ON c.id = e.commit_id
    WHERE e.path IN (SELECT ps.path FROM path_subsystems ps JOIN subsystems s ON s.id = ps.subsystem_id WHERE s.name = @name)
    ORDER BY e.commit_id, e.id`, { name });
  return { ...withShare(row), details, symbols: [...symbols.values()], events };
}
