// formatGitDate: `git show`'s default Date: style, in the commit's own time zone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadInput } from '../../src/errors.js';
import { formatGitDate } from '../../src/reports/formatGitDate.js';

// Each expected value is what `git log -1 --format=%ad` printed for a commit with that raw date.
const CASES: Array<{ behaviour: string; time: number; zone: string; want: string }> = [
  { behaviour: 'shows the wall-clock time east of UTC', time: 1709644029, zone: '+0100', want: 'Tue Mar 5 14:07:09 2024 +0100' },
  { behaviour: 'shows the wall-clock time west of UTC', time: 1709644029, zone: '-0700', want: 'Tue Mar 5 06:07:09 2024 -0700' },
  { behaviour: 'moves to the next day when the zone crosses midnight', time: 1709677800, zone: '+0530', want: 'Wed Mar 6 04:00:00 2024 +0530' },
  { behaviour: 'moves to the day before when a western zone crosses midnight', time: 1709683200, zone: '-0800', want: 'Tue Mar 5 16:00:00 2024 -0800' },
  { behaviour: 'pads hours, minutes and seconds but not the day', time: 1041379205, zone: '+0000', want: 'Wed Jan 1 00:00:05 2003 +0000' },
  { behaviour: 'shows the epoch', time: 0, zone: '+0000', want: 'Thu Jan 1 00:00:00 1970 +0000' },
];

for (const { behaviour, time, zone, want } of CASES) {
  test(behaviour, () => assert.equal(formatGitDate(time, zone), want));
}

for (const [time, zone] of [[1709644029, '+1'], [1709644029, 'CET'], [1709644029, ''], [Number.NaN, '+0000'], [1.5, '+0000']] as const) {
  test(`refuses ${JSON.stringify(`${time} ${zone}`)} as a date with a BadInput`, () => {
    assert.throws(() => formatGitDate(time, zone), BadInput);
  });
}
