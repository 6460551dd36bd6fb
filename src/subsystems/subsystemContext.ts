// Builds what subsystemsForPath needs from a tree's MAINTAINERS text, its file list and the groups:
// the built-in groups of data/subsystems.json, replaced by a user's group of the same name.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileGroups } from './compileGroups.js';
import { compileMaintainers } from './compileMaintainers.js';
import { loadGroups, type SubsystemGroup } from './loadGroups.js';
import { parseMaintainers } from './parseMaintainers.js';
import type { SubsystemContext } from './subsystemsForPath.js';
import { treeOfPaths } from './treeOfPaths.js';

export const BUILTIN_GROUPS_FILE = fileURLToPath(new URL('../../../data/subsystems.json', import.meta.url));

export function builtinGroups(): SubsystemGroup[] {
  return loadGroups(readFileSync(BUILTIN_GROUPS_FILE, 'utf8'), BUILTIN_GROUPS_FILE);
}

/** Built-in groups, with the user's groups added (a user's group replaces a built-in one of the same name). */
export function combinedGroups(userGroups: readonly SubsystemGroup[]): SubsystemGroup[] {
  const names = new Set(userGroups.map((g) => g.name.toLowerCase()));
  return [...builtinGroups().filter((g) => !names.has(g.name.toLowerCase())), ...userGroups];
}

export function subsystemContext(maintainersText: string, files: Iterable<string>, groups: readonly SubsystemGroup[]): SubsystemContext & { skipped: number } {
  const tree = treeOfPaths(files);
  const parsed = parseMaintainers(maintainersText);
  const options = { isDirectory: (path: string) => tree.isDirectory(path) };
  return {
    maintainers: compileMaintainers(parsed.entries, options),
    groups: compileGroups(groups, options),
    tree,
    skipped: parsed.skipped,
  };
}
