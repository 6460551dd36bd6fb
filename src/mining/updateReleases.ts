// Assigns each mined commit its first release from the release tags the repository has now.
import { listTags } from '../git/gitQueries.js';
import { commitsTable } from '../storage/commitsTable.js';
import { miningStateTables } from '../storage/miningStateTables.js';
import type { Db } from '../storage/openStore.js';
import { compareVersions, firstReleases, isReleaseTag } from './releaseTags.js';

/**
 * The first release of every commit, recomputed whenever commits or release tags changed: a lower
 * release can come to contain a commit mined earlier (2.4's branch merged into 2.6 again later).
 */
export async function updateReleases(db: Db, repo: string, changed: boolean): Promise<void> {
  const commits = commitsTable(db);
  const mining = miningStateTables(db);
  const tags = new Map([...(await listTags(repo))].filter(([tag]) => isReleaseTag(tag)));
  const known = mining.releases();
  const unchanged = tags.size === known.size && [...tags].every(([tag, sha]) => known.get(tag) === sha);
  if (unchanged && !changed) return;
  const parents = new Map<string, string[]>();
  const stored = new Map<string, string | null>();
  for (const c of commits.graph()) {
    parents.set(c.sha, c.parents);
    stored.set(c.sha, c.release);
  }
  const releases = [...tags].filter(([, sha]) => parents.has(sha)).map(([tag, sha]) => ({ tag, sha }));
  const claimed = firstReleases(releases, (sha) => parents.get(sha));
  db.transaction(() => {
    // Only commits whose first release changed are written (after a rerun, the new ones at most).
    for (const [sha, release] of stored) {
      const now = claimed.get(sha) ?? null;
      if (now !== release) commits.setRelease(sha, now);
    }
    mining.setReleases(new Map(releases.map((r) => [r.tag, r.sha])), compareVersions);
  }).immediate();
}

