// The byte tests for names a backslash-newline splits: which bytes split an identifier, what they
// hold once joined, and the local test asked of a blob's parts, which must pass every such blob.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsNeedle, joinSplices, mayHoldNeedle, mayStartSplit, needleView, splitsIdentifier } from '../../src/exports/splices.js';

const b = (text: string): Buffer => Buffer.from(text, 'latin1');

const CASES: { text: string; splits: boolean; holdsExport: boolean }[] = [
  { text: 'EXP\\\nORT_SYMBOL(x);\n', splits: true, holdsExport: true },
  { text: 'EXP\\\r\nORT_SYMBOL(x);\r\n', splits: true, holdsExport: true },
  { text: 'EX\\\n\\\nPORT_SYMBOL(x);\n', splits: true, holdsExport: true },
  { text: 'EX\\\n\\\r\n\\\nPORT(x);\n', splits: true, holdsExport: true },
  { text: 'EXPORT_SYMBOL(x);\n', splits: false, holdsExport: true },
  { text: 'int a = b\\\nc;\n', splits: true, holdsExport: false },
  // The splice follows or precedes a non-identifier byte: nothing is joined into a name.
  { text: '#define EXP \\\n\tORT\n', splits: false, holdsExport: false },
  { text: 'x = (EXP\\\n);\nORT\n', splits: false, holdsExport: false },
  { text: 'EXP\\\n\\\n ORT\n', splits: false, holdsExport: false },
  { text: '\\\nEXPORT\n', splits: false, holdsExport: true },
  { text: 'EXP\\ORT\n', splits: false, holdsExport: false },
  { text: '', splits: false, holdsExport: false },
];

test('splitsIdentifier is true where splices have identifier bytes on both sides, and the joined bytes hold the name', () => {
  for (const { text, splits, holdsExport } of CASES) {
    assert.equal(splitsIdentifier(b(text)), splits, JSON.stringify(text));
    assert.equal(holdsNeedle(b(text), ['EXPORT']), holdsExport, JSON.stringify(text));
    assert.equal(needleView(b(text)).includes('EXPORT'), holdsExport, JSON.stringify(text));
    // Every blob that splits an identifier passes the local test, and so does every blob holding EXPORT.
    if (splits) assert.ok(mayStartSplit(b(text)), JSON.stringify(text));
    if (holdsExport) assert.ok(mayHoldNeedle(['EXPORT'])(b(text)), JSON.stringify(text));
  }
});

test('joinSplices removes every backslash-newline and keeps every other byte', () => {
  assert.equal(joinSplices(b('a\\\nb\\\r\nc\\d\\\n')).toString('latin1'), 'abc\\d');
  const plain = b('no splices here\\n');
  assert.equal(joinSplices(plain), plain, 'bytes without a splice are given back as they are');
});

test('a name split anywhere along it is held; other names are not', () => {
  const name = 'PROVIDES_THING';
  for (let at = 1; at < name.length; at++) {
    const text = b(`int x;\n${name.slice(0, at)}\\\n${name.slice(at)}(x);\n`);
    assert.ok(holdsNeedle(text, ['EXPORT', name]), `split after ${at}`);
    assert.ok(!holdsNeedle(text, ['EXPORT', 'OTHER_THING']), `split after ${at}, other name`);
    assert.ok(mayHoldNeedle([name])(text));
  }
});
