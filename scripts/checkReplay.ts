// `npm run check:replay -- REPO [--db FILE] [--rev REV] [--tags N]`: replays the mined events along
// the graph and compares the result with a fresh scan at the tip and at N release tags spread over
// the history (PRODUCT.md "What must be true" 3). Exits 1 on any difference.
import { Command } from 'commander';
import { formatError } from '../src/cli/formatError.js';
import { DEFAULT_DB } from '../src/cli/defaultDatabase.js';
import { listTags } from '../src/git/gitQueries.js';
import { resolveCommit } from '../src/git/resolveCommit.js';
import { differences, exportSetOf } from '../src/mining/exportSetOf.js';
import { compareVersions, isReleaseTag } from '../src/mining/releaseTags.js';
import { replayStore } from '../src/mining/replayStore.js';
import { scanTree } from '../src/snapshot/scanTree.js';
import { treeFromCommit } from '../src/snapshot/treeFromCommit.js';
import { openStore } from '../src/storage/openStore.js';

new Command('check:replay')
  .argument('<repo>', 'the repository that was mined')
  .option('--db <file>', 'the database', DEFAULT_DB)
  .option('--rev <rev>', 'the mined tip', 'HEAD')
  .option('--tags <n>', 'how many release tags to check', '12')
  .action(async (repo: string, options: { db: string; rev: string; tags: string }) => {
    const db = openStore(options.db, { readonly: true });
    const started = performance.now();
    const { sets, events } = replayStore(db);
    console.log(`replayed ${sets.size} commits and ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const releases = [...(await listTags(repo))].filter(([tag, sha]) => isReleaseTag(tag) && sets.has(sha)).sort((a, b) => compareVersions(a[0], b[0]));
    const count = Math.min(Number(options.tags), releases.length);
    const picked = Array.from({ length: count }, (_, i) => releases[Math.floor(((i + 1) * releases.length) / (count + 1))]!);
    const tip = await resolveCommit(repo, options.rev);
    let failures = 0;
    for (const [name, sha] of [...picked, [options.rev, tip] as [string, string]]) {
      const snapshot = await scanTree(treeFromCommit(repo, sha));
      const diff = differences(sets.get(sha)!, exportSetOf(snapshot.exports));
      console.log(`${name.padEnd(14)} ${sha.slice(0, 12)}: ${snapshot.exports.length} exports, ${diff.length === 0 ? 'replay equals scan' : `${diff.length} DIFFERENCES`}`);
      for (const line of diff.slice(0, 10)) console.log(`    replay vs scan: ${line}`);
      if (diff.length > 0) failures++;
    }
    db.close();
    if (failures > 0) process.exitCode = 1;
  })
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    const { line, status } = formatError(error);
    console.error(line);
    process.exitCode = status;
  });
