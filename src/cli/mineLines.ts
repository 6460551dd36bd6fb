// What mine and its follow mode say about a mine: its warnings and its one-line summary.
import type { MineSummary } from '../mining/mineHistory.js';

/** The warnings a mine gives whatever else is asked: a shallow clone, a rewritten history. */
export function mineWarnings(s: MineSummary): string[] {
  const lines = [];
  if (s.shallowFrom.length > 0) {
    lines.push(`ksymtrail: warning: shallow clone: history starts at ${s.shallowFrom.map((sha) => sha.slice(0, 12)).join(', ')}; what it exports there is recorded as present at the start, not added`);
  }
  if (s.rewrittenFrom) {
    lines.push(`ksymtrail: history rewritten: ${s.ref} was at ${s.rewrittenFrom.slice(0, 12)}, which ${s.tip.slice(0, 12)} does not contain; ${droppedWords(s.dropped)}`);
  }
  return lines;
}

/** What a rewrite did to the commits only the old history had. */
function droppedWords(dropped: number): string {
  if (dropped === 0) return 'its commits stay, as other mined refs still reach them';
  return `dropped the ${dropped} commit${dropped === 1 ? '' : 's'} only it had`;
}

export function summaryLine(s: MineSummary, db: string): string {
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  if (s.mined === 0) return `${s.ref} (${s.tip.slice(0, 12)}) is up to date in ${db} (${seconds} s)`;
  return `mined ${s.mined} commit${s.mined === 1 ? '' : 's'} of ${s.ref} (${s.tip.slice(0, 12)}) in ${seconds} s: ${s.events} event${s.events === 1 ? '' : 's'}, into ${db}`;
}
