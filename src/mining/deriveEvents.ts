// From exports before and after a change to events: per file and symbol, with moves paired across
// files, and for merges the expectation a clean three-way merge sets. Pure: no git, no storage.
import type { Export, ExportEvent, License, MergeMark } from '../model.js';

/** One file's exports of one symbol, reduced to what events compare (lines shift, so they do not count). */
export interface ExportValue {
  macro: string;
  namespace: string | null;
  license: License | 'mixed';
  line: number;
  /** Equal keys mean no event. */
  key: string;
}

/** A (path, symbol) and what it was and became; `merge` marks a merge commit's own change. */
export interface ValueChange {
  path: string;
  symbol: string;
  before: ExportValue | null;
  after: ExportValue | null;
  merge: MergeMark | null;
  /**
   * What the replay has here before this change: `before`, except for a merge resolution that kept
   * its first parent's side, whose `before` names the side it dropped.
   */
  start?: ExportValue | null;
}

const valuesMemo = new WeakMap<readonly Export[], ReadonlyMap<string, ExportValue>>();

/**
 * The values of one file's exports, by symbol. Remembered per exports list: lists are never changed
 * once made, and a file's list is shared by every state that has the file as it is.
 */
export function valuesBySymbol(exports: readonly Export[]): ReadonlyMap<string, ExportValue> {
  let values = valuesMemo.get(exports);
  if (!values) valuesMemo.set(exports, (values = computeValues(exports)));
  return values;
}

function computeValues(exports: readonly Export[]): Map<string, ExportValue> {
  const groups = new Map<string, Export[]>();
  for (const e of exports) (groups.get(e.symbol) ?? groups.set(e.symbol, []).get(e.symbol)!).push(e);
  const values = new Map<string, ExportValue>();
  for (const [symbol, group] of groups) values.set(symbol, valueOf(group));
  return values;
}

function valueOf(group: Export[]): ExportValue {
  if (group.length === 1) {
    // The common case, without the sets and sorts below; the same value they give for one export.
    const e = group[0]!;
    const namespace = e.namespace ?? '';
    return { macro: e.macro, namespace: namespace === '' ? null : namespace, license: e.license, line: e.line, key: `${e.macro}|${namespace}|${e.license}` };
  }
  const joined = (items: (string | null)[]): string => [...new Set(items.map((i) => i ?? ''))].sort().join(',');
  const licenses = new Set(group.map((e) => e.license));
  const license = licenses.size > 1 ? 'mixed' : group[0]!.license;
  const macro = joined(group.map((e) => e.macro));
  const namespaces = joined(group.map((e) => e.namespace));
  return { macro, namespace: namespaces === '' ? null : namespaces, license, line: group[0]!.line, key: `${macro}|${namespaces}|${license}` };
}

/** The changes between two exports lists of one file. */
export function fileChanges(path: string, before: readonly Export[], after: readonly Export[], merge: MergeMark | null = null): ValueChange[] {
  const old = valuesBySymbol(before);
  const now = valuesBySymbol(after);
  const changes: ValueChange[] = [];
  for (const [symbol, b] of old) {
    const a = now.get(symbol) ?? null;
    if (b.key !== a?.key) changes.push({ path, symbol, before: b, after: a, merge });
  }
  for (const [symbol, a] of now) if (!old.has(symbol)) changes.push({ path, symbol, before: null, after: a, merge });
  return changes;
}

/**
 * Events for a commit's changes. A symbol leaving one file and appearing in another in the same
 * commit is `moved` (paired in path order), plus `tightened`/`loosened` if its license changed too.
 */
