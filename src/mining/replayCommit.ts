// Replays one commit on its parents' export states: the new state, and the events this commit
// itself made. A non-merge's events are its diff against its parent. A merge's are only where its
// result differs from the clean merge of its parents over their merge base (evil or resolution).
import { isExportingSource, isKbuildFile } from '../exports/sourceKinds.js';
import type { CommitRecord, RawChange } from '../git/streamCommits.js';
import { ZERO_ID } from '../git/streamCommits.js';
import type { Export, ExportEvent, TreeLicense } from '../model.js';
import {
  applyChanges, EMPTY_STATE, type FileChange, type KbuildChange, type StateChange, type Touched, type TreeState, withEntriesOf,
} from '../snapshot/TreeState.js';
import type { BlobFacts } from './BlobFacts.js';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import type { SourceFacts } from '../exports/scanSource.js';
import { eventsOf, type ExportValue, fileChanges, mergeSymbol, type ValueChange, valuesBySymbol } from './deriveEvents.js';
import type { PersistentMap } from './PersistentMap.js';
import { treeLicenseOf } from './treeLicenseOf.js';

/** What replaying needs from git, kept behind functions so the replay itself stays plain logic. */
export interface ReplayGit {
  facts: BlobFacts;
  /** The blob each `rev:path` names (null when absent), answered in one round trip. */
  lookup(names: readonly string[]): Promise<(string | null)[]>;
  /** The raw changes from one commit's tree to another's. */
  diffTrees(from: string, to: string): Promise<RawChange[]>;
  /** A merge's raw changes against its first parent (its record has only its combined diff). */
  firstParentDiff(record: CommitRecord): Promise<RawChange[]>;
  /**
   * The exact state of the parents' merge base: EMPTY_STATE for unrelated histories, null when the
   * base is unknown because the history is cut (a shallow clone).
   */
  mergeBaseState(merge: string, parents: readonly string[]): Promise<TreeState | null>;
  /** Paths of source files in a commit's tree whose content contains one of `names`. */
  grepTree(commit: string, names: readonly string[]): Promise<string[]>;
}

const NO_EXPORTS: readonly Export[] = [];

export interface SymbolState {
  symbol: string;
  license: TreeLicense;
  switch: 'tightened' | 'loosened' | null;
}

export interface Replayed {
  state: TreeState;
  events: ExportEvent[];
  symbolStates: SymbolState[];
}

export async function replayCommit(record: CommitRecord, parents: readonly TreeState[], git: ReplayGit): Promise<Replayed> {
  const first = parents[0] ?? EMPTY_STATE;
  const changes = parents.length > 1 ? await mergeChanges(record, parents, git) : record.changes;
  const change = await changedState(record.sha, first, changes, git);
  if (parents.length <= 1) {
    const events = eventsOf([...change.touched].flatMap(([path, t]) => fileChanges(path, t.before, t.after)));
    return { state: change.state, events, symbolStates: symbolStates(events, first, change.state) };
  }
  return mergeEvents(record, parents, change, git);
}

/**
 * A state with raw changes applied, as `commit`'s tree has them: without the events they make, all
 * a rebuilt state needs (deriving them took a tenth of a rerun's rebuilds).
 */
export async function changedState(commit: string, state: TreeState, changes: readonly RawChange[], git: ReplayGit): Promise<StateChange> {
  const { files, kbuild } = await rawChanges(changes, state, git);
  return withNewWrappers(commit, applyChanges(state, files, kbuild), git);
}

/**
 * A merge's changes against its first parent, at every path where they can change its state. git's
 * combined diff (the record's changes) names the paths whose content differs from every parent; at
 * any other path the merge has one parent's blob, so the first parent's state can change only where
 * another parent's state differs from it, and the first-parent diff says which blob the merge took
 * there. Most of that diff (everything a side branch changed) is never looked at. Which files a
 * state keeps depends on the wrapper names its tree defines: when the parents know different
 * names, a file one of them left out may belong in the merge, and the whole diff is taken.
 */
