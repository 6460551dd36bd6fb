// --interval takes a duration with a unit, from 1 s to 7 days; anything else is a one-line error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidArgumentError } from 'commander';
import { parseInterval } from '../../src/cli/parseInterval.js';

const valid: [string, number][] = [
  ['30s', 30_000],
  ['10m', 600_000],
  ['1h', 3_600_000],
  ['1.5h', 5_400_000],
  ['2 days', 172_800_000],
  ['1s', 1000],
  ['7d', 604_800_000],
];

for (const [value, expected] of valid) {
  test(`reads ${JSON.stringify(value)} as ${expected} ms`, () => {
    assert.equal(parseInterval(value), expected);
  });
}

const invalid: [string, string][] = [
  ['10', 'a bare number (ms would read milliseconds)'],
  ['10x', 'an unknown unit'],
  ['', 'nothing'],
  ['500ms', 'less than a second'],
  ['0s', 'zero'],
  ['-5m', 'a negative duration'],
  ['8d', 'more than seven days'],
  ['1e9d', 'beyond what a timer can wait'],
];

for (const [value, what] of invalid) {
  test(`refuses ${what} (${JSON.stringify(value)})`, () => {
    assert.throws(() => parseInterval(value), (error: unknown) => error instanceof InvalidArgumentError && /duration with a unit/.test(error.message));
  });
}
