import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilesInlined, INLINED_FROM } from '../../src/mining/tuneCompiler.js';

test('a short mine on the main thread compiles without inlining, a long one with it', () => {
  assert.equal(compilesInlined(1, true), false);
  assert.equal(compilesInlined(INLINED_FROM - 1, true), false);
  assert.equal(compilesInlined(INLINED_FROM, true), true);
  assert.equal(compilesInlined(62_172, true), true);
});

test('a mine in a worker thread (serve --repo) leaves the process default, whatever its size', () => {
  assert.equal(compilesInlined(1, false), true);
  assert.equal(compilesInlined(INLINED_FROM - 1, false), true);
});
