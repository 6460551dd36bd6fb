// The export state of one tree, as an immutable value: its relevant files with their scanned facts
// and resolved exports, its kbuild namespaces, the context learned from its headers, and an index by
// symbol. Changing files gives a new state and the exact before/after of every file whose exports
// may have changed, including files a changed wrapper or Makefile affects without being touched.
import { posix } from 'node:path';
import { learnTreeContext, type LearnedContext } from '../exports/learnTreeContext.js';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import { resolveExports } from '../exports/resolveExports.js';
import type { MacroDefinition, SourceFacts } from '../exports/scanSource.js';
import { isTableMacro, looksLikeExportMacro } from '../exports/macroTable.js';
import { isHeader, SOURCE_NEEDLE } from '../exports/sourceKinds.js';
import { PersistentMap } from '../mining/PersistentMap.js';
import type { Export, ParseResult } from '../model.js';
import { namespaceForPath } from './namespaceForPath.js';

export interface FileEntry {
  /** The blob id, or '' for a file read from a directory. */
  blob: string;
  facts: SourceFacts;
  /** Exports, templates and unknown invocations, resolved in the state's context. */
  result: ParseResult;
  /**
   * What other files can depend on: the exports without their lines, and for a header its
   * definitions. Two entries with one signature give a merge nothing to decide.
   */
  signature: string;
}

export interface KbuildEntry {
  blob: string;
  namespace: KbuildNamespace;
}

export interface TreeContext extends LearnedContext {
  /** Wrapper names without EXPORT in them: files invoking them are relevant too. */
  extraNames: ReadonlySet<string>;
}

export interface TreeState {
  /** The files that can export, each with the blob the tree has. */
  files: PersistentMap<FileEntry>;
  /**
   * Each file's signature, set only when it changes: branches that edited a file without changing
   * its exports share this map's structure, so comparing two states costs only what really differs.
   */
  signatures: PersistentMap<string>;
  /** Makefile and Kbuild files that set DEFAULT_SYMBOL_NAMESPACE, by path. */
  kbuild: PersistentMap<KbuildEntry>;
  context: TreeContext;
  /**
   * symbol → path → the licenses that file exports it under, sorted and joined (`any`, `gpl`,
   * `any,gpl`). No lines, so an edit that only moves an export leaves the index as it was.
   */
  symbols: PersistentMap<PersistentMap<string>>;
}

/** A file's new content: its blob and facts, or null when it is gone or exports nothing anymore. */
export type FileChange = { blob: string; facts: SourceFacts } | null;
export type KbuildChange = KbuildEntry | null;

export interface Touched {
  before: Export[];
  after: Export[];
}

export interface StateChange {
  state: TreeState;
  /** Every file whose exports were recomputed, with its exports before and after. */
  touched: Map<string, Touched>;
  /** Wrapper names without EXPORT that this change introduced: files invoking them must be rescanned. */
  newExtraNames: string[];
}

export const EMPTY_STATE: TreeState = {
  files: PersistentMap.empty(),
  signatures: PersistentMap.empty(),
  kbuild: PersistentMap.empty(),
  context: { wrappers: new Map(), era: { perCpuName: { prefix: '', suffix: '' }, tracepointIterators: true }, extraNames: new Set() },
  symbols: PersistentMap.empty(),
};

const ERA_MACROS = /^EXPORT_(?:PER_CPU_SYMBOL|TRACEPOINT_SYMBOL)/;

