// A tree state as JSON and back: only what was read from git (each exporting file's blob and
// facts, each kbuild file's namespace) is stored; the rest is derived again exactly as the miner
// derives it, so a stored state and a replayed one are the same state.
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import type { SourceFacts } from '../exports/scanSource.js';
import { applyChanges, EMPTY_STATE, type FileChange, type KbuildChange, type TreeState } from './TreeState.js';

interface StoredState {
  files: [string, string, SourceFacts][];
  kbuild: [string, string, KbuildNamespace][];
}

export function stateToJson(state: TreeState): string {
  const files: string[] = [];
  state.files.forEach(({ blob, facts }, path) => files.push(`[${JSON.stringify(path)},${JSON.stringify(blob)},${factsJson(facts)}]`));
  const kbuild = [...state.kbuild.entries()].map(([path, { blob, namespace }]) => [path, blob, {
    ...namespace, objects: entriesOf(namespace.objects), assembler: { ...namespace.assembler, objects: entriesOf(namespace.assembler.objects) },
  }]);
  return `{"files":[${files.join(',')}],"kbuild":${JSON.stringify(kbuild)}}`;
}

/**
 * Each facts object's JSON, written once: a mine stores its tip's state and those of the releases
 * replayed near it, which share most of their files' facts (facts are never changed once made).
 */
const factsTexts = new WeakMap<SourceFacts, string>();

function factsJson(facts: SourceFacts): string {
  let text = factsTexts.get(facts);
  // The maps are written as `{ $map: entries }`, not by a replacer asked of every value: five
  // release states in 38 ms instead of 58, the same text.
  if (text === undefined) factsTexts.set(facts, (text = JSON.stringify({ ...facts, constants: entriesOf(facts.constants) })));
  return text;
}

/** A map as stored: mapOf makes it a map again. */
function entriesOf<K, V>(map: Map<K, V>): { $map: [K, V][] } {
  return { $map: [...map] };
}

export function stateFromJson(text: string): TreeState {
  // The maps are brought back where facts have them: a reviver on every value would take most of the time.
  const stored = JSON.parse(text) as StoredState;
  for (const [, , facts] of stored.files) facts.constants = mapOf(facts.constants);
  for (const [, , namespace] of stored.kbuild) {
    namespace.objects = mapOf(namespace.objects);
    namespace.assembler.objects = mapOf(namespace.assembler.objects);
  }
  const files = new Map<string, FileChange>(stored.files.map(([path, blob, facts]) => [path, { blob, facts }]));
  const kbuild = new Map<string, KbuildChange>(stored.kbuild.map(([path, blob, namespace]) => [path, { blob, namespace }]));
  return applyChanges(EMPTY_STATE, files, kbuild).state;
}

function mapOf<K, V>(stored: Map<K, V>): Map<K, V> {
  return new Map((stored as unknown as { $map: [K, V][] }).$map);
}
