// Substitutes a function-like macro's arguments into its body (with `#` and `##`) and finds the
// invocations in the result: how a wrapper such as `ACPI_EXPORT_SYMBOL(x)` is seen through.
import type { MacroDefinition } from './scanSource.js';

/** An invocation found in an expanded body: `NAME(arg, arg)` with each argument's tokens. */
export interface InnerInvocation {
  name: string;
  args: string[][];
}

/** The body of `definition` with `actual` substituted for its parameters, as tokens. */
export function substitute(definition: MacroDefinition, actual: string[][]): string[] {
  const params = definition.params ?? [];
  const lookup = (token: string): string[] | undefined => {
    if (token === '__VA_ARGS__' && params.at(-1) === '...') {
      return actual.slice(params.length - 1).flatMap((arg, i) => (i === 0 ? arg : [',', ...arg]));
    }
    const index = params.indexOf(token);
    return index >= 0 ? (actual[index] ?? []) : undefined;
  };
  const out: string[] = [];
  const body = definition.body;
  for (let i = 0; i < body.length; i++) {
    const token = body[i]!;
    if (token === '#' && i + 1 < body.length && lookup(body[i + 1]!)) {
      out.push(JSON.stringify(lookup(body[++i]!)!.join(' ')));
    } else if (token === '##' && out.length > 0 && i + 1 < body.length) {
      const next = body[++i]!;
      const right = lookup(next) ?? [next];
      out.push(out.pop()! + (right[0] ?? ''), ...right.slice(1));
    } else {
      out.push(...(lookup(token) ?? [token]));
    }
  }
  return out;
}

/** The `NAME(...)` invocations in a token list, for names `wanted` accepts. */
export function findInvocations(tokens: string[], wanted: (name: string) => boolean): InnerInvocation[] {
  const found: InnerInvocation[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const name = tokens[i]!;
    if (tokens[i + 1] !== '(' || !/^[A-Za-z_]\w*$/.test(name) || !wanted(name)) continue;
    const args: string[][] = [[]];
    let depth = 1;
    let j = i + 2;
    for (; j < tokens.length && depth > 0; j++) {
      const t = tokens[j]!;
      if (t === '(') depth++;
      else if (t === ')' && --depth === 0) break;
      else if (t === ',' && depth === 1) {
        args.push([]);
        continue;
      }
      args.at(-1)!.push(t);
    }
    if (depth === 0) {
      found.push({ name, args });
      i = j;
    }
  }
  return found;
}
