// The one table of export macros the kernel has had since 2.4: each macro's license class, marks,
// argument shape and the header that defines it. Every other file derives from this table.

/**
 * How the arguments of a macro are read:
 * - `sym`: `(symbol)`
 * - `sym-ns`: `(symbol, namespace)`; a bare identifier before 6.13, a string literal after
 * - `sym-modules`: `(symbol, "mod1,mod2")`; the namespace becomes `module:mod1,mod2`
 * - `sym-license-ns`: `(symbol, "GPL" or "", namespace)`, the primitive's own arguments
 */
type ArgShape = 'sym' | 'sym-ns' | 'sym-modules' | 'sym-license-ns';

/**
 * Which names land in the symbol table:
 * - `plain`: the symbol itself
 * - `per-cpu`: what the tree's percpu header pastes: `<sym>__per_cpu` (2.5.4x-2.5.69),
 *   `per_cpu__<sym>` (2.5.70-2.6.33), `<sym>` since 2.6.34
 * - `tracepoint`: `__tracepoint_<sym>`, and since 5.10 `__traceiter_<sym>` plus the static call of `tp_func_<sym>`
 * - `static-call`: `__SCK__<sym>` (the key) and `__SCT__<sym>` (the trampoline)
 * - `static-call-tramp`: `__SCT__<sym>` only; the key stays unexported
 */
type Naming = 'plain' | 'per-cpu' | 'tracepoint' | 'static-call' | 'static-call-tramp';

interface MacroInfo {
  license: 'gpl' | 'any';
  marks: readonly ('gpl-future' | 'unused' | 'test-only')[];
  args: ArgShape;
  naming: Naming;
  /** A namespace the macro always sets, whatever the file says. */
  fixedNamespace?: string;
  /** Where the kernel defines it, and in which era. */
  header: string;
}

export const MACROS = {
  EXPORT_SYMBOL: {
    license: 'any', marks: [], args: 'sym', naming: 'plain',
    header: 'include/linux/export.h (3.1+); include/linux/module.h before; asm/export.h for .S (4.9-6.4)',
  },
  EXPORT_SYMBOL_GPL: {
    license: 'gpl', marks: [], args: 'sym', naming: 'plain',
    header: 'include/linux/export.h (3.1+); include/linux/module.h before (2.4.10+)',
  },
  EXPORT_SYMBOL_NOVERS: {
    license: 'any', marks: [], args: 'sym', naming: 'plain',
    header: 'include/linux/module.h (2.4 to 2.6.15): exported without a version CRC',
  },
  EXPORT_SYMBOL_GPL_FUTURE: {
    license: 'any', marks: ['gpl-future'], args: 'sym', naming: 'plain',
    header: 'include/linux/module.h (2.6.17), include/linux/export.h until 5.12',
  },
  EXPORT_UNUSED_SYMBOL: {
    license: 'any', marks: ['unused'], args: 'sym', naming: 'plain',
    header: 'include/linux/module.h (2.6.19), include/linux/export.h until 5.12',
  },
  EXPORT_UNUSED_SYMBOL_GPL: {
    license: 'gpl', marks: ['unused'], args: 'sym', naming: 'plain',
    header: 'include/linux/module.h (2.6.19), include/linux/export.h until 5.12',
  },
  EXPORT_PER_CPU_SYMBOL: {
    license: 'any', marks: [], args: 'sym', naming: 'per-cpu',
    header: 'include/linux/percpu-defs.h; include/asm-generic/percpu.h and include/linux/percpu.h before 2.6.34',
  },
  EXPORT_PER_CPU_SYMBOL_GPL: {
    license: 'gpl', marks: [], args: 'sym', naming: 'per-cpu',
    header: 'include/linux/percpu-defs.h; include/asm-generic/percpu.h and include/linux/percpu.h before 2.6.34',
  },
  EXPORT_SYMBOL_NS: {
    license: 'any', marks: [], args: 'sym-ns', naming: 'plain',
    header: 'include/linux/export.h (5.4+)',
  },
  EXPORT_SYMBOL_NS_GPL: {
    license: 'gpl', marks: [], args: 'sym-ns', naming: 'plain',
    header: 'include/linux/export.h (5.4+)',
  },
  EXPORT_SYMBOL_GPL_FOR_MODULES: {
    license: 'gpl', marks: [], args: 'sym-modules', naming: 'plain',
    header: 'include/linux/export.h (6.16, backported to 6.12.y): namespace "module:" mods',
  },
  EXPORT_SYMBOL_FOR_MODULES: {
    license: 'gpl', marks: [], args: 'sym-modules', naming: 'plain',
    header: 'include/linux/export.h (6.18): EXPORT_SYMBOL_GPL_FOR_MODULES renamed, still GPL-only',
  },
  EXPORT_TRACEPOINT_SYMBOL: {
    license: 'any', marks: [], args: 'sym', naming: 'tracepoint',
    header: 'include/linux/tracepoint.h (2.6.28+)',
  },
  EXPORT_TRACEPOINT_SYMBOL_GPL: {
    license: 'gpl', marks: [], args: 'sym', naming: 'tracepoint',
    header: 'include/linux/tracepoint.h (2.6.28+)',
  },
  EXPORT_STATIC_CALL: {
    license: 'any', marks: [], args: 'sym', naming: 'static-call',
    header: 'include/linux/static_call.h (5.10+)',
  },
  EXPORT_STATIC_CALL_GPL: {
    license: 'gpl', marks: [], args: 'sym', naming: 'static-call',
    header: 'include/linux/static_call.h (5.10+)',
  },
  EXPORT_STATIC_CALL_TRAMP: {
    license: 'any', marks: [], args: 'sym', naming: 'static-call-tramp',
    header: 'include/linux/static_call.h (5.13+)',
  },
  EXPORT_STATIC_CALL_TRAMP_GPL: {
    license: 'gpl', marks: [], args: 'sym', naming: 'static-call-tramp',
    header: 'include/linux/static_call.h (5.13+)',
  },
  EXPORT_SYMBOL_IF_KUNIT: {
    license: 'any', marks: ['test-only'], args: 'sym', naming: 'plain', fixedNamespace: 'EXPORTED_FOR_KUNIT_TESTING',
    header: 'include/kunit/visibility.h (6.2+): EXPORT_SYMBOL_NS(sym, EXPORTED_FOR_KUNIT_TESTING) when KUnit is on',
  },
  EXPORT_SYMBOL_FOR_TESTS_ONLY: {
    license: 'any', marks: ['test-only'], args: 'sym', naming: 'plain',
    header: 'include/drm/drm_util.h (5.0+): EXPORT_SYMBOL when CONFIG_DRM_EXPORT_FOR_TESTS',
  },
  EXPORT_SYMBOL_RUST_GPL: {
    license: 'gpl', marks: [], args: 'sym', naming: 'plain',
    header: 'rust/exports.c (6.1+): exports of the Rust core crates',
  },
  EXPORT_DATA_SYMBOL: {
    license: 'any', marks: [], args: 'sym', naming: 'plain',
    header: 'include/asm-generic/export.h (4.9-6.4), include/linux/export.h for .S after: data in assembly',
  },
  EXPORT_DATA_SYMBOL_GPL: {
    license: 'gpl', marks: [], args: 'sym', naming: 'plain',
    header: 'include/asm-generic/export.h (4.9-6.4), include/linux/export.h for .S after: data in assembly',
  },
  // The primitive behind the others. Only wrappers call it outside export.h: include/linux/pm.h's
  // EXPORT_NS_GPL_DEV_PM_OPS(name, ns) → __EXPORT_SYMBOL(name, "GPL", #ns). Its license is an argument
  // ("GPL" in 6.x, "_gpl" in 2.6's section suffix); `license` here is the class when it says neither.
  __EXPORT_SYMBOL: {
    license: 'any', marks: [], args: 'sym-license-ns', naming: 'plain',
    header: 'include/linux/export.h (include/linux/module.h before 3.1)',
  },
} as const satisfies Record<string, MacroInfo>;

