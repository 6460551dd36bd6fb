// Subsystems after a mine: every event and export path mapped with get_maintainer.pl's rules from the
// tip's MAINTAINERS (old, deleted paths through their nearest directory), plus the named groups;
// `ksymtrail subsystems` lists them and `--path` says why a path matched.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { runCli } = await import('../helpers/runCli.js');

const MAINTAINERS = `List of maintainers
===================

Maintainers List
----------------

HMM - Heterogeneous Memory Management
M:	Jason Gunthorpe <jgg@nvidia.com>
L:	linux-mm@kvack.org
S:	Maintained
F:	include/linux/hmm*
F:	lib/test_hmm*
F:	mm/hmm*

MEMORY MANAGEMENT
M:	Andrew Morton <akpm@linux-foundation.org>
S:	Maintained
F:	include/linux/mm.h
F:	mm/

VFIO DRIVER
M:	Alex Williamson <alex.williamson@redhat.com>
L:	kvm@vger.kernel.org
S:	Maintained
F:	drivers/vfio/
F:	include/linux/vfio.h
this line is not a tag

THE REST
M:	Linus Torvalds <torvalds@linux-foundation.org>
S:	Buried alive in reporters
F:	*
F:	*/
`;

const day = (n: number): string => `2019-03-${String(n).padStart(2, '0')} 10:00:00 +0000`;
let dir = '';
let db = '';
let repo: ReturnType<typeof RepoBuilder.create>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ksymtrail-subsys-'));
  db = join(dir, 'k.db');
  repo = RepoBuilder.create();
  repo.commit('c1', { date: day(1), files: {
    'drivers/vfio/vfio.c': 'EXPORT_SYMBOL(vfio_pin_pages);\nEXPORT_SYMBOL(vfio_unpin_pages);\n',
    'drivers/vfio/mdev/old_mdev.c': 'EXPORT_SYMBOL(mdev_old);\n',
    'mm/hmm.c': 'EXPORT_SYMBOL(hmm_range_fault);\n',
    'kernel/misc.c': 'EXPORT_SYMBOL(misc_thing);\n',
  } });
  repo.commit('c2', { date: day(2), files: {
    'drivers/vfio/vfio.c': 'EXPORT_SYMBOL_GPL(vfio_pin_pages);\nEXPORT_SYMBOL(vfio_unpin_pages);\n',
    'drivers/vfio/mdev/old_mdev.c': null,
    'drivers/vfio/mdev/mdev_core.c': 'EXPORT_SYMBOL(mdev_register_device);\n',
    'mm/hmm.c': 'EXPORT_SYMBOL_GPL(hmm_range_fault);\n',
    MAINTAINERS,
  } });
  // Two threads, as the command line passes --jobs: the record the tests below read comes through a reader thread.
  const mined = await runCli('mine', repo.dir, '--db', db, '--quiet', '--jobs', '2');
  assert.equal(mined.status, 0, mined.stderr.join('\n'));
});
after(() => {
  repo.cleanup();
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.error(dir);
});

test('subsystems lists each entry and group with its exports now, GPL-only share and events', async () => {
  const run = await runCli('subsystems', '--db', db, '--json');
  assert.equal(run.status, 0);
  const rows = JSON.parse(run.stdout.join('\n')) as { name: string; kind: string; exports: number; gplOnly: number; eventCount: number }[];
  const byName = Object.fromEntries(rows.map((r) => [r.name, [r.kind, r.exports, r.gplOnly, r.eventCount]]));
  assert.deepEqual(byName, {
    'VFIO DRIVER': ['maintainers', 3, 1, 6],
    VFIO: ['group', 3, 1, 6],
    'HMM - Heterogeneous Memory Management': ['maintainers', 1, 1, 2],
    'MEMORY MANAGEMENT': ['maintainers', 1, 1, 2],
    HMM: ['group', 1, 1, 2],
  });
  assert.ok(!rows.some((r) => r.name === 'THE REST'), 'the catch-all is not a subsystem');
});

