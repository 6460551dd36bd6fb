// compileMaintainers: which entries get_maintainer.pl lists for a path, in its order, with the lines that matched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileMaintainers, type MaintainersMatch } from '../../src/subsystems/compileMaintainers.js';
import { parseMaintainers } from '../../src/subsystems/parseMaintainers.js';
import { maintainers612 } from '../helpers/maintainersExcerpt.js';

/** [title, depth, most specific, the line that set the depth] for each match, in order. */
function summary(matches: MaintainersMatch[]): Array<[string, number, boolean, string]> {
  return matches.map((m) => [m.entry.title, m.depth, m.mostSpecific, `${m.pattern.kind}: ${m.pattern.pattern}`]);
}

const REST: [string, number, boolean, string] = ['THE REST', -1, false, 'F: */'];

// Checked against `scripts/get_maintainer.pl --sections -f PATH` on the 6.12 tree (equal depths aside,
// which it lists in Perl hash order).
const CASES: Array<{ behaviour: string; path: string; want: Array<[string, number, boolean, string]> }> = [
  {
    behaviour: 'finds VFIO DRIVER for a file of drivers/vfio/, and THE REST after it',
    path: 'drivers/vfio/vfio_main.c',
    want: [['VFIO DRIVER', 2, true, 'F: drivers/vfio/'], REST],
  },
  {
    behaviour: 'puts the deeper directory pattern first',
    path: 'drivers/vfio/mdev/mdev_core.c',
    want: [['VFIO MEDIATED DEVICE DRIVERS', 3, true, 'F: drivers/vfio/mdev/'], ['VFIO DRIVER', 2, false, 'F: drivers/vfio/'], REST],
  },
  {
    behaviour: 'marks every entry of the greatest depth as most specific, in MAINTAINERS order',
    path: 'drivers/vfio/pci/mlx5/main.c',
    want: [
      ['VFIO MLX5 PCI DRIVER', 4, true, 'F: drivers/vfio/pci/mlx5/'],
      ['VFIO PCI DEVICE SPECIFIC DRIVERS', 4, true, 'F: drivers/vfio/pci/*/'],
      ['VFIO DRIVER', 2, false, 'F: drivers/vfio/'],
      REST,
    ],
  },
  {
    behaviour: 'does not let dir/*/ match a file directly in dir',
    path: 'drivers/vfio/pci/vfio_pci_core.c',
    want: [['VFIO DRIVER', 2, true, 'F: drivers/vfio/'], REST],
  },
  {
    behaviour: 'ranks a file glob in a directory above the directory itself',
    path: 'mm/hmm.c',
    want: [['HMM - Heterogeneous Memory Management', 2, true, 'F: mm/hmm*'], ['MEMORY MANAGEMENT', 1, false, 'F: mm/'], REST],
  },
  {
    behaviour: 'ties a dir/* entry with a file glob of the same directory',
    path: 'lib/test_hmm.c',
    want: [['HMM - Heterogeneous Memory Management', 2, true, 'F: lib/test_hmm*'], ['LIBRARY CODE', 2, true, 'F: lib/*'], REST],
  },
  {
    behaviour: 'matches an N: regex anywhere in the path, at depth 0',
    path: 'include/linux/page-flags.h',
    want: [['MEMORY MANAGEMENT', 0, true, 'N: include/linux/page[-_]*'], REST],
  },
  {
    behaviour: 'matches the N: [^a-z]tegra of the MAINTAINERS example',
    path: 'drivers/gpu/host1x/tegra.c',
    want: [['TEGRA ARCHITECTURE SUPPORT', 0, true, 'N: [^a-z]tegra'], REST],
  },
  {
    behaviour: 'does not match tegra inside integrator',
    path: 'drivers/video/fbdev/integrator.c',
    want: [['THE REST', -1, true, 'F: */']],
  },
  {
    behaviour: 'matches a file named by its own F: line at the depth of the file',
    path: 'include/linux/syscalls.h',
    want: [['ABI/API', 3, true, 'F: include/linux/syscalls.h'], REST],
  },
  {
    behaviour: 'gives a top-level file to THE REST through F: *',
    path: 'Makefile',
    want: [['THE REST', -1, true, 'F: *']],
  },
  {
    behaviour: 'matches a path that no longer exists like any other',
    path: 'drivers/vfio/pci/oldvendor/old.c',
    want: [['VFIO PCI DEVICE SPECIFIC DRIVERS', 4, true, 'F: drivers/vfio/pci/*/'], ['VFIO DRIVER', 2, false, 'F: drivers/vfio/'], REST],
  },
  {
    behaviour: 'matches a directory given with a trailing slash as get_maintainer.pl -f DIR does',
    path: 'drivers/vfio/',
    want: [['VFIO DRIVER', 2, true, 'F: drivers/vfio/'], REST],
  },
];

for (const { behaviour, path, want } of CASES) {
  test(behaviour, () => {
    assert.deepEqual(summary(maintainers612().matcher.match(path)), want);
  });
}

function matcherFor(text: string, directories: string[] = []): (path: string) => Array<[string, number, boolean, string]> {
  const known = new Set(directories);
  const matcher = compileMaintainers(parseMaintainers(text).entries, { isDirectory: (p) => known.has(p) });
  return (path) => summary(matcher.match(path));
}

