// Validates a whole-number option, so `--jobs two` is a one-line error and not NaN downstream.
import { InvalidArgumentError } from 'commander';

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
