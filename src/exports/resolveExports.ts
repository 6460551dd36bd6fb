// Turns a file's raw facts into exports, templates and unknown invocations, in the context of its
// tree: wrappers are seen through, namespaces resolved, exported names derived from the era.
import type { Export, License, ParseResult, Template, UnknownExport } from '../model.js';
import type { ExportContext } from './ExportContext.js';
import { findInvocations, substitute } from './expandMacro.js';
import { exportedNames, isTableMacro, looksLikeExportMacro, MACROS, type MacroName, NOT_EXPORTS } from './macroTable.js';
import { type Invocation, type MacroDefinition, type SourceFacts, unquote } from './scanSource.js';

/** What an invocation comes down to after wrappers are expanded. */
type Leaf = { base: MacroName; args: string[][] } | { unknown: string; args: string[][] };

const MAX_WRAPPER_DEPTH = 8;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function resolveExports(path: string, facts: SourceFacts, context: ExportContext): ParseResult {
  const local = preferExporting(facts.definitions.filter((d) => d.params !== null && isWrapperName(d.name)));
  const lookup = (name: string): MacroDefinition | undefined =>
    isTableMacro(name) ? undefined : (local.get(name) ?? context.wrappers.get(name));

  const expand = (name: string, args: string[][], depth: number): Leaf[] => {
    if (isTableMacro(name)) return [{ base: name, args }];
    const definition = lookup(name);
    if (definition && depth < MAX_WRAPPER_DEPTH) {
      const inner = findInvocations(substitute(definition, args), (n) => isTableMacro(n) || lookup(n) !== undefined || looksLikeExportMacro(n));
      return inner.flatMap((call) => expand(call.name, call.args, depth + 1));
    }
    return looksLikeExportMacro(name) ? [{ unknown: name, args }] : [];
  };

  const result: ParseResult = { exports: [], templates: [], unknown: [] };
  for (const invocation of facts.invocations) {
    for (const leaf of expand(invocation.name, invocation.args, 0)) {
      const made = 'base' in leaf ? makeExport(path, invocation, leaf.base, leaf.args, facts, local, context) : null;
      if (made && 'symbol' in made) result.exports.push(made);
      else result.unknown.push(made ?? unknownOf(path, invocation, 'unknown-macro'));
    }
  }
  // Every definition counts, not just the one chosen per name: retpoline.S redefines GEN three times.
  for (const definition of facts.definitions) {
    if (definition.params === null || !isWrapperName(definition.name)) continue;
    if (!definition.body.some(mayExport) && !definition.body.some((token) => local.has(token))) continue;
    const template = asTemplate(path, definition, (name, args) => expand(name, args, 1));
    if (template) result.templates.push(template);
  }
  return result;
}

/** One definition per name; of several (`#ifdef` variants), the first that exports wins. */
export function preferExporting(definitions: Iterable<MacroDefinition>): Map<string, MacroDefinition> {
  const chosen = new Map<string, MacroDefinition>();
  for (const definition of definitions) {
    const current = chosen.get(definition.name);
    if (!current || (!current.body.some(mayExport) && definition.body.some(mayExport))) chosen.set(definition.name, definition);
  }
  return chosen;
}

const mayExport = (token: string): boolean => token.includes('EXPORT');

/** Names that can be learned as wrappers: not the table's macros and not the kernel's plumbing. */
export function isWrapperName(name: string): boolean {
  return !isTableMacro(name) && !NOT_EXPORTS.has(name);
}

function asTemplate(path: string, definition: MacroDefinition, expand: (name: string, args: string[][]) => Leaf[]): Template | null {
  const params = definition.params ?? [];
  const inner = findInvocations(definition.body, () => true);
  const expansion = inner
    .filter((call) => expand(call.name, call.args).some((leaf) => 'base' in leaf))
    .map((call) => `${call.name}(${call.args.map((arg) => arg.join(' ')).join(', ')})`);
  if (expansion.length === 0) return null;
  return { name: definition.name, params, path, line: definition.line, expansion };
}