test('tests X: exclusions first: an excluded path is not matched by the entry\'s F: lines', () => {
  const match = matcherFor('NETWORKING [GENERAL]\nF:\tnet/\nX:\tnet/ipv6/\n\nNETWORKING [IPv6]\nF:\tnet/ipv6/\n');
  assert.deepEqual(match('net/ipv4/tcp.c'), [['NETWORKING [GENERAL]', 1, true, 'F: net/']]);
  assert.deepEqual(match('net/ipv6/addrconf.c'), [['NETWORKING [IPv6]', 2, true, 'F: net/ipv6/']]);
});

test('lets an X: line exclude N: matches too', () => {
  const match = matcherFor('TEGRA\nN:\t[^a-z]tegra\nX:\tdrivers/gpu/\n');
  assert.deepEqual(match('drivers/gpu/host1x/tegra.c'), []);
  assert.deepEqual(match('drivers/clk/tegra/clk.c'), [['TEGRA', 0, true, 'N: [^a-z]tegra']]);
});

test('lets an X: line of one entry exclude only that entry', () => {
  // ABI/API excludes include/uapi/ but VFIO DRIVER still claims include/uapi/linux/vfio.h.
  assert.deepEqual(summary(maintainers612().matcher.match('include/uapi/linux/vfio.h')), [['VFIO DRIVER', 4, true, 'F: include/uapi/linux/vfio.h'], REST]);
  const match = matcherFor('ABI/API\nF:\tinclude/\nX:\tarch/*/include/uapi/\nX:\tinclude/uapi/\n');
  assert.deepEqual(match('include/uapi/linux/vfio.h'), []);
  assert.deepEqual(match('include/linux/syscalls.h'), [['ABI/API', 1, true, 'F: include/']]);
});

test('takes the depth of the last matching line of an entry, as get_maintainer.pl overwrites it', () => {
  const match = matcherFor('FOO\nF:\tdrivers/net/ethernet/foo/\nF:\tdrivers/net/\n\nETHERNET\nF:\tdrivers/net/ethernet/\n\nBAR\nF:\tdrivers/net/ethernet/bar/\nN:\tbar\n');
  assert.deepEqual(match('drivers/net/ethernet/foo/main.c'), [['ETHERNET', 3, true, 'F: drivers/net/ethernet/'], ['FOO', 2, false, 'F: drivers/net/']]);
  assert.deepEqual(match('drivers/net/ethernet/bar/main.c'), [['ETHERNET', 3, true, 'F: drivers/net/ethernet/'], ['FOO', 2, false, 'F: drivers/net/'], ['BAR', 0, false, 'N: bar']]);
});

test('lists every matching line of an entry, in file order', () => {
  const [match] = compileMaintainers(parseMaintainers('MM\nF:\tmm/\nF:\tmm/hmm.c\nF:\tmm/slub.c\nN:\thmm\n').entries).match('mm/hmm.c');
  assert.deepEqual(match?.patterns.map((p) => [p.kind, p.pattern, p.line, p.depth]), [['F', 'mm/', 2, 1], ['F', 'mm/hmm.c', 3, 2], ['N', 'hmm', 5, 0]]);
});

test('makes a pattern naming a directory without a trailing slash recursive only when the tree has the directory', () => {
  const text = 'VFIO DRIVER\nF:\tdrivers/vfio\n';
  assert.deepEqual(matcherFor(text, ['drivers', 'drivers/vfio'])('drivers/vfio/pci/vfio_pci.c'), [['VFIO DRIVER', 2, true, 'F: drivers/vfio']]);
  assert.deepEqual(matcherFor(text)('drivers/vfio/pci/vfio_pci.c'), []);
});

test('marks THE REST as a catch-all and no other entry', () => {
  const matches = maintainers612().matcher.match('drivers/vfio/vfio_main.c');
  assert.deepEqual(matches.map((m) => [m.entry.title, m.catchAll]), [['VFIO DRIVER', false], ['THE REST', true]]);
});

test('matches nothing with no entries', () => {
  assert.deepEqual(compileMaintainers([]).match('mm/hmm.c'), []);
  assert.deepEqual(compileMaintainers(parseMaintainers('').entries).match(''), []);
});

test('matches 100,000 paths against 3,000 entries in well under the time of testing every pattern', () => {
  const lines: string[] = [];
  const name = (i: number): string => `${'abcdefghijklmnopqrstuvwxyz'[i % 26]}dev${i}`;
  for (let i = 0; i < 3_000; i++) lines.push(`DRIVER ${i}`, `F:\tdrivers/${name(i % 300)}/sub${i}/`, `F:\tinclude/linux/${name(i)}*.h`, `X:\tdrivers/${name(i % 300)}/sub${i}/old/`, '');
  lines.push('THE REST', 'F:\t*', 'F:\t*/');
  const matcher = compileMaintainers(parseMaintainers(lines.join('\n')).entries);
  const paths = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `drivers/${name(i % 300)}/sub${i % 3_000}/file${i}.c` : `include/linux/${name(i % 3_000)}_x.h`));
  const started = performance.now();
  let matched = 0;
  for (const path of paths) matched += matcher.match(path).length;
  const elapsed = performance.now() - started;
  assert.ok(matched >= 200_000, `${matched} matches`);
  assert.ok(elapsed < 4_000, `100,000 paths took ${elapsed.toFixed(0)} ms`);
});
