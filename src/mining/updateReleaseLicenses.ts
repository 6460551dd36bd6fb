// Each release's exports by license, and each symbol's license at the releases where it changed,
// from the recorded events replayed along the commit graph (so they equal a scan of each release).
import type { Db } from '../storage/openStore.js';
import type { TreeLicense } from '../model.js';
import type { ExportSet } from './replayEvents.js';
import { replayStore } from './replayStore.js';

/**
 * Recomputed only when what it depends on changed: the release tags, or which commits they contain
 * (a mine whose new commits are in no release yet leaves every release as it was).
 */
export function updateReleaseLicenses(db: Db): void {
  const releases = db.prepare('SELECT tag, sha, ordinal FROM releases ORDER BY ordinal').all() as { tag: string; sha: string; ordinal: number }[];
  const contained = db.prepare('SELECT count(*) FROM commits WHERE release IS NOT NULL').pluck().get() as number;
  const basis = JSON.stringify([contained, releases.map((r) => [r.tag, r.sha])]);
  const done = db.prepare("SELECT value FROM meta WHERE key = 'release_licenses_basis'").pluck().get();
  if (done === basis) return;
  const { sets } = replayStore(db);
  const insert = db.prepare('INSERT INTO release_licenses (ordinal, symbol, license) VALUES (?, ?, ?)');
  const counts = db.prepare('UPDATE releases SET symbols_any = ?, symbols_gpl = ?, symbols_mixed = ? WHERE ordinal = ?');
  db.transaction(() => {
    db.prepare('DELETE FROM release_licenses').run();
    let previous = new Map<string, TreeLicense>();
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
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('release_licenses_basis', ?)").run(basis);
  }).immediate();
}

/** Each exported symbol's license over the whole tree: any, gpl, or mixed when files disagree. */
function licensesOf(set: ExportSet): Map<string, TreeLicense> {
  const licenses = new Map<string, TreeLicense>();
  for (const [key, value] of set.entries()) {
    const symbol = key.slice(key.indexOf('\0') + 1);
    const license = value.slice(value.lastIndexOf('|') + 1) as TreeLicense;
    const was = licenses.get(symbol);
    licenses.set(symbol, was === undefined || was === license ? license : 'mixed');
  }
  return licenses;
}