function makeExport(
  path: string, invocation: Invocation, base: MacroName, args: string[][], facts: SourceFacts,
  local: ReadonlyMap<string, MacroDefinition>, context: ExportContext,
): Export | UnknownExport {
  const info = MACROS[base];
  const symbolTokens = expandArgument(args[0] ?? [], local);
  const symbol = symbolTokens.length === 1 ? symbolTokens[0]! : '';
  const expectedArgs = info.args === 'sym' ? [1] : info.args === 'sym-license-ns' ? [2, 3] : [2];
  // A tracepoint's name only ever follows a prefix, so it may start with a digit (net/9p: 9p_fid_ref).
  const valid = info.naming === 'tracepoint' ? /^[\w$]+$/.test(symbol) : IDENTIFIER.test(symbol);
  if (!valid || !expectedArgs.includes(args.length)) return unknownOf(path, invocation, 'bad-arguments');

  let namespace: string | null;
  let modules: string[] | null = null;
  if ('fixedNamespace' in info) {
    namespace = info.fixedNamespace;
  } else if (info.args === 'sym-ns') {
    namespace = namespaceValue(args[1] ?? [], facts.constants, invocation.line);
  } else if (info.args === 'sym-modules') {
    const list = stringValue(args[1] ?? []);
    modules = list.split(',').map((m) => m.trim()).filter((m) => m.length > 0);
    namespace = `module:${list}`;
  } else {
    const own = invocation.defaultNamespace;
    namespace = own === undefined ? context.makefileNamespace : own === null ? null : namespaceValue([own], facts.constants, invocation.line);
  }
  let license: License = info.license;
  if (info.args === 'sym-license-ns') {
    // "GPL" (6.x), "_gpl" (2.6 section suffix); "_gpl_future" is still usable by any module.
    const declared = stringValue(args[1] ?? []).toLowerCase();
    license = declared.includes('gpl') && !declared.includes('future') ? 'gpl' : 'any';
    namespace = args.length > 2 ? stringValue(args[2] ?? []) : null;
  }
  // cpp expands an argument that is an object-like macro before the export sees it.
  const linked = expandConstant(symbol, facts.constants, invocation.line);
  return {
    symbol,
    exported: exportedNames(base, linked, context.era),
    path,
    macro: invocation.name,
    baseMacro: base,
    license,
    namespace: namespace === '' ? null : namespace,
    line: invocation.line,
    marks: [...info.marks],
    modules,
  };
}

/** `LZO_SAFE(lzo1x_1_compress)` → `lzo1x_1_compress` through the file's own function-like macro. */
function expandArgument(tokens: string[], local: ReadonlyMap<string, MacroDefinition>): string[] {
  const definition = tokens.length >= 3 && tokens[1] === '(' && tokens.at(-1) === ')' ? local.get(tokens[0]!) : undefined;
  if (!definition) return tokens;
  const call = findInvocations(tokens, (name) => name === definition.name)[0];
  return call ? substitute(definition, call.args) : tokens;
}

function unknownOf(path: string, invocation: Invocation, reason: UnknownExport['reason']): UnknownExport {
  return { macro: invocation.name, args: invocation.args.map((arg) => arg.join(' ')), path, line: invocation.line, reason };
}

/** A namespace argument: a string literal, or an identifier (stringified, after macro expansion). */
function namespaceValue(tokens: string[], constants: SourceFacts['constants'], line: number): string {
  if (tokens.length === 1 && IDENTIFIER.test(tokens[0]!)) return unquote(expandConstant(tokens[0]!, constants, line));
  return stringValue(tokens);
}

/** Adjacent string literals concatenated, as C does: `"module:" "kvm"` → `module:kvm`. */
function stringValue(tokens: string[]): string {
  return tokens.map((token) => unquote(token)).join('');
}

/** What `name` expands to at `line`, through the object-like macros defined above that line. */
function expandConstant(name: string, constants: SourceFacts['constants'], line: number): string {
  let value = name;
  for (let i = 0; i < 4; i++) {
    const definition = constants.get(value)?.filter((d) => d.line < line).at(-1);
    if (!definition || definition.value === null) break;
    value = definition.value;
  }
  return value;
}