/** Applies changed source files and kbuild files (both by path) to a state. */
export function applyChanges(
  state: TreeState, files: ReadonlyMap<string, FileChange>, kbuild: ReadonlyMap<string, KbuildChange> = new Map(),
): StateChange {
  // Most commits change no file that can export: their state is their parent's, the same object.
  if (files.size === 0 && kbuild.size === 0) return { state, touched: new Map(), newExtraNames: [] };
  let fileMap = state.files;
  let definitionsChanged = false;
  for (const [path, change] of files) {
    const old = fileMap.get(path);
    if (isHeader(path) && ((old?.facts.definitions.length ?? 0) > 0 || (change?.facts.definitions.length ?? 0) > 0)) {
      definitionsChanged = true;
    }
    // Exports are resolved below, once the new context is known.
    fileMap = fileMap.set(path, change ? { blob: change.blob, facts: change.facts, result: NOTHING, signature: '' } : undefined);
  }
  let kbuildMap = state.kbuild;
  for (const [file, change] of kbuild) kbuildMap = kbuildMap.set(file, change ?? undefined);

  let context = state.context;
  const affected = new Set(files.keys());
  if (definitionsChanged) {
    const learned = learnContext(fileMap);
    const names = changedWrapperNames(state.context, learned);
    const eraChanged = JSON.stringify(state.context.era) !== JSON.stringify(learned.era);
    // An edit that leaves every wrapper as it was keeps the context object, so what was resolved in it stays valid.
    if (names.size > 0 || eraChanged) {
      context = learned;
      fileMap.forEach((entry, path) => {
        if (entry.facts.invocations.some((i) => names.has(i.name) || (eraChanged && ERA_MACROS.test(i.name)))
          || entry.facts.definitions.some((d) => d.body.some((token) => names.has(token)))) {
          affected.add(path);
        }
      });
    }
  }
  if (kbuild.size > 0) {
    const dirs = [...kbuild.keys()].map((file) => posix.dirname(file));
    fileMap.forEach((_entry, path) => {
      if (dirs.some((dir) => isWithin(path, dir))) affected.add(path);
    });
  }

  const touched = new Map<string, Touched>();
  let symbols = state.symbols;
  let signatures = state.signatures;
  for (const path of affected) {
    const entry = fileMap.get(path);
    const before = state.files.get(path)?.result.exports ?? [];
    const { result, signature } = entry ? resolved(path, entry.facts, context, namespaceForPath(path, kbuildMap)) : { result: NOTHING, signature: '' };
    if (entry) fileMap = fileMap.set(path, { blob: entry.blob, facts: entry.facts, result, signature });
    signatures = signatures.set(path, entry ? signature : undefined);
    touched.set(path, { before, after: result.exports });
    symbols = reindex(symbols, path, before, result.exports);
  }
  const newExtraNames = [...context.extraNames].filter((name) => !state.context.extraNames.has(name));
  return { state: { files: fileMap, signatures, kbuild: kbuildMap, context, symbols }, touched, newExtraNames };
}

const NOTHING: ParseResult = { exports: [], templates: [], unknown: [] };

interface Resolved {
  path: string;
  context: TreeContext;
  namespace: string | null;
  result: ParseResult;
  signature: string;
}

/**
 * The last resolution of each blob's facts: a merge brings back files its side branch changed,
 * already resolved there in the same context (the same object while no header changes a wrapper),
 * so the result and its signature are shared, not recomputed.
 */
const resolutions = new WeakMap<SourceFacts, Resolved>();

function resolved(path: string, facts: SourceFacts, context: TreeContext, namespace: string | null): Resolved {
  const last = resolutions.get(facts);
  if (last && last.path === path && last.context === context && last.namespace === namespace) return last;
  const result = resolveExports(path, facts, { ...context, makefileNamespace: namespace });
  const entry = { path, context, namespace, result, signature: signatureOf(path, facts, result) };
  resolutions.set(facts, entry);
  return entry;
}

/**
 * `a` with `b`'s entries at `paths`, as they are (not resolved again in `a`'s context): the virtual
 * base of a criss-cross merge is read, not replayed.
 */
export function withEntriesOf(a: TreeState, b: TreeState, paths: Iterable<string>): TreeState {
  let { files, signatures, symbols } = a;
  for (const path of paths) {
    const entry = b.files.get(path);
    symbols = reindex(symbols, path, files.get(path)?.result.exports ?? [], entry?.result.exports ?? []);
    files = files.set(path, entry);
    signatures = signatures.set(path, b.signatures.get(path));
  }
  return { ...a, files, signatures, symbols };
}

/** Everything the state's files export, define as templates or invoke unknown, in path and line order. */
export function resultOf(state: TreeState): ParseResult {
  const all: ParseResult = { exports: [], templates: [], unknown: [] };
  for (const [, entry] of state.files.entries()) {
    all.exports.push(...entry.result.exports);
    all.templates.push(...entry.result.templates);
    all.unknown.push(...entry.result.unknown);
  }
  const byPlace = (a: { path: string; line: number }, b: { path: string; line: number }): number =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;
  all.exports.sort(byPlace);
  all.templates.sort(byPlace);
  all.unknown.sort(byPlace);
  return all;
}

