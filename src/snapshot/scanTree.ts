// A whole tree's exports. Headers are read first, so the wrappers the tree defines are known when
// the other files are scanned; each file is read and scanned once, then resolved in that context.
import { posix } from 'node:path';
import { decodeText } from '../git/decodeText.js';
import { learnTreeContext } from '../exports/learnTreeContext.js';
import { type KbuildNamespace, parseKbuildNamespace } from '../exports/parseKbuildNamespace.js';
import { resolveExports } from '../exports/resolveExports.js';
import { scanSource, type SourceFacts } from '../exports/scanSource.js';
import { isExportingSource, isHeader, isKbuildFile, KBUILD_NEEDLE, SOURCE_NEEDLE } from '../exports/sourceKinds.js';
import type { Export, Template, UnknownExport } from '../model.js';
import { namespaceForPath } from './namespaceForPath.js';
import type { TreeSource } from './TreeFile.js';

export interface Snapshot {
  exports: Export[];
  templates: Template[];
  unknown: UnknownExport[];
  /** How many files were parsed (those whose bytes could hold an export). */
  filesParsed: number;
}

export async function scanTree(tree: TreeSource): Promise<Snapshot> {
  const facts = new Map<string, SourceFacts>();
  for await (const file of tree.files(isHeader, [SOURCE_NEEDLE])) facts.set(file.path, scanSource(decodeText(file.bytes)));
  const learned = learnTreeContext([...facts].map(([path, f]) => ({ path, definitions: f.definitions })));

  // Wrappers without EXPORT in their name (`DEFINE_BPF_DISPATCHER`) need their own needles.
  const extraNames = new Set([...learned.wrappers.keys()].filter((name) => !name.includes(SOURCE_NEEDLE)));
  const kbuild = new Map<string, KbuildNamespace>();
  const rest = (path: string): boolean => (isExportingSource(path) && !isHeader(path)) || isKbuildFile(path);
  for await (const file of tree.files(rest, [SOURCE_NEEDLE, KBUILD_NEEDLE, ...extraNames])) {
    const text = decodeText(file.bytes);
    if (isKbuildFile(file.path)) kbuild.set(posix.dirname(file.path), parseKbuildNamespace(text));
    else facts.set(file.path, scanSource(text, extraNames));
  }

  const snapshot: Snapshot = { exports: [], templates: [], unknown: [], filesParsed: facts.size };
  for (const [path, fileFacts] of facts) {
    const result = resolveExports(path, fileFacts, { ...learned, makefileNamespace: namespaceForPath(path, kbuild) });
    snapshot.exports.push(...result.exports);
    snapshot.templates.push(...result.templates);
    snapshot.unknown.push(...result.unknown);
  }
  const byPlace = (a: { path: string; line: number }, b: { path: string; line: number }): number =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;
  snapshot.exports.sort(byPlace);
  snapshot.templates.sort(byPlace);
  snapshot.unknown.sort(byPlace);
  return snapshot;
}