test('a deleted file is mapped through its directory, and a file only THE REST claims has no subsystem', async () => {
  const run = await runCli('subsystems', '--db', db, '--path', 'kernel/misc.c');
  assert.equal(run.status, 0);
  assert.match(run.stdout.join('\n'), /THE REST\s+catch-all\s+F: \*\/ \(line 33\)/);
  const old = await runCli('subsystems', '--db', db, '--path', 'drivers/vfio/mdev/old_mdev.c', '--json');
  const found = JSON.parse(old.stdout.join('\n')) as { entries: { title: string; mostSpecific: boolean }[]; groups: { name: string }[] };
  assert.deepEqual(found.entries.filter((e) => e.mostSpecific).map((e) => e.title), ['VFIO DRIVER']);
  assert.deepEqual(found.groups.map((g) => g.name), ['VFIO']);
});

test('--path names the pattern that matched, and the most specific entry first', async () => {
  const run = await runCli('subsystems', '--db', db, '--path', 'mm/hmm.c');
  const lines = run.stdout.join('\n');
  assert.match(lines, /HMM - Heterogeneous Memory Management\s+entry, most specific\s+F: mm\/hmm\* \(line 13\)/);
  assert.match(lines, /MEMORY MANAGEMENT\s+entry\s+F: mm\/ \(line 19\)/);
  assert.match(lines, /HMM\s+group\s+files: mm\/hmm\*/);
});

test('a groups file adds a group to the next mine, and a malformed one is refused in one line', async () => {
  const groups = join(dir, 'groups.json');
  writeFileSync(groups, JSON.stringify({ groups: [{ name: 'Pinning', files: ['drivers/vfio/vfio.c'] }] }));
  repo.commit('c3', { date: day(3), files: { 'kernel/misc.c': 'EXPORT_SYMBOL_GPL(misc_thing);\n' } });
  assert.equal((await runCli('mine', repo.dir, '--db', db, '--quiet', '--groups', groups)).status, 0);
  const rows = JSON.parse((await runCli('subsystems', '--db', db, '--json')).stdout.join('\n')) as { name: string; exports: number }[];
  assert.deepEqual(rows.find((r) => r.name === 'Pinning')?.exports, 2);
  writeFileSync(groups, '{"groups": [{"name": "X", "files": ["drivers/["]}]}');
  const bad = await runCli('mine', repo.dir, '--db', db, '--quiet', '--groups', groups);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.length, 1);
  assert.match(bad.stderr[0]!, /groups file .*groups\.json: groups\[0\]\.files\[0\]/);
});

test('a symbol moved out of a subsystem no longer counts among its exports now', async () => {
  const before = JSON.parse((await runCli('subsystems', '--db', db, '--json')).stdout.join('\n')) as { name: string; exports: number }[];
  repo.commit('c4', { date: day(4), files: {
    'drivers/vfio/vfio.c': 'EXPORT_SYMBOL_GPL(vfio_pin_pages);\n',
    'mm/hmm.c': 'EXPORT_SYMBOL_GPL(hmm_range_fault);\nEXPORT_SYMBOL(vfio_unpin_pages);\n',
  } });
  assert.equal((await runCli('mine', repo.dir, '--db', db, '--quiet')).status, 0);
  const after = JSON.parse((await runCli('subsystems', '--db', db, '--json')).stdout.join('\n')) as { name: string; exports: number }[];
  const count = (rows: typeof before, name: string): number | undefined => rows.find((r) => r.name === name)?.exports;
  assert.equal(count(after, 'VFIO DRIVER'), count(before, 'VFIO DRIVER')! - 1);
  assert.equal(count(after, 'HMM - Heterogeneous Memory Management'), count(before, 'HMM - Heterogeneous Memory Management')! + 1);
});