export type MacroName = keyof typeof MACROS;
export type License = (typeof MACROS)[MacroName]['license'];
export type Mark = 'gpl-future' | 'unused' | 'test-only';

/**
 * Names that look like export macros but export nothing: the kernel's own plumbing behind the
 * table's macros, which only ever appears inside their definitions.
 */
export const NOT_EXPORTS: ReadonlySet<string> = new Set([
  'EXPORT_NO_SYMBOLS', // include/linux/module.h (2.4): a module declaring it exports nothing
  'EXPORT_SYMTAB', // 2.4: a flag that a file exports symbols
  '_EXPORT_SYMBOL', '___EXPORT_SYMBOL', '__EXPORT_SYMBOL_NS', '__EXPORT_SYMBOL_REF',
  '__EXPORT_SYMBOL_GPL', '__EXPORT_SYMBOL_GPL_FUTURE', '__EXPORT_SYMBOL_NOVERS',
  '__GENKSYMS_EXPORT_SYMBOL', '__EXPORT_PER_CPU_SYMBOL', '__EXPORT_DATA_SYMBOL',
]);

export function isTableMacro(name: string): name is MacroName {
  return Object.hasOwn(MACROS, name);
}

/** `EXPORT_*SYMBOL*`-looking: what the parser must report when it knows no meaning for it. */
export function looksLikeExportMacro(name: string): boolean {
  return /EXPORT_(?:[A-Z0-9_]*_)?(?:SYMBOL|STATIC_CALL)/.test(name) && !NOT_EXPORTS.has(name);
}

/** Which names a table macro puts into the symbol table, given what the tree's headers say. */
export function exportedNames(macro: MacroName, symbol: string, era: ExportEra): string[] {
  switch (MACROS[macro].naming) {
    case 'plain':
      return [symbol];
    case 'per-cpu':
      return [`${era.perCpuName.prefix}${symbol}${era.perCpuName.suffix}`];
    case 'tracepoint':
      return era.tracepointIterators
        ? [`__tracepoint_${symbol}`, `__traceiter_${symbol}`, `__SCK__tp_func_${symbol}`, `__SCT__tp_func_${symbol}`]
        : [`__tracepoint_${symbol}`];
    case 'static-call':
      return [`__SCK__${symbol}`, `__SCT__${symbol}`];
    case 'static-call-tramp':
      return [`__SCT__${symbol}`];
  }
}

/** Facts of a tree's era that change exported names; learned from the tree's own headers. */
export interface ExportEra {
  /** What `EXPORT_PER_CPU_SYMBOL(var)` pastes around `var`: `per_cpu__` before it until 2.6.34. */
  perCpuName: { prefix: string; suffix: string };
  /** `EXPORT_TRACEPOINT_SYMBOL` also exports `__traceiter_` and a static call (5.10+). */
  tracepointIterators: boolean;
}

export const MODERN_ERA: ExportEra = { perCpuName: { prefix: '', suffix: '' }, tracepointIterators: true };
