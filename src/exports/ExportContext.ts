// What a file's exports depend on beyond its own text: the wrappers its tree defines, the era's
// naming rules and the namespace its directory's Makefile sets.
import { type ExportEra, MODERN_ERA } from './macroTable.js';
import type { MacroDefinition } from './scanSource.js';

export interface ExportContext {
  /** Wrapper macros learned from the tree's headers, by name. */
  wrappers: ReadonlyMap<string, MacroDefinition>;
  era: ExportEra;
  /** DEFAULT_SYMBOL_NAMESPACE from the Makefile (`ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=...`). */
  makefileNamespace: string | null;
}

/** The context of a file seen alone: no tree wrappers, today's naming, no Makefile. */
export const STANDALONE: ExportContext = { wrappers: new Map(), era: MODERN_ERA, makefileNamespace: null };