async function mergeChanges(record: CommitRecord, parents: readonly TreeState[], git: ReplayGit): Promise<readonly RawChange[]> {
  const first = parents[0]!;
  const others = parents.slice(1);
  const diff = await git.firstParentDiff(record);
  if (others.some((other) => !sameNames(other.context.extraNames, first.context.extraNames))) return diff;
  const listed = new Set(record.changes.map((c) => c.path));
  const differing = new Set<string>();
  const note = (path: string): void => {
    if (!listed.has(path)) differing.add(path);
  };
  for (const other of others) {
    first.files.diff(other.files, note);
    first.kbuild.diff(other.kbuild, note);
  }
  return differing.size === 0 ? record.changes : [...record.changes, ...diff.filter((c) => differing.has(c.path))];
}

function sameNames(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a === b || (a.size === b.size && [...a].every((name) => b.has(name)));
}

/**
 * A commit's changes against its first parent (for a merge, those mergeChanges picks): the files
 * that can export, and the kbuild files that set a namespace.
 */
async function rawChanges(changes: readonly RawChange[], parent: TreeState, git: ReplayGit) {
  // Answers read ahead are taken as they are; the others are all asked for before any is awaited
  // (a rebuilt merge base changes hundreds of files).
  const sources: { path: string; blob: string; facts: SourceFacts | false | Promise<SourceFacts | false> }[] = [];
  const kbuilds: { path: string; blob: string; namespace: KbuildNamespace | false | Promise<KbuildNamespace | false> }[] = [];
  const names = parent.context.extraNames;
  // What earlier mines recorded of the blobs not in memory, in a few queries (a rebuilt base changes hundreds of files).
  git.facts.recall(changes.filter(({ path, blob }) => blob !== ZERO_ID && isExportingSource(path) && parent.files.get(path)?.blob !== blob).map((c) => c.blob));
  for (const { path, blob } of changes) {
    if (isExportingSource(path)) {
      if (parent.files.get(path)?.blob === blob) continue;
      const facts = blob === ZERO_ID ? false : (git.facts.knownSource(blob, names) ?? git.facts.source(blob, names));
      // Nothing to do where a file that cannot export stays so.
      if (facts !== false || parent.files.has(path)) sources.push({ path, blob, facts });
    } else if (isKbuildFile(path)) {
      const namespace = blob === ZERO_ID ? false : (git.facts.knownKbuild(blob) ?? git.facts.kbuild(blob));
      if (namespace !== false || parent.kbuild.has(path)) kbuilds.push({ path, blob, namespace });
    }
  }
  const files = new Map<string, FileChange>();
  const kbuild = new Map<string, KbuildChange>();
  for (const { path, blob, facts } of sources) {
    const found = facts instanceof Promise ? await facts : facts;
    if (found) files.set(path, { blob, facts: found });
    else if (parent.files.has(path)) files.set(path, null);
  }
  for (const { path, blob, namespace } of kbuilds) {
    const found = namespace instanceof Promise ? await namespace : namespace;
    if (found) kbuild.set(path, { blob, namespace: found });
    else if (parent.kbuild.has(path)) kbuild.set(path, null);
  }
  return { files, kbuild };
}

/**
 * When a change defines a new wrapper whose name has no EXPORT in it, files that invoke it could not
 * be recognised before: find them in this commit's tree and scan them with the new name.
 */
async function withNewWrappers(commit: string, change: StateChange, git: ReplayGit): Promise<StateChange> {
  for (let round = 0; round < 4 && change.newExtraNames.length > 0; round++) {
    const paths = (await git.grepTree(commit, change.newExtraNames)).filter(isExportingSource);
    const blobs = await git.lookup(paths.map((path) => `${commit}:${path}`));
    const files = new Map<string, FileChange>();
    for (const [i, path] of paths.entries()) {
      const facts = blobs[i] ? await git.facts.source(blobs[i]!, change.state.context.extraNames) : false;
      if (facts) files.set(path, { blob: blobs[i]!, facts });
    }
    const next = applyChanges(change.state, files);
    change = { state: next.state, touched: combineTouched(change.touched, next.touched), newExtraNames: next.newExtraNames };
  }
  return change;
}