export function eventsOf(changes: readonly ValueChange[]): ExportEvent[] {
  const events: ExportEvent[] = [];
  const removals = new Map<string, ValueChange[]>();
  const additions = new Map<string, ValueChange[]>();
  for (const change of changes) {
    const group = change.after === null ? removals : change.before === null ? additions : null;
    const key = `${change.merge ?? ''}\0${change.symbol}`;
    if (group) (group.get(key) ?? group.set(key, []).get(key)!).push(change);
    else events.push(...changedEvents(change));
  }
  for (const [key, removed] of removals) {
    const added = additions.get(key) ?? [];
    additions.delete(key);
    removed.sort((x, y) => x.path.localeCompare(y.path));
    added.sort((x, y) => x.path.localeCompare(y.path));
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i++) events.push(...movedEvents(removed[i]!, added[i]!));
    for (const change of removed.slice(pairs)) events.push(event(change, 'removed'));
    for (const change of added.slice(pairs)) events.push(event(change, 'added'));
  }
  for (const added of additions.values()) for (const change of added) events.push(event(change, 'added'));
  return events;
}

function changedEvents(change: ValueChange): ExportEvent[] {
  const { before, after } = change;
  const events: ExportEvent[] = [];
  const direction = licenseDirection(before!.license, after!.license);
  if (direction) events.push(event(change, direction));
  if (before!.macro !== after!.macro && !direction) events.push(event(change, 'macro-changed'));
  if (before!.namespace !== after!.namespace) events.push(event(change, 'namespace-changed'));
  return events;
}

function movedEvents(removed: ValueChange, added: ValueChange): ExportEvent[] {
  const combined: ValueChange = { ...added, before: removed.before };
  const moved = { ...event(combined, 'moved'), fromPath: removed.path };
  const direction = licenseDirection(removed.before!.license, added.after!.license);
  const events = direction ? [moved, event(combined, direction)] : [moved];
  if (removed.before!.namespace !== added.after!.namespace) events.push(event(combined, 'namespace-changed'));
  return events;
}

/** any → gpl tightens; gpl → any loosens; through `mixed` it is the direction that counts. */
function licenseDirection(before: ExportValue['license'], after: ExportValue['license']): 'tightened' | 'loosened' | null {
  const rank = { any: 0, mixed: 1, gpl: 2 } as const;
  if (rank[after] > rank[before]) return 'tightened';
  if (rank[after] < rank[before]) return 'loosened';
  return null;
}

function event(change: ValueChange, kind: ExportEvent['kind']): ExportEvent {
  return {
    symbol: change.symbol,
    path: change.path,
    fromPath: null,
    kind,
    merge: change.merge,
    beforeMacro: change.before?.macro ?? null,
    afterMacro: change.after?.macro ?? null,
    beforeLicense: change.before?.license ?? null,
    afterLicense: change.after?.license ?? null,
    beforeNamespace: change.before?.namespace ?? null,
    afterNamespace: change.after?.namespace ?? null,
    line: (change.after ?? change.before)?.line ?? null,
  };
}

/** What a clean merge gives for one (path, symbol): a value, or a conflict (the sides changed it differently). */
export type Expectation = { value: ExportValue | null } | 'conflict';

/**
 * The clean n-way merge of the parents' values over their merge base's: the one value the sides
 * changed it to, the base's when none did, a conflict when they changed it differently.
 */
export function expectedValue(base: ExportValue | null, parents: readonly (ExportValue | null)[]): Expectation {
  const changed = new Map<string, ExportValue | null>();
  for (const value of parents) if (value?.key !== base?.key) changed.set(value?.key ?? '', value);
  if (changed.size === 0) return { value: base };
  if (changed.size === 1) return { value: [...changed.values()][0]! };
  // Sides that each added the symbol to a file the base did not export it from merge as text does:
  // both lines stay (linux-history e66e4c8d4c92: EXPORT_SYMBOL and EXPORT_SYMBOL_GPL of one symbol).
  if (base === null && [...changed.values()].every((v) => v !== null)) return { value: unionOf([...changed.values()] as ExportValue[]) };
  return 'conflict';
}

/** The value of a file holding all these values' exports, as valueOf would compute it (from keys alone: replays carry only those). */
function unionOf(values: readonly ExportValue[]): ExportValue {
  const parts = values.map((v) => v.key.split('|') as [string, string, string]);
  const joined = (items: string[]): string => [...new Set(items)].sort().join(',');
  const macro = joined(parts.flatMap(([m]) => m.split(',')));
  const namespaces = joined(parts.flatMap(([, n]) => n.split(',')));
  const licenses = new Set(parts.map(([, , l]) => l));
  const license = (licenses.size > 1 ? 'mixed' : parts[0]![2]) as ExportValue['license'];
  return { macro, namespace: namespaces === '' ? null : namespaces, license, line: values[0]!.line, key: `${macro}|${namespaces}|${license}` };
}

