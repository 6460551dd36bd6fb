// How a mine cuts its commits into segments: every commit once, in order, the first segments short.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsOf } from '../../src/mining/mineHistory.js';

test('segments keep every commit once and in order, start short and grow to the segment size', () => {
  const todo = Array.from({ length: 23_456 }, (_, i) => i);
  const segments = segmentsOf(todo, 5000);
  assert.deepEqual(segments.flat(), todo);
  assert.deepEqual(segments.map((s) => s.length), [79, 316, 1264, 5000, 5000, 5000, 5000, 1797]);
});

test('a segment size of one gives one commit per segment, and an empty todo no segment', () => {
  assert.deepEqual(segmentsOf(['a', 'b', 'c'], 1), [['a'], ['b'], ['c']]);
  assert.deepEqual(segmentsOf([], 5000), []);
});
