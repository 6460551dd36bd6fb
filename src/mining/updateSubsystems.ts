// After a mine: every path of the record gets its subsystems from the MAINTAINERS of the mined tip
// (for the whole history, old paths included) and from the named groups.
import { createHash } from 'node:crypto';
import { readFileAt } from '../git/gitQueries.js';
import { decodeText } from '../git/decodeText.js';
import { listTree } from '../git/listTree.js';
import type { SubsystemGroup } from '../subsystems/loadGroups.js';
import { combinedGroups, subsystemContext } from '../subsystems/subsystemContext.js';
import { subsystemsForPath } from '../subsystems/subsystemsForPath.js';
import type { Db } from '../storage/openStore.js';
import { type PathMembership, type StoredSubsystem, subsystemsTables } from '../storage/subsystemsTables.js';

export interface SubsystemsSummary {
  subsystems: number;
  /** MAINTAINERS lines skipped as malformed. */
  skipped: number;
}

/** What the mapping reads of the tip: its MAINTAINERS, and the paths of its files. */
export interface TipFiles {
  tip: string;
  maintainers: Promise<Buffer | null>;
  files: Promise<Map<string, string>>;
}

/**
 * Starts reading what the mapping needs of a tip, both at once. A mine with new commits starts it
 * before it replays them, so the git processes are done by the time the mapping runs (they took
 * 70-100 ms one after the other at the end of a rerun).
 */
export function readTipFiles(repo: string, tip: string): TipFiles {
  const read = { tip, maintainers: readFileAt(repo, tip, 'MAINTAINERS'), files: listTree(repo, tip) };
  // A failure reaches the mapping's await; until then it must not count as unhandled.
  for (const pending of [read.maintainers, read.files]) pending.catch(() => {});
  return read;
}

/**
 * Maps every path of the record. Recomputed only when its basis changed: the tip's MAINTAINERS, the
 * groups, or the set of paths (a rerun with nothing new does nothing but read MAINTAINERS).
 * `read` is what readTipFiles started for this tip, if it did.
 */
export async function updateSubsystems(
  db: Db, repo: string, tip: string, userGroups: readonly SubsystemGroup[], read?: TipFiles,
): Promise<SubsystemsSummary | null> {
  const tables = subsystemsTables(db);
  const paths = tables.paths();
  const maintainers = await (read?.tip === tip ? read.maintainers : readFileAt(repo, tip, 'MAINTAINERS'));
  const groups = combinedGroups(userGroups);
  const digest = createHash('sha1');
  for (const part of [tip, JSON.stringify(groups), maintainers ?? '', ...paths]) digest.update(part).update('\0');
  const basis = digest.digest('hex');
  if (db.prepare("SELECT value FROM meta WHERE key = 'subsystems_basis'").pluck().get() === basis) return null;

  const files = (await (read?.tip === tip ? read.files : listTree(repo, tip))).keys();
  const context = subsystemContext(maintainers === null ? '' : decodeText(maintainers), files, groups);
  const entries = new Map<string, StoredSubsystem>();
  const groupsFound = new Map<string, StoredSubsystem>();
  const memberships: (PathMembership & { group?: boolean })[] = [];
  for (const path of paths) {
    const found = subsystemsForPath(path, context);
    for (const match of found.entries) {
      if (match.catchAll) continue;
      const e = match.entry;
      entries.set(e.title, { name: e.title, kind: 'maintainers', status: e.status,
        details: { maintainers: e.maintainers, reviewers: e.reviewers, lists: e.lists, trees: e.trees } });
      const pattern = `${match.pattern.kind}: ${match.pattern.pattern}`;
      const reason = found.fallback === null ? pattern : `nearest directory ${found.fallback}/ (${pattern})`;
      memberships.push({ path, name: e.title, mostSpecific: match.mostSpecific, reason });
    }
    for (const g of found.groups) {
      groupsFound.set(g.group.name, { name: g.group.name, kind: 'group', status: null, details: { description: g.group.description } });
      const reason = [...g.files.map((f) => `group file ${f}`), ...g.titles.map((t) => `entry ${t}`)].join(', ');
      memberships.push({ path, name: g.group.name, mostSpecific: false, reason, group: true });
    }
  }
  // A group named like an entry is kept apart from it.
  const groupName = (name: string): string => (entries.has(name) ? `${name} (group)` : name);
  const subsystems = [...entries.values(), ...[...groupsFound.values()].map((g) => ({ ...g, name: groupName(g.name) }))];
  const rows = memberships.map(({ group, ...m }) => (group ? { ...m, name: groupName(m.name) } : m));
  db.transaction(() => {
    tables.replaceAll(subsystems, rows);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('subsystems_basis', ?)").run(basis);
  }).immediate();
  return { subsystems: subsystems.length, skipped: context.skipped };
}
