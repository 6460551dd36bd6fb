// The data of a range report: exports by license at both ends, event counts per subsystem, every
// license change with its citation, who made and committed the changes, and the GPL-only share per
// release. Renderers (md, html, csv, json) only format this.
import { BadInput } from '../errors.js';
import type { TreeLicense } from '../model.js';
import { type EventFilter, listEvents, type RangeEnd } from '../queries/listEvents.js';
import { listSwitches, type SwitchRow } from '../queries/listSwitches.js';
import type { EventRow } from '../storage/eventsTable.js';
import type { Db } from '../storage/openStore.js';
import { citationOf } from './citationOf.js';

export interface ReportEnd {
  /** As the user gave it. */
  given: string;
  /** The release whose exports stand for this end (a date's latest release before it). */
  release: string | null;
}

export interface LicenseCounts { any: number; gpl: number; mixed: number }

export interface ReportData {
  from: ReportEnd;
  to: ReportEnd;
  subsystems: string[];
  exports: { from: LicenseCounts; to: LicenseCounts };
  /** Per subsystem (or 'all'): added, removed and moved events; tightened and loosened switches. */
  counts: { subsystem: string; added: number; removed: number; tightened: number; loosened: number; moved: number; other: number }[];
  /** Every per-file tightening and loosening, with its citation. */
  changes: (EventRow & { citation: string })[];
  /** The switches (one per symbol and commit), which the counts and the people count. */
  switches: SwitchRow[];
  authors: { name: string; email: string; authored: number; committed: number }[];
  domains: { domain: string; authored: number; committed: number }[];
  shares: { release: string; date: string | null; gplShare: number; total: number }[];
  events: EventRow[];
}

interface Release { tag: string; ordinal: number; time: number | null }

export function buildReport(db: Db, range: string, subsystems: readonly string[]): ReportData {
  const [fromText, toText, extra] = range.split('..');
  if (!fromText || !toText || extra !== undefined) throw new BadInput('range', range, 'write it as FROM..TO with release tags (v2.6.0..v2.6.12-rc1) or dates (2004-01-01..2004-12-31)');
  const releases = db.prepare(`SELECT r.tag, r.ordinal, c.committer_time AS time FROM releases r LEFT JOIN commits c ON c.sha = r.sha ORDER BY r.ordinal`).all() as Release[];
  for (const name of subsystems) {
    if (db.prepare('SELECT 1 FROM subsystems WHERE name = ?').get(name) === undefined) throw new BadInput('subsystem', name, 'is not a subsystem of the record (see ksymtrail subsystems)');
  }
  const from = rangeEnd(fromText, releases, 'from');
  const to = rangeEnd(toText, releases, 'to');
  const filter = (subsystem?: string | readonly string[]): EventFilter => ({ from: from.end, to: to.end, subsystem, limit: 1e9, offset: 0 });
  const events = listEvents(db, filter(subsystems.length > 0 ? subsystems : undefined)).items;
  // Tightenings and loosenings are counted as switches of the symbol's license over the whole tree
  // (one per symbol and commit), not as the per-file events a commit touching several files makes.
  const counts = (subsystems.length > 0 ? subsystems : [undefined]).map((subsystem) => {
    const count = { subsystem: subsystem ?? 'all', added: 0, removed: 0, tightened: 0, loosened: 0, moved: 0, other: 0 };
    for (const e of subsystem === undefined ? events : listEvents(db, filter(subsystem)).items) {
      const kind = e.kind;
      if (kind === 'added' || kind === 'removed' || kind === 'moved') count[kind]++;
      else if (kind !== 'tightened' && kind !== 'loosened') count.other++;
    }
    for (const s of listSwitches(db, from.end, to.end, subsystem)) count[s.switch]++;
    return count;
  });
  const switches = subsystems.length === 0 ? listSwitches(db, from.end, to.end)
    : [...new Map(subsystems.flatMap((name) => listSwitches(db, from.end, to.end, name)).map((s) => [`${s.commit}\0${s.symbol}`, s])).values()];
  const changes = events.filter((e) => e.kind === 'tightened' || e.kind === 'loosened').map((e) => ({ ...e, citation: citationOf(e) }));
  const inScope = subsystemSymbols(db, subsystems);
  const licensesAt = (release: string | null): Map<string, TreeLicense> => {
    const ordinal = releases.find((r) => r.tag === release)?.ordinal;
    return ordinal === undefined ? new Map() : releaseLicenses(db, ordinal, inScope);
  };
  const span = releases.filter((r) => r.ordinal >= (releases.find((x) => x.tag === from.release)?.ordinal ?? 0)
    && r.ordinal <= (releases.find((x) => x.tag === to.release)?.ordinal ?? -1));
  return {
    from: { given: fromText, release: from.release },
    to: { given: toText, release: to.release },
    subsystems: [...subsystems],
    exports: { from: tally(licensesAt(from.release)), to: tally(licensesAt(to.release)) },
    counts,
    changes,
    switches,
    ...people(switches),
    shares: span.map((r) => {
      const t = tally(releaseLicenses(db, r.ordinal, inScope));
      const total = t.any + t.gpl + t.mixed;
      return { release: r.tag, date: r.time === null ? null : new Date(r.time * 1000).toISOString().slice(0, 10), gplShare: total === 0 ? 0 : t.gpl / total, total };
    }),
    events,
  };
}

