// parseMaintainers: MAINTAINERS text → entries, with odd lines skipped and counted, never fatal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMaintainers, type SkipReason } from '../../src/subsystems/parseMaintainers.js';
import { MAINTAINERS_6_12 } from '../helpers/maintainersExcerpt.js';

test('reads every entry of the 6.12 excerpt, and nothing of its preamble', () => {
  const { entries, skipped } = parseMaintainers(MAINTAINERS_6_12);
  assert.deepEqual(entries.map((e) => e.title), [
    'ABI/API',
    'FILESYSTEMS (VFS and infrastructure)',
    'HMM - Heterogeneous Memory Management',
    'LIBRARY CODE',
    'MEMORY MANAGEMENT',
    'TEGRA ARCHITECTURE SUPPORT',
    'VFIO DRIVER',
    'VFIO MEDIATED DEVICE DRIVERS',
    'VFIO MLX5 PCI DRIVER',
    'VFIO PCI DEVICE SPECIFIC DRIVERS',
    'THE REST',
  ]);
  assert.equal(skipped, 0);
});

test('reads status, maintainers, lists, trees and F: lines with their line numbers', () => {
  const text = 'VFIO DRIVER\nM:\tAlex Williamson <alex.williamson@redhat.com>\nL:\tkvm@vger.kernel.org\nS:\tMaintained\nT:\tgit https://github.com/awilliam/linux-vfio.git\nF:\tdrivers/vfio/\nF:\tinclude/linux/vfio.h\n';
  assert.deepEqual(parseMaintainers(text).entries, [{
    title: 'VFIO DRIVER',
    line: 1,
    status: 'Maintained',
    maintainers: ['Alex Williamson <alex.williamson@redhat.com>'],
    reviewers: [],
    lists: ['kvm@vger.kernel.org'],
    trees: ['git https://github.com/awilliam/linux-vfio.git'],
    files: [{ pattern: 'drivers/vfio/', line: 6 }, { pattern: 'include/linux/vfio.h', line: 7 }],
    excludes: [],
    regexes: [],
    keywords: [],
  }]);
});

test('keeps reviewers, X:, N: and K: lines apart', () => {
  const text = 'EXAMPLE\nR:\tJann Horn <jannh@google.com>\nF:\tnet/\nX:\tnet/ipv6/\nN:\t[^a-z]tegra\nK:\t\\bof_get_profile\\b\n';
  const [entry] = parseMaintainers(text).entries;
  assert.deepEqual(entry?.reviewers, ['Jann Horn <jannh@google.com>']);
  assert.deepEqual(entry?.excludes, [{ pattern: 'net/ipv6/', line: 4 }]);
  assert.deepEqual(entry?.regexes, [{ pattern: '[^a-z]tegra', line: 5 }]);
  assert.deepEqual(entry?.keywords, [{ pattern: '\\bof_get_profile\\b', line: 6 }]);
});

test('keeps names and titles that are not ASCII as they are', () => {
  const hmm = parseMaintainers(MAINTAINERS_6_12).entries.find((e) => e.title.startsWith('HMM'));
  assert.deepEqual(hmm?.maintainers, ['Jérôme Glisse <jglisse@redhat.com>']);
  assert.equal(parseMaintainers('ÉCRAN FRAMEBUFFER ÜBER ALLES\nM:\tFrançois Romieu <romieu@fr.zoreil.com>\n').entries[0]?.title, 'ÉCRAN FRAMEBUFFER ÜBER ALLES');
});

