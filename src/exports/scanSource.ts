// One pass over a source file that collects the raw facts export parsing needs: macro invocations
// that may export, the `#define`s that may wrap an export, and DEFAULT_SYMBOL_NAMESPACE. Pure and
// tree-independent, so its result can be kept per blob and reused by every commit that has the blob.
import { constantsThatMatter, definitionsThatMatter, keep } from './keepWhatMatters.js';
import { looksLikeExportMacro } from './macroTable.js';
import { Lexer, Tok } from './Lexer.js';

/** A `#define NAME(params) body` (or object-like `#define NAME body`), its body as token texts. */
export interface MacroDefinition {
  name: string;
  params: string[] | null;
  body: string[];
  line: number;
}

/** `NAME(args)` outside any directive, each argument as its token texts. */
export interface Invocation {
  name: string;
  args: string[][];
  line: number;
  /**
   * The file's own DEFAULT_SYMBOL_NAMESPACE at this point: a value, `null` when the file
   * `#undef`s it, `undefined` when the file never touches it (the Makefile's then applies).
   */
  defaultNamespace: string | null | undefined;
}

export interface SourceFacts {
  invocations: Invocation[];
  /**
   * Definitions that matter to exports: those with an export-like name or body (template candidates,
   * and wrappers the tree defines as empty), and those an export's arguments use (`LZO_SAFE(name)`).
   */
  definitions: MacroDefinition[];
  /**
   * Object-like `#define NAME value` with a one-token value, with the line of each definition: an
   * argument is expanded only by what is defined above it (sound/soc/soc-core.c defines
   * `snd_soc_suspend` as NULL in an `#else` below its export).
   */
  constants: Map<string, Array<{ line: number; value: string | null }>>;
}

const HASH = 35;
const OPEN = 40;
const CLOSE = 41;
const COMMA = 44;
const SEMI = 59;
const BRACE_OPEN = 123;
const BRACE_CLOSE = 125;

/** One `#if` frame: whether its current branch is skipped, and how its `#else` behaves. */
interface Conditional {
  skipped: boolean;
  parentSkipped: boolean;
  /** `#if 0` → its `#else` is live; `#if 1` → its `#else` is dead; otherwise unknown → live. */
  constant: 0 | 1 | null;
}

const mayExport = (name: string): boolean => name.includes('EXPORT');


/** readArguments gave up at an export-like name starting a line: the main loop resumes at that token. */
const RESTART = Symbol('restart');

/**
 * Collects the export-relevant facts of one file.
 * @param extraNames names of tree-defined templates to record invocations of, even without `EXPORT` in them.
 * @param skim false lexes every token instead of skimming to the next interesting text: slower, and
 *   the same facts (the tests hold the skim to that).
 */
