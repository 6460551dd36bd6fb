// The vocabulary types (PRODUCT.md "Vocabulary"), shared by every layer.
import type { License, Mark } from './exports/macroTable.js';

export type { License, Mark, MacroName } from './exports/macroTable.js';

/** One invocation of an export macro in one source file. */
export interface Export {
  /** The symbol as written in the invocation (after wrapper expansion). */
  symbol: string;
  /** The names that land in the kernel's symbol table (`__tracepoint_foo`, `per_cpu__foo`, ...). */
  exported: string[];
  path: string;
  /** The macro verbatim as invoked: `EXPORT_SYMBOL_GPL`, or a tree-defined wrapper like `ACPI_EXPORT_SYMBOL`. */
  macro: string;
  /** The macro of the table that `macro` resolves to (equal to `macro` unless a wrapper was used). */
  baseMacro: string;
  license: License;
  namespace: string | null;
  line: number;
  marks: Mark[];
  /** `EXPORT_SYMBOL_FOR_MODULES`: the only modules allowed to use the symbol. */
  modules: string[] | null;
}

/** A `#define` whose body exports (one of) its arguments: never an export of the parameter name. */
export interface Template {
  name: string;
  params: string[];
  path: string;
  line: number;
  /** What the body invokes, e.g. `EXPORT_SYMBOL_GPL(sym)`. */
  expansion: string[];
}

/** An `EXPORT_*SYMBOL*`-looking invocation that is neither in the macro table nor a learned wrapper. */
export interface UnknownExport {
  /** `unknown-macro`: no table entry or learned wrapper; `bad-arguments`: a known macro with arguments that name no symbol. */
  reason: 'unknown-macro' | 'bad-arguments';
  macro: string;
  args: string[];
  path: string;
  line: number;
}

export interface ParseResult {
  exports: Export[];
  templates: Template[];
  unknown: UnknownExport[];
}

/**
 * What one commit did to one symbol's exports in one file (PRODUCT.md "event"). `present`: exported
 * at the first commit of a shallow clone, whose history before it is not there to say when it came.
 */
export const EVENT_KINDS = ['added', 'removed', 'tightened', 'loosened', 'macro-changed', 'namespace-changed', 'moved', 'present'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Why a merge commit has an event of its own: it wrote something new, or it dropped one side's change. */
export type MergeMark = 'evil' | 'resolution';

/** A symbol's license over the whole tree: the set of its exports' licenses, or not exported. */
export type TreeLicense = License | 'mixed' | 'none';

export interface ExportEvent {
  symbol: string;
  path: string;
  /** For `moved`: the file the export left. */
  fromPath: string | null;
  kind: EventKind;
  merge: MergeMark | null;
  beforeMacro: string | null;
  afterMacro: string | null;
  beforeLicense: License | 'mixed' | null;
  afterLicense: License | 'mixed' | null;
  beforeNamespace: string | null;
  afterNamespace: string | null;
  /** The line of the export after the change (before it, for a removal). */
  line: number | null;
}

/**
 * A subsystem (PRODUCT.md "subsystem"): a MAINTAINERS entry, named by its title, or a named group
 * from data/subsystems.json (or a `--groups` file).
 */
export interface Subsystem {
  kind: 'maintainers' | 'group';
  name: string;
}