function combineTouched(first: Map<string, Touched>, second: Map<string, Touched>): Map<string, Touched> {
  const combined = new Map(first);
  for (const [path, t] of second) combined.set(path, { before: first.get(path)?.before ?? t.before, after: t.after });
  return combined;
}

/**
 * A merge's own events. Its state is its first parent's with its changes against that parent applied
 * (`change`: every path where they can change the state, see mergeChanges); what is left to decide
 * is where that result differs from the clean merge. A path can differ only where the merge changed
 * it against its first parent, or where another parent changed it since the merge base: everywhere
 * else all of them, the clean merge and the result agree. The
 * base's state is exact (rebuilt from a nearby state when it is no longer in memory): a base read
 * in a parent's context would see that parent's wrapper and Makefile changes as the base's own.
 */
async function mergeEvents(record: CommitRecord, parents: readonly TreeState[], change: StateChange, git: ReplayGit): Promise<Replayed> {
  const first = parents[0]!;
  const state = change.state;
  const baseState = await git.mergeBaseState(record.sha, record.parents);
  // With the base cut off, what the clean merge would be is unknown: no change is the merge's own.
  if (baseState === null) return { state, events: [], symbolStates: [] };
  const candidates = new Set(change.touched.keys());
  for (const other of parents.slice(1)) baseState.signatures.diff(other.signatures, (path) => candidates.add(path));
  // A symbol whose value differs among the parents and the result at such a path is in play: it is
  // followed to every path it has on any side, so a move one side made is seen whole. Elsewhere
  // the sides agree, so the clean merge does too.
  const sides = [...parents, state, baseState];
  const inPlay = new Set<string>();
  const outcomes = [...parents, state];
  for (const path of candidates) {
    // One signature on every side: their exports are the same, so no symbol there is in play.
    const signature = first.signatures.get(path);
    if (signature !== undefined && outcomes.every((s) => s.signatures.get(path) === signature)) continue;
    const values = outcomes.map((s) => valuesBySymbol(s.files.get(path)?.result.exports ?? NO_EXPORTS));
    for (const map of values) {
      for (const [symbol, value] of map) if (values.some((other) => other.get(symbol)?.key !== value.key)) inPlay.add(symbol);
    }
  }
  const followed = new Set<string>();
  for (const symbol of inPlay) for (const side of sides) for (const [path] of side.symbols.get(symbol)?.entries() ?? []) followed.add(path);
  const paths = [...followed];
  // Per symbol, as replayEvents replays a merge: where the parents agree on a file's value, the
  // replay starts from it; where they differ, from their clean merge over the base (following a
  // symbol a side moved between such files). The merge's own changes are where its result differs.
  type Values = { base: Map<string, ExportValue>; parents: Map<string, ExportValue>[]; result: Map<string, ExportValue> };
  const bySymbol = new Map<string, Values>();
  const slot = (symbol: string): Values => {
    let values = bySymbol.get(symbol);
    if (!values) bySymbol.set(symbol, (values = { base: new Map(), parents: parents.map(() => new Map()), result: new Map() }));
    return values;
  };
  const agreed: ValueChange[] = [];
  for (const path of paths) {
    const inParents = parents.map((s) => valuesBySymbol(s.files.get(path)?.result.exports ?? NO_EXPORTS));
    const inResult = valuesBySymbol(state.files.get(path)?.result.exports ?? NO_EXPORTS);
    let inBase: ReadonlyMap<string, ExportValue> | null = null;
    for (const symbol of new Set([...inResult.keys(), ...inParents.flatMap((v) => [...v.keys()])])) {
      if (!inPlay.has(symbol)) continue;
      const values = inParents.map((v) => v.get(symbol) ?? null);
      const result = inResult.get(symbol) ?? null;
      if (values.every((v) => v?.key === values[0]?.key)) {
        if (result?.key !== values[0]?.key) agreed.push({ path, symbol, before: values[0]!, after: result, merge: 'evil', start: values[0]! });
        continue;
      }
      inBase ??= valuesBySymbol(baseState.files.get(path)?.result.exports ?? NO_EXPORTS);
      const at = slot(symbol);
      const base = inBase.get(symbol);
      if (base) at.base.set(path, base);
      values.forEach((v, p) => v && at.parents[p]!.set(path, v));
      if (result) at.result.set(path, result);
    }
  }
  const changes: ValueChange[] = [...agreed];
  for (const [symbol, values] of bySymbol) changes.push(...mergeSymbol(symbol, values.base, values.parents, values.result));
  const events = eventsOf(changes);
  return { state, events, symbolStates: symbolStates(events, first, state, changes) };
}