// 2.4-era MAINTAINERS (MaximeChretien/linux-history): after the header, an unindented legend of tags.
const MAINTAINERS_2_4 = `\tList of maintainers and how to submit kernel changes

7.\tHappy hacking.

 \t\t-----------------------------------

Maintainers List (try to look for most precise areas first)

Note: For the hard of thinking, this list is meant to remain in alphabetical
order. If you could add yourselves to it in alphabetical order that would be
so much easier [Ed]

P: Person
M: Mail patches to
L: Mailing list that is relevant to this area
W: Web-page with status/info
S: Status, one of the following:

\tSupported:\tSomeone is actually paid to look after this.
\tMaintained:\tSomeone actually looks after it.

3C501 NETWORK DRIVER
P:\tAlan Cox
M:\talan@the.3c501.cabal.tm
L:\tlinux-net@vger.kernel.org
S:\tMaintained for 2.2 only

HP100:\tDriver for HP 10/100 Mbit/s Voice Grade Network Adapter Series
P:\tJaroslav Kysela
M:\tperex@suse.cz
S:\tMaintained
`;

test('does not take the unindented tag legend of a 2.4-era preamble for an entry', () => {
  const { entries, skipped } = parseMaintainers(MAINTAINERS_2_4);
  assert.deepEqual(entries.map((e) => [e.title, e.status]), [
    ['3C501 NETWORK DRIVER', 'Maintained for 2.2 only'],
    ['HP100:\tDriver for HP 10/100 Mbit/s Voice Grade Network Adapter Series', 'Maintained'],
  ]);
  assert.equal(skipped, 0);
});

test('ignores everything before the Maintainers List header, even a title with tags under it', () => {
  const text = 'Descriptions of section entries:\nM: Mail patches to\nS: Status\n\nMaintainers List\n----------------\n\nACPI\nM:\tandrew.grover@intel.com\n';
  assert.deepEqual(parseMaintainers(text).entries.map((e) => e.title), ['ACPI']);
});

test('does not take a legend for an entry when there is no Maintainers List header either', () => {
  const text = 'Some introduction that ends here\n\nM: Mail patches to\nS: Status\n\nACPI\nM:\tandrew.grover@intel.com\nS:\tMaintained\n';
  assert.deepEqual(parseMaintainers(text).entries.map((e) => e.title), ['ACPI']);
});

