// The export set of a snapshot, keyed like replayed events, so the two can be compared.
import type { Export } from '../model.js';
import { valuesBySymbol } from './deriveEvents.js';
import { PersistentMap } from './PersistentMap.js';
import { exportKey, type ExportSet } from './replayEvents.js';

export function exportSetOf(exports: readonly Export[]): ExportSet {
  const byPath = new Map<string, Export[]>();
  for (const e of exports) (byPath.get(e.path) ?? byPath.set(e.path, []).get(e.path)!).push(e);
  let set = PersistentMap.empty<string>();
  for (const [path, list] of byPath) for (const [symbol, value] of valuesBySymbol(list)) set = set.set(exportKey(path, symbol), value.key);
  return set;
}

/** The keys where two export sets differ, with each side's value, for a readable failure. */
export function differences(a: ExportSet, b: ExportSet): string[] {
  const out: string[] = [];
  a.diff(b, (key, mine, theirs) => out.push(`${key.replace('\0', ' ')}: ${mine ?? '(none)'} vs ${theirs ?? '(none)'}`));
  return out.sort();
}
