// What a scan keeps of a file: copied tokens, and only the definitions and constants exports can use.
import type { Invocation, MacroDefinition, SourceFacts } from './scanSource.js';

const mayExport = (name: string): boolean => name.includes('EXPORT');

/**
 * Tokens that are kept (arguments, definition bodies) are copied out of the file's text and shared:
 * a V8 substring would keep the whole file alive, and the same names recur in every version of a file.
 */
const interned = new Map<string, string>();
export function keep(token: string): string {
  let kept = interned.get(token);
  if (kept === undefined) {
    if (interned.size >= 500_000) interned.clear();
    kept = copyOf(token);
    interned.set(kept, kept);
  }
  return kept;
}
const copyOf = (token: string): string => (token.length < 13 ? token : JSON.parse(JSON.stringify(token)) as string);

/** Keeps the object-like constants an export's arguments or namespace can expand through. */
export function constantsThatMatter(constants: SourceFacts['constants'], invocations: Invocation[]): SourceFacts['constants'] {
  const wanted = new Set<string>();
  for (const invocation of invocations) {
    for (const arg of invocation.args) for (const token of arg) wanted.add(token);
    if (invocation.defaultNamespace) wanted.add(invocation.defaultNamespace);
  }
  const kept: SourceFacts['constants'] = new Map();
  for (let round = 0; round < 4; round++) {
    for (const name of wanted) {
      const history = constants.get(name);
      if (!history || kept.has(name)) continue;
      kept.set(name, history);
      for (const { value } of history) if (value) wanted.add(value);
    }
  }
  return kept;
}

/** Keeps the definitions export resolution can need, so a blob's facts stay small. */
export function definitionsThatMatter(all: MacroDefinition[], invocations: Invocation[]): MacroDefinition[] {
  const wanted = new Set<string>();
  for (const invocation of invocations) for (const arg of invocation.args) for (const token of arg) wanted.add(token);
  const kept = new Set<MacroDefinition>();
  // Two rounds: a kept body can name a helper macro (`#define GEN(x) __EXPORT_THUNK(x)`).
  for (let round = 0; round < 2; round++) {
    for (const definition of all) {
      if (kept.has(definition)) continue;
      if (mayExport(definition.name) || definition.body.some(mayExport) || wanted.has(definition.name)) {
        kept.add(definition);
        for (const token of definition.body) wanted.add(token);
      }
    }
  }
  return all.filter((definition) => kept.has(definition));
}

