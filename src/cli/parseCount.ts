// Validates a whole-number option, so `--jobs two` is a one-line error and not NaN downstream.
import { InvalidArgumentError } from 'commander';

export function parseCount(value: string): number {
  return wholeNumber(value, Infinity);
}

/** A whole number from 1 to `max` (not an option parser itself: commander passes a second argument). */
function wholeNumber(value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InvalidArgumentError(max === Infinity ? 'expected a whole number of at least 1' : `expected a whole number from 1 to ${max}`);
  }
  return n;
}

/**
 * Most threads a mine may use: each reader thread runs its own `git cat-file` and heap, and a few
 * already keep git busy (linux-history gained from 1 to 2 threads, see threadsFor); thousands would
 * exhaust processes or memory before the first blob.
 */
export const MAX_JOBS = 64;

/** A mine's `--jobs`: a whole number from 1 to MAX_JOBS. */
export function parseJobs(value: string): number {
  return wholeNumber(value, MAX_JOBS);
}

/** A TCP port: 0 (any free one) to 65535. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}
