import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilesInlined, INLINED_FROM } from '../../src/mining/tuneCompiler.js';

test('a short mine compiles without inlining, a long one with it', () => {
  assert.equal(compilesInlined(1), false);
  assert.equal(compilesInlined(INLINED_FROM - 1), false);
  assert.equal(compilesInlined(INLINED_FROM), true);
  assert.equal(compilesInlined(62_172), true);
});