const ODD: Array<{ behaviour: string; text: string; titles: string[]; files: string[][]; skipped: Array<[number, SkipReason]> }> = [
  {
    behaviour: 'skips an indented line inside an entry and keeps the F: lines after it in that entry',
    text: 'FOO DRIVER\nM:\tA <a@example.org>\n\tcontinued from the line above\nF:\tdrivers/foo/\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/']], skipped: [[3, 'stray-line']],
  },
  {
    behaviour: 'skips a mistyped tag and keeps the entry going',
    text: 'FOO DRIVER\nf:\tdrivers/foo/old/\nF ;\tdrivers/foo/older/\nF:\tdrivers/foo/\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/']], skipped: [[2, 'broken-tag'], [3, 'broken-tag']],
  },
  {
    behaviour: 'skips a tag letter get_maintainer.pl does not know',
    text: 'FOO DRIVER\nZ:\tsomething\nF:\tdrivers/foo/\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/']], skipped: [[2, 'unknown-tag']],
  },
  {
    behaviour: 'skips an empty F: line, which would otherwise claim every top-level file',
    text: 'FOO DRIVER\nF:\nF:\tdrivers/foo/\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/']], skipped: [[2, 'empty-pattern']],
  },
  {
    behaviour: 'skips an F: or X: pattern that is not a valid regex once converted',
    text: 'FOO DRIVER\nF:\tdrivers/foo[/\nX:\tdrivers/foo/(old/\nF:\tdrivers/foo/\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/']], skipped: [[2, 'bad-pattern'], [3, 'bad-pattern']],
  },
  {
    behaviour: 'skips an N: regex that does not compile',
    text: 'FOO DRIVER\nN:\tfoo(\nF:\tdrivers/foo/\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/']], skipped: [[2, 'bad-regex']],
  },
  {
    behaviour: 'skips a title with no tag lines after it',
    text: 'FOO DRIVER\nF:\tdrivers/foo/\n\nORPHANED TITLE\n\nBAR DRIVER\nF:\tdrivers/bar/\n',
    titles: ['FOO DRIVER', 'BAR DRIVER'], files: [['drivers/foo/'], ['drivers/bar/']], skipped: [[4, 'stray-line']],
  },
  {
    behaviour: 'starts a new entry at a title that follows the previous entry without a blank line',
    text: 'FOO DRIVER\nF:\tdrivers/foo/\nBAR DRIVER\nF:\tdrivers/bar/\n',
    titles: ['FOO DRIVER', 'BAR DRIVER'], files: [['drivers/foo/'], ['drivers/bar/']], skipped: [],
  },
  {
    behaviour: 'keeps a later title whose tags come after a blank line, as get_maintainer.pl does',
    text: 'FOO DRIVER\nF:\tdrivers/foo/\n\nBAR DRIVER\n\nF:\tdrivers/bar/\n',
    titles: ['FOO DRIVER', 'BAR DRIVER'], files: [['drivers/foo/'], ['drivers/bar/']], skipped: [],
  },
  {
    behaviour: 'keeps tag lines after a blank line inside an entry in that entry',
    text: 'FOO DRIVER\nF:\tdrivers/foo/\n\nF:\tinclude/linux/foo.h\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/', 'include/linux/foo.h']], skipped: [],
  },
  {
    behaviour: 'ignores comment lines, even between a title and its tags',
    text: '# generated\nFOO DRIVER\n# maintainers below\nF:\tdrivers/foo/\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/']], skipped: [],
  },
  {
    behaviour: 'reads CRLF line endings and trims trailing blanks from values',
    text: 'FOO DRIVER\r\nF:\tdrivers/foo/ \t\r\nF:drivers/bar/\r\n',
    titles: ['FOO DRIVER'], files: [['drivers/foo/', 'drivers/bar/']], skipped: [],
  },
  { behaviour: 'gives nothing for an empty file', text: '', titles: [], files: [], skipped: [] },
  { behaviour: 'gives nothing for a file of blank lines and comments', text: '\n\n# nothing\n   \n', titles: [], files: [], skipped: [] },
  { behaviour: 'gives nothing for tag lines without any title', text: 'F:\tdrivers/foo/\nM:\tA <a@example.org>\n', titles: [], files: [], skipped: [] },
];

for (const { behaviour, text, titles, files, skipped } of ODD) {
  test(behaviour, () => {
    const result = parseMaintainers(text);
    assert.deepEqual(result.entries.map((e) => e.title), titles);
    assert.deepEqual(result.entries.map((e) => e.files.map((f) => f.pattern)), files);
    assert.deepEqual(result.skippedLines.map((s) => [s.line, s.reason]), skipped);
    assert.equal(result.skipped, skipped.length);
  });
}

/** About `entries` × 7 lines, with runs of blank, comment and stray lines that a look-ahead could rescan. */
function bigMaintainers(entries: number): string {
  const parts: string[] = [];
  for (let i = 0; i < entries; i++) {
    parts.push(`DRIVER ${i}\nM:\tPerson ${i} <p${i}@example.org>\nS:\tMaintained\nF:\tdrivers/d${i}/\nF:\tinclude/linux/d${i}*.h\n\n${i % 50 === 0 ? 'stray\n\n# note\n\n\n'.repeat(20) : ''}`);
  }
  return parts.join('');
}

test('parses a 10,000-line file in linear time', () => {
  const time = (text: string): number => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      parseMaintainers(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const small = bigMaintainers(1_500);
  const large = bigMaintainers(12_000);
  assert.ok(small.split('\n').length >= 10_000);
  assert.equal(parseMaintainers(large).entries.length, 12_000);
  const [tSmall, tLarge] = [time(small), time(large)];
  assert.ok(tSmall < 1_000, `10,000 lines took ${tSmall.toFixed(0)} ms`);
  // Eight times the lines: linear is about 8×, quadratic 64×; 24× leaves room for a busy machine.
  assert.ok(tLarge < 24 * Math.max(tSmall, 1), `8× the lines took ${(tLarge / tSmall).toFixed(1)}× the time`);
});
