// A whole tree's exports, built the way the miner builds a commit's state (src/snapshot/TreeState.ts),
// so a snapshot and a replayed history can only agree. Headers are read first: the wrappers they
// define decide which other files need reading at all.
import { decodeText } from '../git/decodeText.js';
import { kbuildNamespaceOf } from '../exports/kbuildNamespaceOf.js';
import { scanSource } from '../exports/scanSource.js';
import { isExportingSource, isHeader, isKbuildFile, KBUILD_NEEDLE, SOURCE_NEEDLE } from '../exports/sourceKinds.js';
import type { ParseResult } from '../model.js';
import type { TreeSource } from './TreeFile.js';
import { applyChanges, EMPTY_STATE, type FileChange, type KbuildChange, resultOf, type TreeState } from './TreeState.js';

export interface Snapshot extends ParseResult {
  /** How many files were parsed (those whose bytes could hold an export). */
  filesParsed: number;
  state: TreeState;
}

export async function scanTree(tree: TreeSource): Promise<Snapshot> {
  const headers = new Map<string, FileChange>();
  for await (const file of tree.files(isHeader, [SOURCE_NEEDLE])) {
    headers.set(file.path, { blob: file.blob ?? '', facts: scanSource(decodeText(file.bytes)) });
  }
  let { state } = applyChanges(EMPTY_STATE, headers);

  // Wrappers without EXPORT in their name (`DEFINE_BPF_DISPATCHER`) need their own needles.
  const extraNames = state.context.extraNames;
  const files = new Map<string, FileChange>();
  const kbuild = new Map<string, KbuildChange>();
  const rest = (path: string): boolean => isExportingSource(path) || isKbuildFile(path);
  for await (const file of tree.files(rest, [SOURCE_NEEDLE, KBUILD_NEEDLE, ...extraNames])) {
    const text = decodeText(file.bytes);
    if (isKbuildFile(file.path)) {
      const namespace = kbuildNamespaceOf(text);
      if (namespace) kbuild.set(file.path, { blob: file.blob ?? '', namespace });
    } else {
      files.set(file.path, { blob: file.blob ?? '', facts: scanSource(text, extraNames) });
    }
  }
  ({ state } = applyChanges(state, files, kbuild));
  return { ...resultOf(state), filesParsed: state.files.size, state };
}
