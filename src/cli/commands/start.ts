// `ksymtrail start [REPO]`: the main job. Mines REPO (or, without one, a generated demo repository)
// into the database, lists the license changes it found, and serves the pages and API over it.
import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { buildDemoRepository } from '../../demo/buildDemoRepository.js';
import { mineHistory } from '../../mining/mineHistory.js';
import { eventsTable } from '../../storage/eventsTable.js';
import { openStore } from '../../storage/openStore.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import { formatTable } from '../formatTable.js';
import { mineWarnings } from '../mineLines.js';
import type { Output } from '../Output.js';
import { resolveCommit } from '../../git/resolveCommit.js';
import { parsePort } from '../parseCount.js';
import { serveUntilStopped } from './serve.js';

const DEMO_REPO = fileURLToPath(new URL('../../../../data/demo/linux', import.meta.url));
const DEMO_DB = fileURLToPath(new URL('../../../../data/demo.db', import.meta.url));

export function registerStart(program: Command, out: Output): void {
  program
    .command('start')
    .description('the main job: mine REPO (default: a generated demo repository), list the license changes found, and serve them')
    .argument('[repo]', 'a kernel git repository; without one, data/demo/linux is generated and mined')
    .option('--rev <rev>', 'the branch, tag or commit to mine up to', 'HEAD')
    .option('--db <file>', 'the database file (default: data/ksymtrail.db, or data/demo.db for the demo)')
    .option('--port <port>', 'serve the pages and API on this port once mined', parsePort, 8080)
    .option('--host <host>', 'the address to serve on', '127.0.0.1')
    .option('--no-serve', 'mine and list the license changes, then exit')
    .action(async (repo: string | undefined, options: { rev: string; db?: string; port: number; host: string; serve: boolean }) => {
      const demo = repo === undefined;
      const path = repo ?? buildDemoRepository(DEMO_REPO);
      const dbPath = options.db ?? (demo ? DEMO_DB : DEFAULT_DB);
      if (demo) out.stderr(`ksymtrail: no repository given: mining the DEMO repository ${path} (invented data, not the kernel's)`);
      await resolveCommit(path, options.rev); // a bad repository or rev must not create the database
      const db = openStore(dbPath, { onUpgrade: (notice) => out.stderr(`ksymtrail: ${dbPath}: ${notice}`) });
      try {
        if (demo) db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')").run();
        const summary = await mineHistory({ repo: path, rev: options.rev, db, jobs: 'auto' });
        for (const line of mineWarnings(summary)) out.stderr(line); // a shallow clone, a rewritten history
        out.stderr(`mined ${summary.mined} new commits of ${path} in ${(summary.elapsedMs / 1000).toFixed(1)} s into ${dbPath}`);
        const changes = [...eventsTable(db).list()].filter((e) => e.kind === 'tightened' || e.kind === 'loosened');
        out.stdout(`${demo ? 'DEMO DATA. ' : ''}License changes (${changes.length}):`);
        out.stdout(formatTable(['DATE', 'COMMIT', 'KIND', 'SYMBOL', 'PATH', 'RELEASE', 'SUBJECT'], changes.map((e) => [
          e.author_date.slice(0, 10), e.commit.slice(0, 12), e.kind + (e.merge ? ` (${e.merge} merge)` : ''), e.symbol, e.path, e.release ?? '-', e.subject,
        ])));
        out.stdout(`Every event: npx ksymtrail events --db ${dbPath}`);
      } finally {
        db.close();
      }
      if (options.serve) await serveUntilStopped(dbPath, options.host, options.port, out);
    });
}
