// Assigns each mined commit its first release from the release tags the repository has now.
import { commitsTable } from '../storage/commitsTable.js';
import { miningStateTables } from '../storage/miningStateTables.js';
import type { Db } from '../storage/openStore.js';
import { compareReleases, firstReleases, isReleaseTag } from './releaseTags.js';

/**
 * Keeps every commit's first release true to the release tags on mined commits. The record keeps
 * every ancestor of a mined commit, as far as the history goes (forgetRewritten keeps what other
 * repositories' commits stand on), so a commit new to the record is in no release tag it knew:
 * with the same tags nothing changes. New tags claim what they reach that had no release or a higher one (a lower
 * release can come to contain a commit mined earlier: 2.4's branch merged into 2.6 again later),
 * walking only that; a tag deleted or moved (or none known yet) makes every commit's release
 * computed anew.
 */
export function updateReleases(db: Db, tags: ReadonlyMap<string, string>): void {
  const commits = commitsTable(db);
  const mining = miningStateTables(db);
  const mined = new Map([...tags].filter(([tag, sha]) => isReleaseTag(tag) && commits.idOf(sha) !== undefined));
  const known = mining.releases();
  const added = [...mined].filter(([tag, sha]) => known.get(tag) !== sha).map(([tag, sha]) => ({ tag, sha }));
  const dropped = [...known].some(([tag, sha]) => mined.get(tag) !== sha);
  if (added.length === 0 && !dropped) return;
  db.transaction(() => {
    // A first mine's tags reach nearly every commit: one read of the graph beats a query for each.
    if (dropped || known.size === 0) recomputeAll(db, [...mined].map(([tag, sha]) => ({ tag, sha })));
    else {
      const lines = new Map<string, ReturnType<typeof commits.lineOf>>();
      const lineOf = (sha: string): ReturnType<typeof commits.lineOf> => {
        if (!lines.has(sha)) lines.set(sha, commits.lineOf(sha));
        return lines.get(sha);
      };
      const claimed = firstReleases(added, (sha) => lineOf(sha)?.parents, (sha) => lineOf(sha)?.release ?? null);
      for (const [sha, tag] of claimed) commits.setRelease(sha, tag);
    }
    mining.setReleases(mined, compareReleases);
  }).immediate();
}

/** Every commit's first release from these tags alone, written where it changed. */
function recomputeAll(db: Db, releases: readonly { tag: string; sha: string }[]): void {
  const commits = commitsTable(db);
  const parents = new Map<string, string[]>();
  const stored = new Map<string, string | null>();
  for (const c of commits.graph()) {
    parents.set(c.sha, c.parents);
    stored.set(c.sha, c.release);
  }
  const claimed = firstReleases(releases, (sha) => parents.get(sha));
  for (const [sha, release] of stored) {
    const now = claimed.get(sha) ?? null;
    if (now !== release) commits.setRelease(sha, now);
  }
}
