import assert from 'node:assert/strict';
import test from 'node:test';
import { AUTO_READER_FROM, threadsFor } from '../../src/mining/threadsFor.js';

test('a number of jobs is taken as it is, and no number means one thread', () => {
  assert.equal(threadsFor(3, 5, 2), 3);
  assert.equal(threadsFor(1, 1_000_000, 8), 1);
  assert.equal(threadsFor(undefined, 1_000_000, 8), 1);
});

test('auto starts a reader thread only for a long mine on two cores or more', () => {
  assert.equal(threadsFor('auto', AUTO_READER_FROM - 1, 8), 1);
  assert.equal(threadsFor('auto', AUTO_READER_FROM, 8), 2);
  assert.equal(threadsFor('auto', AUTO_READER_FROM, 2), 2);
  assert.equal(threadsFor('auto', 1_300_000, 1), 1);
});
