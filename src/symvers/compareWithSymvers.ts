// Compares a tree's exports with the Module.symvers its build wrote, symbol by symbol, and names
// the cause of each difference from evidence in the tree (templates, defines, generator programs).
import { dirname } from 'node:path/posix';
import type { Export, Template } from '../model.js';
import type { SymversEntry } from './parseSymvers.js';

/** Where a word occurs in the tree's sources, with the line's text. */
export interface Occurrence {
  path: string;
  line: number;
  text: string;
}

export type Cause =
  | 'xmacro-template' // a template's pasted name, invoked from a list in an #included header
  | 'host-generated' // printed by a host program at build time (lib/raid6/mktables.c)
  | 'renamed-by-define' // `#define written real`: cpp renames the symbol before the export sees it
  | 'pasted-by-includer' // another file #includes this one with a macro that pastes a suffix
  | 'config-dependent-wrapper' // the wrapper is defined per configuration; we read the first variant
  | 'unexplained';

export const CAUSE_TEXT: Record<Cause, string> = {
  'xmacro-template': 'name pasted by a template that an #included list header invokes (X-macro)',
  'host-generated': 'written by a host program at build time, not present in the source as an export',
  'renamed-by-define': 'renamed by an object-like #define before the export macro sees it',
  'pasted-by-includer': 'the file is compiled again through #include with a macro that pastes a suffix',
  'config-dependent-wrapper': 'exported through a wrapper the tree defines differently per configuration',
  unexplained: 'no cause found: a parser bug until shown otherwise',
};

export interface Difference {
  entry: SymversEntry;
  kind: 'missing' | 'license' | 'namespace';
  cause: Cause;
  evidence: string;
}

export interface Comparison {
  total: number;
  matching: number;
  differences: Difference[];
  /** Exports in the source that this build does not contain (other architectures, unset options). */
  notBuilt: number;
}

export interface Evidence {
  templates: Template[];
  /** Occurrences in the tree of each missing name, and of the names of wrappers (`#define X(`). */
  occurrences: ReadonlyMap<string, Occurrence[]>;
}

/** A build for one architecture: exports under other `arch/` directories are not candidates. */
export function compareWithSymvers(exports: Export[], entries: SymversEntry[], evidence: Evidence, arch = 'x86'): Comparison {
  const byName = new Map<string, Export[]>();
  for (const e of exports) for (const name of e.exported) (byName.get(name) ?? byName.set(name, []).get(name)!).push(e);
  const foreign = new RegExp(`^arch/(?!${arch}/)`);
  const comparison: Comparison = { total: entries.length, matching: 0, differences: [], notBuilt: 0 };
  const seen = new Set<string>();
  for (const entry of entries) {
    seen.add(entry.symbol);
    const all = byName.get(entry.symbol) ?? [];
    const native = all.filter((e) => !foreign.test(e.path));
    const candidates = native.length > 0 ? native : all;
    if (candidates.some((e) => e.license === entry.license && e.namespace === entry.namespace)) {
      comparison.matching++;
      continue;
    }
    const kind = candidates.length === 0 ? 'missing' : candidates.some((e) => e.license === entry.license) ? 'namespace' : 'license';
    comparison.differences.push({ entry, kind, ...explain(entry, candidates, byName, evidence) });
  }
  comparison.notBuilt = [...byName.keys()].filter((name) => !seen.has(name)).length;
  return comparison;
}

function explain(
  entry: SymversEntry, candidates: Export[], byName: ReadonlyMap<string, Export[]>, evidence: Evidence,
): { cause: Cause; evidence: string } {
  const symbol = entry.symbol;
  if (candidates.length > 0) {
    const wrapper = candidates.find((e) => e.macro !== e.baseMacro);
    const variants = wrapper ? (evidence.occurrences.get(wrapper.macro) ?? []).filter((o) => isDefinitionOf(o.text, wrapper.macro)) : [];
    if (wrapper && variants.length > 1) {
      return { cause: 'config-dependent-wrapper', evidence: `${wrapper.macro} defined at ${variants.map(place).join(', ')}` };
    }
    return { cause: 'unexplained', evidence: candidates.map((e) => `${place(e)} ${e.macro} ${e.namespace ?? ''}`).join('; ') };
  }
  const seenAt = evidence.occurrences.get(symbol) ?? [];
  const printed = seenAt.find((o) => /"[^"]*EXPORT_SYMBOL[^"]*"/.test(o.text));
  if (printed) return { cause: 'host-generated', evidence: `${place(printed)}: ${printed.text.trim()}` };
  const rename = seenAt.find((o) => new RegExp(`#\\s*define\\s+(\\w+)\\s+${symbol}\\b`).test(o.text));
  if (rename) return { cause: 'renamed-by-define', evidence: `${place(rename)}: ${rename.text.trim()}` };
  for (let cut = symbol.length - 1; cut > 2; cut--) {
    const stem = symbol.slice(0, cut);
    const suffix = symbol.slice(cut);
    const directories = new Set((byName.get(stem) ?? []).map((e) => dirname(e.path)));
    if (directories.size === 0) continue;
    // The includer sits beside the file it includes (lib/lzo/lzo1x_compress_safe.c).
    const paste = (evidence.occurrences.get(suffix) ?? []).find((o) => o.text.includes('##') && directories.has(dirname(o.path)));
    if (paste) return { cause: 'pasted-by-includer', evidence: `${stem} + ${suffix}, pasted at ${place(paste)}: ${paste.text.trim()}` };
  }
  for (const template of evidence.templates) {
    for (const expansion of template.expansion) {
      if (templatePattern(expansion, template.params)?.test(symbol)) {
        return { cause: 'xmacro-template', evidence: `${template.name} at ${place(template)}: ${expansion}` };
      }
    }
  }
  return { cause: 'unexplained', evidence: seenAt.slice(0, 3).map(place).join(', ') || 'not written anywhere in the tree' };
}

/** `EXPORT_SYMBOL_GPL(_x ## _cgrp_subsys_enabled_key)` → /^\w+_cgrp_subsys_enabled_key$/. */
function templatePattern(expansion: string, params: string[]): RegExp | null {
  const argument = /^\w+\((.*?)(?:,.*)?\)$/.exec(expansion)?.[1];
  if (!argument || !params.some((p) => argument.split(/[\s#]+/).includes(p))) return null;
  const parts = argument.split(/\s*##\s*/);
  // A pattern must pin the name down: `__ ## fn` would match any symbol starting with `__`.
  const literal = parts.filter((part) => !params.includes(part)).join('');
  if (literal.replace(/_/g, '').length < 6) return null;
  return new RegExp(`^${parts.map((part) => (params.includes(part) ? '\\w+' : part.replace(/\W/g, '\\$&'))).join('')}$`);
}

const isDefinitionOf = (text: string, name: string): boolean => new RegExp(`#\\s*define\\s+${name}\\(`).test(text);
const place = (at: { path: string; line: number }): string => `${at.path}:${at.line}`;
