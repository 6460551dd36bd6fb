// Reads a kernel build's Module.symvers: `crc<TAB>symbol<TAB>module<TAB>macro<TAB>namespace` per line.
import type { License } from '../model.js';

export interface SymversEntry {
  symbol: string;
  module: string;
  /** As the build wrote it: EXPORT_SYMBOL, EXPORT_SYMBOL_GPL (older builds also _GPL_FUTURE, UNUSED_*). */
  macro: string;
  license: License;
  namespace: string | null;
}

/** Malformed lines are counted, not fatal: the caller reports them. */
export function parseSymvers(text: string): { entries: SymversEntry[]; malformed: number } {
  const entries: SymversEntry[] = [];
  let malformed = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [, symbol, module, macro, namespace] = line.split('\t');
    if (!symbol || !module || !macro?.startsWith('EXPORT_')) {
      malformed++;
      continue;
    }
    entries.push({ symbol, module, macro, license: macro.includes('_GPL') && !macro.endsWith('_GPL_FUTURE') ? 'gpl' : 'any', namespace: namespace || null });
  }
  return { entries, malformed };
}