/** The file-level clean merge of VirtualBaseSource.merge, on tree states (the virtual base of a criss-cross merge). */
export function mergeStatesByFile(a: TreeState, b: TreeState, base: TreeState): TreeState {
  const exportsKey = (s: TreeState, path: string): string =>
    [...valuesBySymbol(s.files.get(path)?.result.exports ?? NO_EXPORTS)].map(([symbol, v]) => `${symbol}=${v.key}`).sort().join('\n');
  const taken: string[] = [];
  a.signatures.diff(b.signatures, (path) => {
    const mine = exportsKey(a, path);
    if (mine !== exportsKey(b, path) && mine === exportsKey(base, path)) taken.push(path);
  });
  return taken.length === 0 ? a : withEntriesOf(a, b, taken);
}

/**
 * For each symbol this commit's events touch: its license over the whole tree after, and whether this
 * commit switched it. A merge is measured from where its replay starts (the clean merge), so a
 * switch a side branch made counts at the side's commit, and a merge counts only its own.
 */
function symbolStates(events: readonly ExportEvent[], before: TreeState, after: TreeState, mergeChanges?: readonly ValueChange[]): SymbolState[] {
  const states: SymbolState[] = [];
  for (const symbol of new Set(events.map((e) => e.symbol))) {
    const was = mergeChanges ? startLicense(symbol, after, mergeChanges) : treeLicense(before.symbols.get(symbol));
    const now = treeLicense(after.symbols.get(symbol));
    const change = was === 'any' && now === 'gpl' ? 'tightened' : was === 'gpl' && now === 'any' ? 'loosened' : null;
    states.push({ symbol, license: now, switch: change });
  }
  return states;
}

/** A symbol's license over a merge's tree as its replay starts: the result, with its own changes undone. */
function startLicense(symbol: string, state: TreeState, changes: readonly ValueChange[]): TreeLicense {
  const own = new Map(changes.filter((c) => c.symbol === symbol).map((c) => [c.path, c]));
  const licenses = new Set<string>();
  const add = (license: string): void => {
    if (license === 'mixed') ['any', 'gpl'].forEach((l) => licenses.add(l));
    else licenses.add(license);
  };
  for (const [path, licensesThere] of state.symbols.get(symbol)?.entries() ?? []) {
    if (own.has(path)) continue;
    licensesThere.split(',').forEach(add);
  }
  for (const change of own.values()) {
    const start = change.start === undefined ? change.before : change.start;
    if (start) add(start.license);
  }
  if (licenses.size === 0) return 'none';
  return licenses.size > 1 ? 'mixed' : (licenses.values().next().value as TreeLicense);
}

export function treeLicense(paths: PersistentMap<string> | undefined): TreeLicense {
  return treeLicenseOf([...(paths?.entries() ?? [])].flatMap(([, licensesThere]) => licensesThere.split(',')));
}

