// A commit date as git's default date style shows it, in the commit's own time zone.
import { BadInput } from '../errors.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// As git writes it in a commit header: sign, hours, minutes.
const ZONE = /^([+-])(\d\d)(\d\d)$/;

/**
 * Formats unix seconds and a zone like `+0100` the way `git log` and `git show` print `Date:`
 * (`--date=default`): the wall-clock time where the author was, the day of the month unpadded.
 *
 * @example
 * formatGitDate(1709644029, '+0100') // → 'Tue Mar 5 14:07:09 2024 +0100'
 */
export function formatGitDate(time: number, zone: string): string {
  const match = ZONE.exec(zone);
  if (!match || !Number.isSafeInteger(time)) {
    throw new BadInput('commit date', `${time} ${zone}`, 'expected unix seconds and a time zone like +0100');
  }
  // Like git, read the minutes field as minutes even past 59, rather than refuse an odd old zone.
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const local = new Date((time + minutes * 60) * 1000);
  const clock = [local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${DAYS[local.getUTCDay()]} ${MONTHS[local.getUTCMonth()]} ${local.getUTCDate()} ${clock} ${local.getUTCFullYear()} ${zone}`;
}
