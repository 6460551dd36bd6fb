// compileGroups: which named groups a path is in, by its files patterns or its entries' titles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileGroups } from '../../src/subsystems/compileGroups.js';
import { loadGroups } from '../../src/subsystems/loadGroups.js';
import type { MaintainersEntry } from '../../src/subsystems/parseMaintainers.js';
import { parseMaintainers } from '../../src/subsystems/parseMaintainers.js';

const GROUPS = loadGroups(JSON.stringify({
  groups: [
    { name: 'VFIO', titles: ['VFIO*'], files: ['drivers/vfio/', 'include/linux/vfio*.h'] },
    { name: 'HMM', titles: ['hmm - *'], files: ['mm/hmm*', 'include/linux/hmm*', 'lib/test_hmm*'] },
    { name: 'One letter', titles: ['VFIO ?DEV'] },
  ],
}), 'test.json');

const entry = (title: string): MaintainersEntry => parseMaintainers(`${title}\nS:\tMaintained\n`).entries[0]!;

function names(path: string, titles: string[] = []): Array<[string, string[], string[]]> {
  return compileGroups(GROUPS).match(path, titles.map(entry)).map((g) => [g.group.name, g.files, g.titles]);
}

const CASES: Array<{ behaviour: string; path: string; titles?: string[]; want: Array<[string, string[], string[]]> }> = [
  { behaviour: 'puts a path in a group by a recursive files pattern', path: 'drivers/vfio/pci/mlx5/main.c', want: [['VFIO', ['drivers/vfio/'], []]] },
  { behaviour: 'puts a header in a group by a glob with get_maintainer.pl semantics', path: 'include/linux/vfio_pci_core.h', want: [['VFIO', ['include/linux/vfio*.h'], []]] },
  { behaviour: 'does not let a glob reach into a deeper directory', path: 'include/linux/vfio/x.h', want: [] },
  { behaviour: 'puts a path in a group by the title of one of its entries', path: 'samples/vfio-mdev/mtty.c', titles: ['VFIO MEDIATED DEVICE DRIVERS'], want: [['VFIO', [], ['VFIO MEDIATED DEVICE DRIVERS']]] },
  { behaviour: 'matches titles whole and without regard to case', path: 'Documentation/mm/hmm.rst', titles: ['HMM - Heterogeneous Memory Management', 'MEMORY MANAGEMENT'], want: [['HMM', [], ['HMM - Heterogeneous Memory Management']]] },
  { behaviour: 'does not match a title that only contains the glob', path: 'x.c', titles: ['KVM AND VFIO SUPPORT'], want: [] },
  { behaviour: 'reads ? in a title glob as one character', path: 'x.c', titles: ['VFIO MDEV', 'VFIO MMDEV'], want: [['VFIO', [], ['VFIO MDEV', 'VFIO MMDEV']], ['One letter', [], ['VFIO MDEV']]] },
  { behaviour: 'gives every reason when files and titles both match', path: 'mm/hmm.c', titles: ['HMM - Heterogeneous Memory Management'], want: [['HMM', ['mm/hmm*'], ['HMM - Heterogeneous Memory Management']]] },
  { behaviour: 'puts a path in no group when nothing matches', path: 'kernel/fork.c', titles: ['MEMORY MANAGEMENT'], want: [] },
];

for (const { behaviour, path, titles, want } of CASES) {
  test(behaviour, () => {
    assert.deepEqual(names(path, titles), want);
  });
}

test('matches nothing with no groups', () => {
  assert.deepEqual(compileGroups([]).match('drivers/vfio/vfio_main.c', [entry('VFIO DRIVER')]), []);
});
