// Validates a duration option (`--interval 10m`), so a typo is a one-line error and not a busy loop.
import { InvalidArgumentError } from 'commander';
import ms from 'ms';

/** How long a follower (`mine --follow`, `serve --repo`) waits between two looks when `--interval` does not say. */
export const DEFAULT_INTERVAL = '10m';
/** The shortest wait between two looks at a followed ref: git fetches are not free. */
export const MIN_INTERVAL_MS = 1000;
/** The longest: node's timers take at most 2^31 - 1 ms (24.8 days) and fire at once beyond it. */
export const MAX_INTERVAL_MS = 7 * 24 * 3600 * 1000;

/**
 * Milliseconds from a duration with a unit (`30s`, `10m`, `1h`, `1.5h`, `2 days`), from 1 s to 7 days.
 * A bare number is refused: `ms` would read `10` as 10 milliseconds where a user may mean minutes.
 */
export function parseInterval(value: string): number {
  const n = /^\s*[\d.]+\s*$/.test(value) ? undefined : safeMs(value);
  if (n === undefined || !Number.isFinite(n) || n < MIN_INTERVAL_MS || n > MAX_INTERVAL_MS) {
    throw new InvalidArgumentError('expected a duration with a unit, such as 30s, 10m or 1h, from 1s to 7d');
  }
  return n;
}

function safeMs(value: string): number | undefined {
  try {
    return ms(value as ms.StringValue);
  } catch {
    return undefined; // ms throws on an empty string
  }
}