/**
 * What an entry's exports are and can become: its exports (without lines) and a hash of every fact
 * a later context could resolve differently (invocations with their arguments, definitions,
 * constants, the file's own namespace). Two versions of a file with one signature are, for every
 * question this tool asks, the same file.
 */
function signatureOf(path: string, facts: SourceFacts, result: ParseResult): string {
  const exports = result.exports.map((e) => `${e.symbol}|${e.macro}|${e.namespace ?? ''}|${e.license}|${e.exported.join(',')}`).sort().join('\n');
  const invocations = facts.invocations.map((i) => `${i.name}(${i.args.map((a) => a.join(' ')).join(',')})${i.defaultNamespace ?? '-'}`);
  const definitions = facts.definitions.map((d) => `${d.name}(${d.params?.join(',') ?? ''})${d.body.join(' ')}`);
  const constants = [...facts.constants].map(([name, values]) => `${name}=${values.map((v) => v.value ?? '-').join(',')}`);
  return `${exports}\0${hash64([...invocations, ...definitions, ...constants].join('\n'))}`;
}

/** Two FNV-1a passes with different seeds: a 64-bit digest, enough to tell file versions apart. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function learnContext(files: PersistentMap<FileEntry>): TreeContext {
  const headers: { path: string; definitions: MacroDefinition[] }[] = [];
  files.forEach((entry, path) => {
    if (isHeader(path) && entry.facts.definitions.length > 0) headers.push({ path, definitions: entry.facts.definitions });
  });
  const learned = learnTreeContext(headers);
  const extraNames = new Set([...exportingWrappers(learned.wrappers)].filter((name) => !name.includes(SOURCE_NEEDLE)));
  return { ...learned, extraNames };
}

/** Wrappers whose expansion reaches an export, directly or through other wrappers (a fixpoint). */
function exportingWrappers(wrappers: ReadonlyMap<string, MacroDefinition>): Set<string> {
  const exporting = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, definition] of wrappers) {
      if (exporting.has(name)) continue;
      if (definition.body.some((token) => isTableMacro(token) || looksLikeExportMacro(token) || exporting.has(token))) {
        exporting.add(name);
        grew = true;
      }
    }
  }
  return exporting;
}

function changedWrapperNames(before: TreeContext, after: TreeContext): Set<string> {
  const names = new Set<string>();
  const same = (a?: MacroDefinition, b?: MacroDefinition): boolean =>
    a === b || (!!a && !!b && a.params?.join() === b.params?.join() && a.body.join(' ') === b.body.join(' '));
  for (const name of new Set([...before.wrappers.keys(), ...after.wrappers.keys()])) {
    if (!same(before.wrappers.get(name), after.wrappers.get(name))) names.add(name);
  }
  return names;
}

function reindex(
  symbols: TreeState['symbols'], path: string, before: Export[], after: Export[],
): TreeState['symbols'] {
  const old = licensesBySymbol(before);
  const now = licensesBySymbol(after);
  for (const symbol of new Set([...old.keys(), ...now.keys()])) {
    if (old.get(symbol) === now.get(symbol)) continue;
    const paths = (symbols.get(symbol) ?? PersistentMap.empty<string>()).set(path, now.get(symbol));
    symbols = symbols.set(symbol, paths.size > 0 ? paths : undefined);
  }
  return symbols;
}

const licensesMemo = new WeakMap<readonly Export[], ReadonlyMap<string, string>>();

/** Each symbol a file exports, with the licenses it is exported under there (sorted, joined by commas). */
function licensesBySymbol(exports: readonly Export[]): ReadonlyMap<string, string> {
  let licenses = licensesMemo.get(exports);
  if (!licenses) licensesMemo.set(exports, (licenses = computeLicenses(exports)));
  return licenses;
}

function computeLicenses(exports: readonly Export[]): Map<string, string> {
  const sets = new Map<string, Set<string>>();
  for (const e of exports) (sets.get(e.symbol) ?? sets.set(e.symbol, new Set()).get(e.symbol)!).add(e.license);
  return new Map([...sets].map(([symbol, licenses]) => [symbol, [...licenses].sort().join(',')]));
}

/** Whether a kbuild change in `dir` can change the namespace of `path` (its directory or below). */
function isWithin(path: string, dir: string): boolean {
  const parent = posix.dirname(path);
  return dir === '.' || parent === dir || parent.startsWith(`${dir}/`);
}
