// A source blob's facts in the compact JSON the record of known blobs keeps them in. Nearly all of
// it is export invocations, one a line, so each is a short tuple: the invocation's name by its
// index in the blob's list of names, its line as a step from the one before, its arguments (a
// one-token argument as that token). On linux-history `master` this is 14 MB for 29,397 exporting
// blobs, against about 35 MB as plain JSON.
import type { Invocation, MacroDefinition, SourceFacts } from '../exports/scanSource.js';

type Argument = string | string[];
/** [name index, line step, arguments] and the file's default namespace when it set one. */
type InvocationTuple = [number, number, Argument[]] | [number, number, Argument[], string | null];
type Encoded = [string[], InvocationTuple[], MacroDefinition[], [string, { line: number; value: string | null }[]][]];

export function encodeFacts(facts: SourceFacts): string {
  const names: string[] = [];
  const index = new Map<string, number>();
  let line = 0;
  const invocations = facts.invocations.map((invocation): InvocationTuple => {
    let at = index.get(invocation.name);
    if (at === undefined) index.set(invocation.name, (at = names.push(invocation.name) - 1));
    const args = invocation.args.map((arg): Argument => (arg.length === 1 ? arg[0]! : arg));
    const step = invocation.line - line;
    line = invocation.line;
    return invocation.defaultNamespace === undefined ? [at, step, args] : [at, step, args, invocation.defaultNamespace];
  });
  return JSON.stringify([names, invocations, facts.definitions, [...facts.constants]] satisfies Encoded);
}

export function decodeFacts(text: string): SourceFacts {
  const [names, tuples, definitions, constants] = JSON.parse(text) as Encoded;
  let line = 0;
  const invocations = tuples.map(([at, step, args, ...namespace]): Invocation => ({
    name: names[at]!,
    args: args.map((arg) => (typeof arg === 'string' ? [arg] : arg)),
    line: (line += step),
    defaultNamespace: namespace.length > 0 ? namespace[0]! : undefined,
  }));
  return { invocations, definitions, constants: new Map(constants) };
}
