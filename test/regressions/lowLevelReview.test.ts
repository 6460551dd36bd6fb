// Regressions from the review (2026-11-21) below the miner: the hash map, the lexer's skim, the blob reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExports } from '../../src/exports/parseExports.js';
import { PersistentMap } from '../../src/mining/PersistentMap.js';

function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

test('deleting keys whose hashes share their low 30 bits leaves exactly the keys not deleted', () => {
  // The map's own hash (FNV-1a): find two paths that meet in one deepest bucket, and a third key near them.
  const seen = new Map<number, string>();
  let k1 = '';
  let k2 = '';
  for (let i = 0; !k2; i++) {
    const key = `drivers/x/f${i}.c`;
    const low = fnv(key) & 0x3fffffff;
    const other = seen.get(low);
    if (other !== undefined && fnv(other) !== fnv(key)) [k1, k2] = [other, key];
    seen.set(low, key);
  }
  let k3 = '';
  for (let i = 0; !k3; i++) {
    const key = `sym${i}`;
    if ((fnv(key) & 0x1ffffff) === (fnv(k1) & 0x1ffffff) && ((fnv(key) >>> 25) & 31) !== ((fnv(k1) >>> 25) & 31)) k3 = key;
  }
  const map = PersistentMap.from([[k1, 1], [k2, 2], [k3, 3]]).delete(k3).delete(k2);
  assert.equal(map.size, 1);
  assert.deepEqual([...map.keys()], [k1]);
});

test('a directive after a comment, form feed or splice at the start of a line is still a directive', () => {
  for (const [name, text] of [
    ['comment', 'int x;\n  /* c */ #if 0\nEXPORT_SYMBOL(foo);\n#endif\n'],
    ['form feed', 'int x;\n\f#if 0\nEXPORT_SYMBOL(foo);\n#endif\n'],
    ['splice', 'int x;\n  \\\n#if 0\nEXPORT_SYMBOL(foo);\n#endif\n'],
  ] as const) {
    assert.deepEqual(parseExports('kernel/x.c', text).exports, [], name);
  }
  const templated = parseExports('kernel/x.c', 'int x;\n  /**/ #define W(s) EXPORT_SYMBOL(s)\nW(bar);\n');
  assert.deepEqual(templated.exports.map((e) => e.symbol), ['bar']);
});

test('an argument starting with EXPORTED_ on a continuation line does not end the invocation', () => {
  // include/kunit/visibility.h style namespace on its own line
  const result = parseExports('drivers/x.c', 'EXPORT_SYMBOL_NS_GPL(foo,\n\t\tEXPORTED_FOR_KUNIT_TESTING);\n');
  assert.deepEqual(result.exports.map((e) => [e.symbol, e.namespace]), [['foo', 'EXPORTED_FOR_KUNIT_TESTING']]);
});

test('a bare #define does not swallow the line after it', () => {
  assert.deepEqual(parseExports('x.c', '#define\nEXPORT_SYMBOL(foo);\n').exports.map((e) => e.symbol), ['foo']);
});
