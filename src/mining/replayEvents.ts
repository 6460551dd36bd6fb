// Replays recorded events along the commit graph (PRODUCT.md "What must be true" 3): a commit starts
// from its parent's export set, a merge from the clean n-way merge of its parents' sets over their
// merge base, then the commit's own events apply. The result must equal a snapshot at every commit.
import type { EventRow } from '../storage/eventsTable.js';
import { expectedValue, type ExportValue, followMoves } from './deriveEvents.js';
import { PersistentMap } from './PersistentMap.js';
import { virtualBase, type VirtualBaseSource } from './virtualBase.js';

/** An export set: `path\0symbol` → the value key (macros|namespaces|license) that events compare. */
export type ExportSet = PersistentMap<string>;

export const exportKey = (path: string, symbol: string): string => `${path}\0${symbol}`;

/** How the replay finds merge bases: the commit graph's own answers. */
export interface ReplayGraph {
  /** Best common ancestors of two commits, ordered by commit id. */
  mergeBases(a: string, b: string): string[];
  /** One base for an octopus (folded pairwise). */
  mergeBase(parents: readonly string[]): string | null;
}

/** The export sets of every commit, replayed from its events, parents first. */
export function replayEvents(
  commits: Iterable<{ sha: string; parents: string[] }>,
  eventsOf: (sha: string) => readonly EventRow[],
  graph: ReplayGraph,
): Map<string, ExportSet> {
  const sets = new Map<string, ExportSet>();
  const source: VirtualBaseSource<ExportSet> = {
    mergeBases: (a, b) => graph.mergeBases(a, b),
    stateOf: (sha) => sets.get(sha) ?? PersistentMap.empty<string>(),
    merge: mergeSetsByFile,
    empty: PersistentMap.empty<string>(),
  };
  for (const { sha, parents } of commits) {
    const known = parents.filter((p) => sets.has(p));
    let set = known.length === 0 ? PersistentMap.empty<string>() : sets.get(known[0]!)!;
    // Parents with one and the same set merge to it: no base needed (the common case when replaying few symbols).
    if (known.length > 1 && known.some((p) => sets.get(p) !== set)) {
      const bases = known.length === 2 ? graph.mergeBases(known[0]!, known[1]!) : [graph.mergeBase(known)].filter((b): b is string => b !== null);
      set = cleanMerge(known.map((p) => sets.get(p)!), virtualBase(bases, source));
    }
    for (const event of eventsOf(sha)) set = applyEvent(set, event);
    sets.set(sha, set);
  }
  return sets;
}

/** The file-level clean merge of VirtualBaseSource.merge, on export sets. */
function mergeSetsByFile(a: ExportSet, b: ExportSet, base: ExportSet): ExportSet {
  const pathOf = (key: string): string => key.slice(0, key.indexOf('\0'));
  const differing = new Map<string, string[]>();
  a.diff(b, (key) => {
    const path = pathOf(key);
    (differing.get(path) ?? differing.set(path, []).get(path)!).push(key);
  });
  if (differing.size === 0) return a;
  const changedSinceBase = new Set<string>();
  a.diff(base, (key) => changedSinceBase.add(pathOf(key)));
  let merged = a;
  for (const [path, keys] of differing) {
    if (changedSinceBase.has(path)) continue;
    for (const key of keys) merged = merged.set(key, b.get(key));
  }
  return merged;
}

function cleanMerge(parents: ExportSet[], baseSet: ExportSet): ExportSet {
  const keys = new Set<string>();
  for (const other of parents.slice(1)) parents[0]!.diff(other, (key) => keys.add(key));
  // By symbol, so a side that moved a symbol between files carries the other sides' changes along.
  const bySymbol = new Map<string, Set<string>>();
  for (const key of keys) {
    const symbol = key.slice(key.indexOf('\0') + 1);
    (bySymbol.get(symbol) ?? bySymbol.set(symbol, new Set()).get(symbol)!).add(key.slice(0, key.indexOf('\0')));
  }
  let merged = parents[0]!;
  const value = (key: string | undefined): ExportValue | null => (key === undefined ? null : ({ key } as ExportValue));
  for (const [symbol, paths] of bySymbol) {
    const at = (set: ExportSet): Map<string, string> => {
      const values = new Map<string, string>();
      for (const path of paths) {
        const v = set.get(exportKey(path, symbol));
        if (v !== undefined) values.set(path, v);
      }
      return values;
    };
    const moved = followMoves(at(baseSet), parents.map(at));
    for (const path of paths) {
      const expected = expectedValue(value(moved.base.get(path)), moved.parents.map((p) => value(p.get(path))));
      if (expected !== 'conflict') merged = merged.set(exportKey(path, symbol), expected.value?.key);
    }
  }
  return merged;
}

function applyEvent(set: ExportSet, e: EventRow): ExportSet {
  if (e.kind === 'removed') return set.delete(exportKey(e.path, e.symbol));
  if (e.kind === 'moved' && e.from_path) set = set.delete(exportKey(e.from_path, e.symbol));
  return set.set(exportKey(e.path, e.symbol), `${e.after_macro}|${e.after_namespace ?? ''}|${e.after_license}`);
}
