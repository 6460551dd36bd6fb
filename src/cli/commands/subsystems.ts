// `ksymtrail subsystems [--json] [--path PATH]`: every subsystem with its exports, GPL-only share
// and events; or which MAINTAINERS entries and groups a path belongs to, and why.
import type { Command } from 'commander';
import { decodeText } from '../../git/decodeText.js';
import { readFileAt } from '../../git/gitQueries.js';
import { listTree } from '../../git/listTree.js';
import { currentTip } from '../../queries/currentTip.js';
import { listSubsystems } from '../../queries/subsystemQueries.js';
import { openStore } from '../../storage/openStore.js';
import { combinedGroups, subsystemContext } from '../../subsystems/subsystemContext.js';
import { subsystemsForPath } from '../../subsystems/subsystemsForPath.js';
import type { SubsystemGroup } from '../../subsystems/loadGroups.js';
import { BadInput } from '../../errors.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import { formatTable } from '../formatTable.js';
import type { Output } from '../Output.js';
import { readGroupsOption } from '../readGroupsOption.js';

interface Options { db: string; json?: boolean; path?: string; groups?: string }

export function registerSubsystems(program: Command, out: Output): void {
  program
    .command('subsystems')
    .description('subsystems with their exports, GPL-only share and events; or, with --path, the subsystems of one path and why')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--path <path>', 'show which MAINTAINERS entries and groups match this path, and which pattern matched')
    .option('--groups <file>', 'with --path: your own groups beside data/subsystems.json')
    .option('--json', 'JSON output')
    .action(async (options: Options) => {
      const db = openStore(options.db, { readonly: true });
      try {
        if (options.path === undefined) {
          const rows = listSubsystems(db);
          if (options.json) return out.stdout(JSON.stringify(rows, null, 2));
          out.stdout(formatTable(['SUBSYSTEM', 'KIND', 'EXPORTS', 'GPL-ONLY', 'EVENTS'], rows.map((r) => [
            r.name, r.kind, String(r.exports), `${(r.gplShare * 100).toFixed(1)} %`, String(r.eventCount),
          ])));
          return;
        }
        const tip = currentTip(db);
        if (!tip) throw new BadInput('database', options.db, 'has nothing mined yet; run ksymtrail mine first');
        const stored = db.prepare("SELECT value FROM meta WHERE key = 'user_groups'").pluck().get() as string | undefined;
        const userGroups = readGroupsOption(options.groups) ?? (stored ? JSON.parse(stored) as SubsystemGroup[] : []);
        const maintainers = await readFileAt(tip.repo, tip.sha, 'MAINTAINERS');
        const context = subsystemContext(maintainers ? decodeText(maintainers) : '', (await listTree(tip.repo, tip.sha)).keys(), combinedGroups(userGroups));
        const found = subsystemsForPath(options.path, context);
        if (options.json) {
          return out.stdout(JSON.stringify({
            path: found.path, fallback: found.fallback,
            entries: found.entries.map((m) => ({ title: m.entry.title, mostSpecific: m.mostSpecific, catchAll: m.catchAll, depth: m.depth, pattern: m.pattern })),
            groups: found.groups.map((g) => ({ name: g.group.name, files: g.files, titles: g.titles })),
          }, null, 2));
        }
        out.stdout(`${found.path} (MAINTAINERS of ${tip.ref} at ${tip.sha.slice(0, 12)}${maintainers ? '' : ': none there'})`);
        if (found.fallback) out.stdout(`not in that tree: its nearest directory ${found.fallback}/ stands in`);
        const rows = [
          ...found.entries.map((m) => [m.entry.title, m.catchAll ? 'catch-all' : m.mostSpecific ? 'entry, most specific' : 'entry', `${m.pattern.kind}: ${m.pattern.pattern} (line ${m.pattern.line})`]),
          ...found.groups.map((g) => [g.group.name, 'group', [...g.files.map((f) => `files: ${f}`), ...g.titles.map((t) => `entry ${t}`)].join(', ')]),
        ];
        out.stdout(rows.length === 0 ? 'no subsystem' : formatTable(['SUBSYSTEM', 'KIND', 'MATCHED BY'], rows));
      } finally {
        db.close();
      }
    });
}
