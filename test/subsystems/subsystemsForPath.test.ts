// subsystemsForPath: the subsystems of a current or long-gone path: entries, nearest-directory fallback, groups.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileGroups } from '../../src/subsystems/compileGroups.js';
import { compileMaintainers } from '../../src/subsystems/compileMaintainers.js';
import { loadGroups } from '../../src/subsystems/loadGroups.js';
import { parseMaintainers } from '../../src/subsystems/parseMaintainers.js';
import { subsystemsForPath, type SubsystemContext } from '../../src/subsystems/subsystemsForPath.js';
import { treeOfPaths } from '../../src/subsystems/treeOfPaths.js';
import { maintainers612 } from '../helpers/maintainersExcerpt.js';

const COMMITTED = loadGroups(readFileSync(new URL('../../../data/subsystems.json', import.meta.url), 'utf8'), 'data/subsystems.json');

function context(): SubsystemContext {
  const { tree, matcher } = maintainers612();
  return { maintainers: matcher, groups: compileGroups(COMMITTED, { isDirectory: (p) => tree.isDirectory(p) }), tree };
}

/** `entry:TITLE` and `group:NAME`, in order. */
function subsystems(path: string): string[] {
  return subsystemsForPath(path, context()).subsystems.map((s) => `${s.kind === 'group' ? 'group' : 'entry'}:${s.name}`);
}

const CASES: Array<{ behaviour: string; path: string; want: string[]; fallback?: string }> = [
  { behaviour: 'maps drivers/vfio/vfio_main.c to VFIO DRIVER and the VFIO group', path: 'drivers/vfio/vfio_main.c', want: ['entry:VFIO DRIVER', 'group:VFIO'] },
  { behaviour: 'maps mm/hmm.c to HMM first, then MEMORY MANAGEMENT, and the HMM group', path: 'mm/hmm.c', want: ['entry:HMM - Heterogeneous Memory Management', 'entry:MEMORY MANAGEMENT', 'group:HMM'] },
  { behaviour: 'puts a file of another VFIO entry in the VFIO group by its title', path: 'samples/vfio-mdev/mtty.c', want: ['entry:VFIO MEDIATED DEVICE DRIVERS', 'group:VFIO'] },
  { behaviour: 'gives no subsystem to an existing file that only THE REST claims', path: 'kernel/fork.c', want: [] },
  { behaviour: 'gives no subsystem to a top-level file', path: 'Makefile', want: [] },
  { behaviour: 'gives a long-gone path the entries its directory and glob patterns still match', path: 'drivers/vfio/pci/oldvendor/old.c', want: ['entry:VFIO PCI DEVICE SPECIFIC DRIVERS', 'entry:VFIO DRIVER', 'group:VFIO'] },
  { behaviour: 'gives a gone header its group through the group\'s glob when no entry claims it', path: 'include/linux/vfio_spapr.h', want: ['group:VFIO'] },
  {
    // fs/reiserfs/ left the tree in 6.13; FILESYSTEMS claims fs/* (the files directly in fs/) only.
    behaviour: 'falls back to the entries that claim the nearest existing directory of a gone path',
    path: 'fs/reiserfs/super.c', want: ['entry:FILESYSTEMS (VFS and infrastructure)'], fallback: 'fs',
  },
  { behaviour: 'falls back from a path several directories below the nearest existing one', path: 'lib/zlib_old/sub/inflate.c', want: ['entry:LIBRARY CODE'], fallback: 'lib' },
  { behaviour: 'gives no subsystem when the nearest existing directory has only THE REST', path: 'kernel/oldsched/sched.c', want: [] },
  { behaviour: 'gives no subsystem to a gone top-level file', path: 'README.old', want: [] },
  { behaviour: 'does not fall back for a gone file that matches a real entry', path: 'mm/old_slab.c', want: ['entry:MEMORY MANAGEMENT'] },
];

for (const { behaviour, path, want, fallback } of CASES) {
  test(behaviour, () => {
    const result = subsystemsForPath(path, context());
    assert.deepEqual(subsystems(path), want);
    assert.equal(result.fallback, fallback ?? null);
  });
}

test('keeps THE REST among the entries, marked as a catch-all, but never as a subsystem', () => {
  const result = subsystemsForPath('kernel/fork.c', context());
  assert.deepEqual(result.entries.map((m) => [m.entry.title, m.catchAll, m.mostSpecific]), [['THE REST', true, true]]);
  assert.deepEqual(result.subsystems, []);
});

test('does not fall back for a file that exists in the tree, even one only THE REST claims', () => {
  // An N: line anchored at the end can claim a directory (get_maintainer.pl -f drivers/odd/) and none of its files.
  const maintainers = compileMaintainers(parseMaintainers('ODD DIRECTORY\nN:\t^drivers/odd/$\n\nTHE REST\nF:\t*\nF:\t*/\n').entries);
  const odd = { maintainers, groups: compileGroups([]), tree: treeOfPaths(['drivers/odd/x.c']) };
  assert.deepEqual([subsystemsForPath('drivers/odd/x.c', odd).fallback, subsystemsForPath('drivers/odd/x.c', odd).subsystems], [null, []]);
  assert.deepEqual(subsystemsForPath('drivers/odd/gone.c', odd).fallback, 'drivers/odd');
  assert.deepEqual(subsystemsForPath('drivers/odd/gone.c', odd).subsystems, [{ kind: 'maintainers', name: 'ODD DIRECTORY' }]);
});

test('says which directory the entries of a fallback came from and which of its lines matched', () => {
  const result = subsystemsForPath('fs/reiserfs/super.c', context());
  assert.equal(result.fallback, 'fs');
  assert.deepEqual(result.entries.map((m) => [m.entry.title, m.pattern.pattern]), [['FILESYSTEMS (VFS and infrastructure)', 'fs/*'], ['THE REST', '*/']]);
});

test('tells why a path is in a group', () => {
  const [group] = subsystemsForPath('drivers/vfio/mdev/mdev_core.c', context()).groups;
  assert.deepEqual([group?.group.name, group?.files, group?.titles], ['VFIO', ['drivers/vfio/'], ['VFIO MEDIATED DEVICE DRIVERS', 'VFIO DRIVER']]);
});

test('does not put a path in a group through THE REST, even with a title glob that matches every title', () => {
  const { tree, matcher } = maintainers612();
  const everything = compileGroups(loadGroups('{ "groups": [{ "name": "All", "titles": ["*"] }] }', 'all.json'));
  assert.deepEqual(subsystemsForPath('kernel/fork.c', { maintainers: matcher, groups: everything, tree }).groups, []);
  assert.deepEqual(subsystemsForPath('mm/hmm.c', { maintainers: matcher, groups: everything, tree }).groups.map((g) => g.group.name), ['All']);
});
