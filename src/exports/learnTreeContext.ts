// Learns, from the definitions a whole tree makes, the wrappers its files may use and the naming
// rules of its era.
import { type ExportEra, isTableMacro } from './macroTable.js';
import { isWrapperName, preferExporting } from './resolveExports.js';
import type { MacroDefinition } from './scanSource.js';
import { isHeader } from './sourceKinds.js';

export interface TreeDefinitions {
  path: string;
  definitions: MacroDefinition[];
}

export interface LearnedContext {
  wrappers: Map<string, MacroDefinition>;
  era: ExportEra;
}

/**
 * Wrappers come from headers only (a `.c` file's defines are its own). When several headers define
 * one name (per-architecture variants), the generic `include/` one wins, then the first by path.
 */
export function learnTreeContext(files: Iterable<TreeDefinitions>): LearnedContext {
  const sorted = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const candidates: MacroDefinition[] = [];
  const era: ExportEra = { perCpuName: { prefix: '', suffix: '' }, tracepointIterators: false };
  let sawTracepointDefinition = false;
  for (const { path, definitions } of sorted) {
    for (const definition of definitions) {
      const body = definition.body.join(' ');
      if (definition.name.startsWith('EXPORT_PER_CPU_SYMBOL')) era.perCpuName = perCpuNaming(definition) ?? era.perCpuName;
      if (definition.name.startsWith('EXPORT_TRACEPOINT_SYMBOL') && definition.body.length > 0) {
        sawTracepointDefinition = true;
        if (body.includes('__traceiter_')) era.tracepointIterators = true;
      }
      if (isHeader(path) && definition.params !== null && isWrapperName(definition.name) && !isTableMacro(definition.name)) {
        candidates.push(definition);
      }
    }
  }
  // A tree whose headers were not seen (a lone file) is read with today's rules.
  if (!sawTracepointDefinition) era.tracepointIterators = true;
  return { wrappers: preferExporting(candidates), era };
}

function rank(path: string): number {
  if (path.startsWith('include/')) return 0;
  if (path.startsWith('arch/x86/')) return 1;
  return 2;
}

/**
 * The name `EXPORT_PER_CPU_SYMBOL(var)` pastes: `EXPORT_SYMBOL(per_cpu__##var)` gives the prefix
 * `per_cpu__`, 2.5's `EXPORT_SYMBOL(var##__per_cpu)` the suffix `__per_cpu`.
 */
function perCpuNaming(definition: MacroDefinition): ExportEra['perCpuName'] | null {
  const param = definition.params?.[0];
  const open = definition.body.indexOf('(');
  const close = definition.body.indexOf(')', open);
  if (!param || open < 0 || close < 0) return null;
  const argument = definition.body.slice(open + 1, close).filter((token) => token !== '##');
  const at = argument.indexOf(param);
  if (at < 0) return null;
  return { prefix: argument.slice(0, at).join(''), suffix: argument.slice(at + 1).join('') };
}