/** A range end as the event filter takes it, and the release standing for its exports. */
function rangeEnd(text: string, releases: readonly Release[], side: 'from' | 'to'): { end: RangeEnd; release: string | null } {
  const release = releases.find((r) => r.tag === text);
  if (release) return { end: { release: text }, release: text };
  if (/^\d{4}-\d\d-\d\d$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    const time = Date.parse(`${text}T${side === 'to' ? '23:59:59' : '00:00:00'}Z`) / 1000;
    const before = releases.filter((r) => r.time !== null && r.time <= time).at(-1);
    return { end: { time }, release: before?.tag ?? null };
  }
  const latest = releases.slice(-3).map((r) => r.tag).join(', ');
  throw new BadInput('range end', text, `is neither a release tag of the record${latest ? ` (latest: ${latest})` : ''} nor a date YYYY-MM-DD`);
}

/** The symbols of some subsystems; null for the whole tree. */
function subsystemSymbols(db: Db, subsystems: readonly string[]): ReadonlySet<string> | null {
  if (subsystems.length === 0) return null;
  return new Set(db.prepare(`SELECT DISTINCT ss.symbol FROM symbol_subsystems ss JOIN subsystems s ON s.id = ss.subsystem_id
    WHERE s.name IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(subsystems)) as string[]);
}

/** Each symbol's license at a release: its latest row at or before it. */
function releaseLicenses(db: Db, ordinal: number, only: ReadonlySet<string> | null): Map<string, TreeLicense> {
  const rows = db.prepare(`SELECT symbol, license FROM release_licenses l
    WHERE ordinal = (SELECT max(ordinal) FROM release_licenses WHERE symbol = l.symbol AND ordinal <= ?)`).all(ordinal) as { symbol: string; license: TreeLicense }[];
  return new Map(rows.filter((r) => r.license !== 'none' && (!only || only.has(r.symbol))).map((r) => [r.symbol, r.license]));
}

function tally(licenses: ReadonlyMap<string, TreeLicense>): LicenseCounts {
  const t = { any: 0, gpl: 0, mixed: 0 };
  for (const license of licenses.values()) if (license !== 'none') t[license]++;
  return t;
}

/** Who authored and who committed the switches, by person and by e-mail domain. */
function people(changes: readonly SwitchRow[]): Pick<ReportData, 'authors' | 'domains'> {
  const persons = new Map<string, ReportData['authors'][number]>();
  const domains = new Map<string, ReportData['domains'][number]>();
  const count = (name: string, email: string, role: 'authored' | 'committed'): void => {
    const key = `${name}\0${email.toLowerCase()}`;
    const person = persons.get(key) ?? persons.set(key, { name, email, authored: 0, committed: 0 }).get(key)!;
    person[role]++;
    const domain = email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : '(none)';
    (domains.get(domain) ?? domains.set(domain, { domain, authored: 0, committed: 0 }).get(domain)!)[role]++;
  };
  for (const e of changes) {
    count(e.author_name, e.author_email, 'authored');
    count(e.committer_name, e.committer_email, 'committed');
  }
  const order = <T extends { authored: number; committed: number }>(a: T, b: T): number => b.authored + b.committed - (a.authored + a.committed);
  return { authors: [...persons.values()].sort(order), domains: [...domains.values()].sort(order) };
}
