// isCatchAll: THE REST and its like claim every path, so they are not subsystems.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCatchAll } from '../../src/subsystems/isCatchAll.js';
import { parseMaintainers } from '../../src/subsystems/parseMaintainers.js';

const CASES: Array<{ behaviour: string; text: string; want: boolean }> = [
  { behaviour: 'takes THE REST of 6.12 for a catch-all', text: 'THE REST\nM:\tLinus Torvalds <torvalds@linux-foundation.org>\nF:\t*\nF:\t*/\n', want: true },
  { behaviour: 'takes an entry claiming every top-level file for a catch-all', text: 'TOP\nF:\t*\n', want: true },
  { behaviour: 'takes an entry claiming everything below the top for a catch-all, whatever its title', text: 'EVERYTHING ELSE\nF:\tdrivers/\nF:\t*/\n', want: true },
  { behaviour: 'does not take a pattern that starts with * but names a directory for a catch-all', text: 'NETWORKING\nF:\t*/net/*\n', want: false },
  { behaviour: 'does not take a 2.4-era THE REST without F: lines for a catch-all', text: 'THE REST\nP:\tLinus Torvalds\nS:\tBuried alive in reporters\n', want: false },
  { behaviour: 'does not take an ordinary entry for a catch-all', text: 'VFIO DRIVER\nF:\tdrivers/vfio/\n', want: false },
];

for (const { behaviour, text, want } of CASES) {
  test(behaviour, () => {
    const [entry] = parseMaintainers(text).entries;
    assert.ok(entry);
    assert.equal(isCatchAll(entry), want);
  });
}
