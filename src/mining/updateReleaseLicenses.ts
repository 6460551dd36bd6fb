// Each release's exports by license, and each symbol's license at the releases where it changed.
// A release's licenses are a fact of its commit's tree, so they are taken from the miner's own state
// of each release commit mined in this run, and kept from earlier runs for the others; only when a
// release commit is in neither (a tag moved to an older commit) are the recorded events replayed.
import type { Db } from '../storage/openStore.js';
import type { TreeLicense } from '../model.js';
import type { TreeState } from '../snapshot/TreeState.js';
import type { ExportSet } from './replayEvents.js';
import { replayStore } from './replayStore.js';
import { treeLicense } from './replayCommit.js';

/** The symbol index of a release commit's state: symbol → path → licenses there. */
export type SymbolIndex = TreeState['symbols'];

interface Release {
  tag: string;
  sha: string;
  ordinal: number;
}

/** Licenses by symbol at one release, and the changes from the release before (its rows). */
type Licenses = Map<string, TreeLicense>;

/**
 * Recomputed only when the releases changed. `captured` holds the symbol index of every release
 * commit this mine replayed.
 */
export function updateReleaseLicenses(db: Db, captured: ReadonlyMap<string, SymbolIndex> = new Map()): void {
  const releases = db.prepare('SELECT tag, sha, ordinal FROM releases ORDER BY ordinal').all() as Release[];
  const basis = JSON.stringify(releases.map((r) => [r.tag, r.sha]));
  const done = db.prepare("SELECT value FROM meta WHERE key = 'release_licenses_basis'").pluck().get() as string | undefined;
  if (done === basis) return;
  const kept = keptReleases(done, releases);
  const fresh = releases.slice(kept);
  if (fresh.every((r) => captured.has(r.sha))) writeFromStates(db, releases, kept, captured);
  else writeFromReplay(db, releases);
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('release_licenses_basis', ?)").run(basis);
}

/** How many leading releases are as the last computation left them (same tag, commit and place). */
function keptReleases(done: string | undefined, releases: readonly Release[]): number {
  let before: unknown;
  try {
    before = done === undefined ? [] : JSON.parse(done);
  } catch {
    return 0;
  }
  if (!Array.isArray(before) || !before.every((r) => Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'string')) return 0;
  let kept = 0;
  while (kept < releases.length && kept < before.length && before[kept][0] === releases[kept]!.tag && before[kept][1] === releases[kept]!.sha) kept++;
  return kept;
}

/**
 * Rows for the releases from `kept` on, from the captured states: the first compared with the
 * licenses the kept rows add up to, each next one by a diff of the two indexes, which shares
 * structure wherever the releases agree.
 */
function writeFromStates(db: Db, releases: readonly Release[], kept: number, captured: ReadonlyMap<string, SymbolIndex>): void {
  const insert = db.prepare('INSERT INTO release_licenses (ordinal, symbol, license) VALUES (?, ?, ?)');
  const counts = db.prepare('UPDATE releases SET symbols_any = ?, symbols_gpl = ?, symbols_mixed = ? WHERE ordinal = ?');
  db.transaction(() => {
    db.prepare('DELETE FROM release_licenses WHERE ordinal >= ?').run(kept);
    const previous: Licenses = new Map();
    const tally = { any: 0, gpl: 0, mixed: 0 };
    const record = (symbol: string, was: TreeLicense, now: TreeLicense): void => {
      previous.set(symbol, now);
      if (was !== 'none') tally[was]--;
      if (now !== 'none') tally[now]++;
    };
    // The kept rows add up to the licenses at the last kept release; their counts are written again
    // because the releases were listed anew.
    const rows = db.prepare('SELECT ordinal, symbol, license FROM release_licenses ORDER BY ordinal').all() as { ordinal: number; symbol: string; license: TreeLicense }[];
    let at = 0;
    for (const release of releases.slice(0, kept)) {
      for (; at < rows.length && rows[at]!.ordinal === release.ordinal; at++) record(rows[at]!.symbol, previous.get(rows[at]!.symbol) ?? 'none', rows[at]!.license);
      counts.run(tally.any, tally.gpl, tally.mixed, release.ordinal);
    }
    const change = (ordinal: number, symbol: string, was: TreeLicense, now: TreeLicense): void => {
      if (was === now) return;
      insert.run(ordinal, symbol, now);
      record(symbol, was, now);
    };
    let index: SymbolIndex | null = null;
    for (const release of releases.slice(kept)) {
      const next = captured.get(release.sha)!;
      if (index === null) {
        for (const [symbol, paths] of next.entries()) change(release.ordinal, symbol, previous.get(symbol) ?? 'none', treeLicense(paths));
        for (const [symbol, was] of previous) if (!next.has(symbol)) change(release.ordinal, symbol, was, 'none');
      } else {
        index.diff(next, (symbol, mine, theirs) => change(release.ordinal, symbol, treeLicense(mine), treeLicense(theirs)));
      }
      counts.run(tally.any, tally.gpl, tally.mixed, release.ordinal);
      index = next;
    }
  }).immediate();
}

/** Every release's rows from the recorded events replayed along the commit graph. */
function writeFromReplay(db: Db, releases: readonly Release[]): void {
  const { sets } = replayStore(db);
  const insert = db.prepare('INSERT INTO release_licenses (ordinal, symbol, license) VALUES (?, ?, ?)');
  const counts = db.prepare('UPDATE releases SET symbols_any = ?, symbols_gpl = ?, symbols_mixed = ? WHERE ordinal = ?');
  db.transaction(() => {
    db.prepare('DELETE FROM release_licenses').run();
    let previous: Licenses = new Map();
    for (const release of releases) {
      const set = sets.get(release.sha);
      if (!set) continue;
      const now = licensesOf(set);
      for (const symbol of new Set([...previous.keys(), ...now.keys()])) {
        const license = now.get(symbol) ?? 'none';
        if (license !== (previous.get(symbol) ?? 'none')) insert.run(release.ordinal, symbol, license);
      }
      const tally = { any: 0, gpl: 0, mixed: 0 };
      for (const license of now.values()) if (license !== 'none') tally[license]++;
      counts.run(tally.any, tally.gpl, tally.mixed, release.ordinal);
      previous = now;
    }
  }).immediate();
}

/** Each exported symbol's license over the whole tree: any, gpl, or mixed when files disagree. */
function licensesOf(set: ExportSet): Licenses {
  const licenses: Licenses = new Map();
  for (const [key, value] of set.entries()) {
    const symbol = key.slice(key.indexOf('\0') + 1);
    const license = value.slice(value.lastIndexOf('|') + 1) as TreeLicense;
    const was = licenses.get(symbol);
    licenses.set(symbol, was === undefined || was === license ? license : 'mixed');
  }
  return licenses;
}