export function scanSource(text: string, extraNames?: ReadonlySet<string>, skim = true): SourceFacts {
  const lx = new Lexer(text);
  const facts: SourceFacts = { invocations: [], definitions: [], constants: new Map() };
  const localTemplates = new Set<string>();
  const conditionals: Conditional[] = [];
  let defaultNamespace: string | null | undefined;
  let sawInclude = false;
  const skipped = (): boolean => conditionals.at(-1)?.skipped ?? false;

  const interesting = (name: string): boolean =>
    mayExport(name) || localTemplates.has(name) || (extraNames?.has(name) ?? false);

  const allDefinitions: MacroDefinition[] = [];
  // Where the next interesting text is (EXPORT, an extra name, or a wrapper this file defined above):
  // code before it is skimmed, and an identifier it does not start in is passed by without copying
  // its text. Every interesting name contains one of these needles.
  const needles = ['EXPORT', ...(extraNames ?? [])];
  // Each needle's next occurrence, looked for again only once passed (-1: no more of it).
  const nextOf = needles.map((needle) => text.indexOf(needle));
  const nextNeedleFrom = (from: number): number => {
    let first = -1;
    for (let i = 0; i < needles.length; i++) {
      if (nextOf[i]! >= 0 && nextOf[i]! < from) nextOf[i] = text.indexOf(needles[i]!, from);
      const at = nextOf[i]!;
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  };
  let nextNeedle = nextNeedleFrom(0);
  const advance = (): Tok => {
    if (skim) {
      if (nextNeedle >= 0 && nextNeedle < lx.end) nextNeedle = nextNeedleFrom(lx.end);
      lx.skim(nextNeedle < 0 ? text.length : nextNeedle);
    }
    return lx.next();
  };
  /** Whether the current identifier can be an interesting name; false only when it surely is not. */
  const mayBeInteresting = (): boolean => {
    if (!skim || lx.spliced) return true;
    if (nextNeedle >= 0 && nextNeedle < lx.start) nextNeedle = nextNeedleFrom(lx.start);
    return nextNeedle >= 0 && nextNeedle < lx.end;
  };
  /** A wrapper defined here is interesting from its definition on. */
  const addTemplate = (name: string): void => {
    localTemplates.add(name);
    needles.push(name);
    nextOf.push(text.indexOf(name, lx.end));
    nextNeedle = nextNeedleFrom(lx.end);
  };
  let tok = lx.next();
  while (tok !== Tok.End) {
    if (tok === Tok.Punct && lx.first && lx.is(HASH)) {
      tok = directive();
      continue;
    }
    if (tok === Tok.Ident && !skipped() && mayBeInteresting()) {
      const name = lx.value();
      if (interesting(name)) {
        const line = lx.line;
        tok = nextSkippingNewlines();
        if (tok === Tok.Punct && lx.is(OPEN)) {
          const args = readArguments();
          if (args && args !== RESTART) facts.invocations.push({ name: keep(name), args, line, defaultNamespace });
          // A malformed invocation stops at the next export-like line, which is read from there.
          tok = args === RESTART ? Tok.Ident : lx.next();
        }
        continue;
      }
    }
    tok = advance();
  }
  // Definition tokens are copied out of the text only for the definitions and constants kept.
  facts.definitions = definitionsThatMatter(allDefinitions, facts.invocations).map((d) =>
    ({ name: keep(d.name), params: d.params?.map(keep) ?? null, body: d.body.map(keep), line: d.line }));
  facts.constants = new Map([...constantsThatMatter(facts.constants, facts.invocations)].map(([name, history]) =>
    [keep(name), history.map(({ line, value }) => ({ line, value: value === null ? null : keep(value) }))]));
  return facts;

  function nextSkippingNewlines(): Tok {
    let t = lx.next();
    while (t === Tok.Newline) t = lx.next();
    return t;
  }

  /**
   * Reads `( ... )` after a macro name, split at top-level commas. Gives up (null) at a `;`, a brace
   * or the end of input before the closing parenthesis: a malformed invocation must not swallow
   * the exports after it.
   */
  function readArguments(): string[][] | null | typeof RESTART {
    const args: string[][] = [[]];
    let depth = 1;
    for (;;) {
      const t = lx.next();
      if (t === Tok.End) return null;
      if (t === Tok.Newline) continue;
      // Another export macro starting a line ends a malformed invocation (not an argument that merely
      // starts with EXPORT, such as EXPORTED_FOR_KUNIT_TESTING on a continuation line).
      if (t === Tok.Ident && lx.first && looksLikeExportMacro(lx.value())) return RESTART;
      if (t === Tok.Punct) {
        if (lx.is(SEMI) || lx.is(BRACE_OPEN) || lx.is(BRACE_CLOSE)) return null;
        if (lx.is(OPEN)) depth++;
        else if (lx.is(CLOSE) && --depth === 0) return args;
        else if (lx.is(COMMA) && depth === 1) {
          args.push([]);
          continue;
        }
      }
      args.at(-1)!.push(keep(lx.value()));
    }
  }

  /** Reads the rest of the logical line as token texts; the line's Newline is consumed. */
  function restOfLine(): string[] {
    const out: string[] = [];
    let t = lx.next();
    while (t !== Tok.Newline && t !== Tok.End) {
      out.push(lx.value());
      t = lx.next();
    }
    return out;
  }

  /** Handles one directive starting at `#`; returns the first token after it. */
  function directive(): Tok {
    let t = lx.next();
    if (t !== Tok.Ident) {
      if (t !== Tok.Newline && t !== Tok.End) restOfLine(); // `# 12 "file"` line markers and the like
      return lx.next();
    }
    const keyword = lx.value();
    const line = lx.line;
    switch (keyword) {
      case 'if':
      case 'ifdef':
      case 'ifndef': {
        const condition = restOfLine();
        const parentSkipped = skipped();
        const bare = condition.join('').replace(/^\((.*)\)$/, '$1');
        const constant = keyword === 'if' && (bare === '0' || bare === '1') ? (Number(bare) as 0 | 1) : null;
        conditionals.push({ skipped: parentSkipped || constant === 0, parentSkipped, constant });
        break;
      }
      case 'elif': {
        restOfLine();
        const frame = conditionals.at(-1);
        if (frame) frame.skipped = frame.parentSkipped || frame.constant === 1;
        break;
      }
      case 'else': {
        restOfLine();
        const frame = conditionals.at(-1);
        if (frame) frame.skipped = frame.parentSkipped || frame.constant === 1;
        break;
      }
      case 'endif':
        restOfLine();
        conditionals.pop();
        break;
      case 'define':
        if (skipped()) restOfLine();
        else define(line);
        break;
      case 'include':
        restOfLine();
        if (!skipped()) sawInclude = true;
        break;
      case 'undef': {
        const rest = restOfLine();
        if (skipped() || rest[0] === undefined) break;
        if (rest[0] === 'DEFAULT_SYMBOL_NAMESPACE') defaultNamespace = null;
        else if (facts.constants.has(rest[0])) facts.constants.get(rest[0])!.push({ line, value: null });
        break;
      }
      default:
        restOfLine();
    }
    return lx.next();
  }

  function define(line: number): void {
    const first = lx.next();
    if (first !== Tok.Ident) {
      if (first !== Tok.Newline && first !== Tok.End) restOfLine(); // a bare `#define` ends with its line
      return;
    }
    const name = lx.value();
    const nameEnd = lx.end;
    let t = lx.next();
    let params: string[] | null = null;
    // Function-like only when `(` touches the name: `#define X (a)` is object-like.
    if (t === Tok.Punct && lx.is(OPEN) && lx.adjacentTo(nameEnd)) {
      params = [];
      for (t = lx.next(); t !== Tok.End && t !== Tok.Newline && !(t === Tok.Punct && lx.is(CLOSE)); t = lx.next()) {
        if (!(t === Tok.Punct && lx.is(COMMA))) params.push(lx.value());
      }
      if (t !== Tok.Punct) {
        return; // unterminated parameter list; the line has already ended
      }
      t = lx.next();
    }
    const body: string[] = [];
    while (t !== Tok.Newline && t !== Tok.End) {
      body.push(lx.value());
      t = lx.next();
    }
    if (name === 'DEFAULT_SYMBOL_NAMESPACE' && params === null) {
      // export.h tests it with #ifdef when it is included: a define after the #includes does nothing
      // (drivers/pwm/pwm-lpss.c in 6.12.y; Module.symvers shows its exports without a namespace).
      if (!sawInclude) defaultNamespace = keep(unquote(body.join('')));
      return;
    }
    if (params === null && body.length === 1) {
      const history = facts.constants.get(name) ?? [];
      history.push({ line, value: body[0]! });
      facts.constants.set(name, history);
    }
    allDefinitions.push({ name, params, body, line });
    if (params !== null && !localTemplates.has(name) && (body.some(mayExport) || body.some((token) => localTemplates.has(token)))) addTemplate(name);
  }
}

/** `"CXL"` or `CXL` → `CXL`: namespaces are written bare before 6.13 and as strings after. */
export function unquote(value: string): string {
  const m = /^"(.*)"$/.exec(value);
  return m ? m[1]! : value;
}
