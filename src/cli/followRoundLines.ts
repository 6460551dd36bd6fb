// What `mine --follow` (and `serve --repo`) says about each look at the followed ref, stamped with the time.
import ms from 'ms';
import { errorWords } from './formatError.js';
import type { FollowRound } from '../mining/followRef.js';
import { mineWarnings, summaryLine } from './mineLines.js';

/** `line` after the time in UTC, to the second: a follower runs for days, and its lines go to logs. */
export function stamped(line: string, now = new Date()): string {
  return `[${now.toISOString().slice(0, 19).replace('T', ' ')}Z] ${line}`;
}

/** How long the wait is, in words (`10 minutes`). */
export function intervalWords(intervalMs: number): string {
  return ms(intervalMs, { long: true });
}

/**
 * The lines of one look: a mine that found something, warnings and failures always; an up-to-date
 * ref only on the first look (and never when quiet), so a follower that finds nothing stays silent.
 */
export function followRoundLines(round: FollowRound, context: { db: string; repo: string; intervalMs: number; quiet: boolean }): string[] {
  switch (round.kind) {
    case 'mined': {
      const lines = mineWarnings(round.summary).map((line) => stamped(line));
      const { summary } = round;
      if (!context.quiet && (summary.mined > 0 || round.first)) lines.push(stamped(summaryLine(summary, context.db)));
      return lines;
    }
    case 'fetch-failed':
      return [stamped(`ksymtrail: could not fetch: ${errorWords(round.error)}; mining what ${context.repo} has`)];
    case 'failed':
      return [stamped(`ksymtrail: ${errorWords(round.error)}; trying again in ${intervalWords(context.intervalMs)}`)];
    case 'stopped':
      return [stamped(`stopped while mining: the ${round.done} commit${round.done === 1 ? '' : 's'} written are kept, and the next mine continues`)];
  }
}
