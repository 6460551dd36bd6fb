// wrapForMail: plain text at 72 columns, never splitting a word, a URL or a Link: line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wrapForMail } from '../../src/reports/wrapForMail.js';

const WORDS_75 = 'one two three four five six seven eight nine ten eleven twelve thirteen xy';
const URL = `https://lore.kernel.org/r/${'a'.repeat(80)}@example.org`;

const CASES: Array<{ behaviour: string; text: string; options?: { width?: number; indent?: string }; want: string }> = [
  { behaviour: 'leaves a line of 72 columns alone', text: 'x'.repeat(70) + ' y', want: 'x'.repeat(70) + ' y' },
  { behaviour: 'breaks a longer line at the last space that fits', text: WORDS_75, want: 'one two three four five six seven eight nine ten eleven twelve thirteen\nxy' },
  { behaviour: 'indents continuation lines when told, counting the indent in the width', text: WORDS_75, options: { indent: '  ' }, want: 'one two three four five six seven eight nine ten eleven twelve thirteen\n  xy' },
  { behaviour: 'keeps a word longer than the width whole on a line of its own', text: `see ${URL} for details`, want: `see\n${URL}\nfor details` },
  { behaviour: 'never wraps a Link: line, however long', text: `Link: ${URL}`, want: `Link: ${URL}` },
  { behaviour: 'wraps each line on its own and keeps the line breaks', text: `short\n${WORDS_75}\n`, want: `short\none two three four five six seven eight nine ten eleven twelve thirteen\nxy\n` },
  { behaviour: 'counts a letter outside the Basic Multilingual Plane as one column, not two', text: `${'𝒳'.repeat(69)} ab`, want: `${'𝒳'.repeat(69)} ab` },
  { behaviour: 'collapses runs of spaces only where it breaks a line', text: `${'a'.repeat(40)}   ${'b'.repeat(40)}`, want: `${'a'.repeat(40)}\n${'b'.repeat(40)}` },
  { behaviour: 'wraps at another width when told', text: 'aa bb cc dd', options: { width: 5 }, want: 'aa bb\ncc dd' },
  { behaviour: 'gives the empty string for empty text', text: '', want: '' },
];

for (const { behaviour, text, options, want } of CASES) {
  test(behaviour, () => assert.equal(wrapForMail(text, options), want));
}