/**
 * A merge's own changes for one symbol, over the files where its parents differ. The clean merge is
 * computed per file, except that a side which moved the symbol to another file (it left exactly one
 * file and appeared in exactly one other) carries the other sides' changes with it, as git's rename
 * detection carries a renamed file's edits: a rename on one side and a tightening on the other merge
 * cleanly. A result that differs from the clean merge (or, in a conflict, from the first parent) is
 * `evil` when it matches no parent, a `resolution` when it keeps one parent's side and drops another's.
 */
export function mergeSymbol(
  symbol: string, base: ReadonlyMap<string, ExportValue>, parents: readonly ReadonlyMap<string, ExportValue>[], result: ReadonlyMap<string, ExportValue>,
): ValueChange[] {
  const { base: b, parents: ps } = followMoves(base, parents);
  const changes: ValueChange[] = [];
  const paths = new Set([...b.keys(), ...result.keys(), ...ps.flatMap((p) => [...p.keys()]), ...base.keys()]);
  for (const path of [...paths].sort()) {
    const inParents = ps.map((p) => p.get(path) ?? null);
    const change = mergeChange(path, symbol, b.get(path) ?? null, inParents, result.get(path) ?? null);
    if (change) changes.push(change);
  }
  return changes;
}

/** Where a side moved a symbol between files, the base and the other sides are read as if they had too. */
export function followMoves<V>(base: ReadonlyMap<string, V>, parents: readonly ReadonlyMap<string, V>[]): { base: Map<string, V>; parents: Map<string, V>[] } {
  const moves = new Map<string, string>();
  const movers = new Map<string, Set<number>>();
  for (const [i, parent] of parents.entries()) {
    const left = [...base.keys()].filter((path) => !parent.has(path));
    const arrived = [...parent.keys()].filter((path) => !base.has(path));
    if (left.length !== 1 || arrived.length !== 1) continue;
    const [from, to] = [left[0]!, arrived[0]!];
    if (moves.has(from) && moves.get(from) !== to) return { base: new Map(base), parents: parents.map((p) => new Map(p)) };
    moves.set(from, to);
    (movers.get(from) ?? movers.set(from, new Set()).get(from)!).add(i);
  }
  // A move is followed only when no other side has the symbol in the destination already: 2004's
  // drivers/acpi had one side add a second export in scan.c while the other moved it there.
  for (const [from, to] of moves) {
    if (parents.some((parent, i) => !movers.get(from)!.has(i) && parent.has(to))) moves.delete(from);
  }
  const translate = (map: ReadonlyMap<string, V>): Map<string, V> => {
    const out = new Map(map);
    for (const [from, to] of moves) {
      if (out.has(from) && !out.has(to)) {
        out.set(to, out.get(from)!);
        out.delete(from);
      }
    }
    return out;
  };
  return { base: translate(base), parents: parents.map(translate) };
}

/** A merge's own change for one (path, symbol), if any (see mergeSymbol). */
export function mergeChange(
  path: string, symbol: string, base: ExportValue | null, parents: readonly (ExportValue | null)[], result: ExportValue | null,
): ValueChange | null {
  const expected = expectedValue(base, parents);
  const start = expected === 'conflict' ? parents[0]! : expected.value;
  const matchesParent = parents.some((p) => p?.key === result?.key);
  if (start?.key !== result?.key) {
    return { path, symbol, before: start, after: result, merge: matchesParent ? 'resolution' : 'evil', start };
  }
  if (expected === 'conflict') {
    // The first parent's side was kept: the other sides' changes are dropped by this merge.
    const dropped = parents.find((p) => p?.key !== result?.key);
    if (dropped !== undefined) return { path, symbol, before: dropped, after: result, merge: 'resolution', start: result };
  }
  return null;
}
