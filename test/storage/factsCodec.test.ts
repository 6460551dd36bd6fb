// The compact form the record of known blobs keeps facts in gives back exactly what was scanned.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanSource } from '../../src/exports/scanSource.js';
import { decodeFacts, encodeFacts } from '../../src/storage/factsCodec.js';

const SOURCE = `#define NS "FOO"
#define EXPORT_FOO(sym) EXPORT_SYMBOL_NS(sym, NS)
#define LZO_SAFE(name) name##_safe
int a, b, c, d, e;
EXPORT_SYMBOL(a);
EXPORT_SYMBOL_GPL(
\tb);
EXPORT_SYMBOL_NS_GPL(c, NS);
EXPORT_SYMBOL(LZO_SAFE(d));
#define DEFAULT_SYMBOL_NAMESPACE BAR
EXPORT_SYMBOL(e);
#undef DEFAULT_SYMBOL_NAMESPACE
EXPORT_FOO(a);
EXPORT_SYMBOL(b);
`;

test('facts encoded and decoded are the facts scanned: names, lines, arguments of one and of several tokens, namespaces, definitions, constants', () => {
  const facts = scanSource(SOURCE);
  // The source exercises every part of the form.
  assert.ok(facts.invocations.length >= 7);
  assert.ok(facts.invocations.some((i) => i.args.some((arg) => arg.length > 1)), 'an argument of several tokens');
  assert.deepEqual(new Set(facts.invocations.map((i) => i.defaultNamespace)), new Set([undefined, 'BAR', null]));
  assert.ok(facts.definitions.length > 0 && facts.constants.size > 0);
  const text = encodeFacts(facts);
  assert.deepEqual(decodeFacts(text), facts);
  assert.ok(text.length < JSON.stringify({ ...facts, constants: [...facts.constants] }).length / 1.5, 'and takes less room than JSON');
});

test('facts with nothing in them, and invocations out of line order, come back as they were', () => {
  const empty = scanSource('/* EXPORT_SYMBOL is used elsewhere */\n');
  assert.deepEqual(decodeFacts(encodeFacts(empty)), empty);
  const facts = scanSource('int a, b;\nEXPORT_SYMBOL(a);\nEXPORT_SYMBOL(b);\n');
  // Reversed, and with arguments of no tokens and no arguments at all (as `EXPORT_SYMBOL()` would give).
  const odd = [{ ...facts.invocations[0]!, args: [[]] }, { ...facts.invocations[0]!, args: [] }];
  const reordered = { ...facts, invocations: [...facts.invocations].reverse().concat(odd) };
  assert.deepEqual(decodeFacts(encodeFacts(reordered)), reordered);
});
