// What mineHistory records about who made each event and when: people as they wrote their names
// (Latin-1 ones too), dates in the committer's own time zone, subjects, trailers, first releases;
// and each symbol's license over the whole tree after each commit that touched it, with its switches.
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { buildKernelHistory, KERNEL_COMMITS, KERNEL_RELEASES, type KernelCommit, namesOf } from '../helpers/kernelHistory.js';
import { SX_C } from '../helpers/kernelHistoryDriverSources.js';
import { lineOf } from '../helpers/lineOf.js';
import type { RepoBuilder } from '../helpers/RepoBuilder.js';
import { tempDbDir } from '../helpers/storeRows.js';
import type { EventRow } from '../../src/storage/eventsTable.js';
import type { Db } from '../../src/storage/openStore.js';

after(isolateGit());
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');

let repo: RepoBuilder;
let dbs: ReturnType<typeof tempDbDir>;
let db: Db;
let names: Map<string, KernelCommit>;

before(async () => {
  repo = buildKernelHistory();
  names = namesOf(repo);
  dbs = tempDbDir();
  db = openStore(dbs.file());
  await mineHistory({ repo: repo.dir, db });
});

after(() => {
  db?.close();
  repo?.cleanup();
  dbs?.remove();
});

/** The first event of a commit, with its attribution. */
function eventOf(commit: KernelCommit): EventRow {
  const row = [...eventsTable(db).list()].find((e) => e.commit === repo.id(commit));
  assert.ok(row, `an event of ${commit}`);
  return row;
}

const attribution = (e: EventRow) => {
  const { commit, parents, author_name, author_email, author_date, committer_name, committer_email, committer_date, subject, trailers, release } = e;
  return { commit, parents, author_name, author_email, author_date, committer_name, committer_email, committer_date, subject, trailers, release };
};

test('an event carries its commit, author and committer with their dates in their own time zones, subject, trailers and release', () => {
  assert.deepEqual(attribution(eventOf('sched-tighten')), {
    commit: repo.id('sched-tighten'),
    parents: [repo.id('initial')],
    author_name: 'Ingo Molnar',
    author_email: 'mingo@elte.hu',
    author_date: '2002-12-02T18:05:12+01:00',
    committer_name: 'Linus Torvalds',
    committer_email: 'torvalds@home.transmeta.com',
    committer_date: '2002-12-03T09:41:00-08:00',
    subject: '[PATCH] sched: make set_cpus_allowed GPL-only',
    trailers: [
      ['Signed-off-by', 'Ingo Molnar <mingo@elte.hu>'],
      ['Acked-by', 'Robert Love <rml@tech9.net>'],
      ['Link', 'https://lore.kernel.org/r/Pine.LNX.4.44.0212021805120.2046-100000@localhost.localdomain'],
      ['Signed-off-by', 'Linus Torvalds <torvalds@home.transmeta.com>'],
    ],
    release: 'v2.5.50',
  });
});

test('a trailer continued on an indented line is one trailer, and a committer who is not the author is kept apart', () => {
  const e = eventOf('acpi-gpl');
  assert.deepEqual([e.author_name, e.author_date, e.committer_name, e.committer_date], [
    'Robert Moore', '2005-04-18T22:49:00-04:00', 'Len Brown', '2005-07-12T00:12:00-04:00',
  ]);
  assert.equal(e.subject, 'ACPICA: export the public interfaces GPL-only');
  assert.deepEqual(e.trailers, [
    ['Signed-off-by', 'Robert Moore <robert.moore@intel.com>'],
    ['Cc', 'stable@kernel.org # 2.6.12: the note goes on over a continuation line'],
    ['Signed-off-by', 'Len Brown <len.brown@intel.com>'],
  ]);
});

test('half-hour and negative time zones keep the clock time and offset the person wrote', () => {
  const newfoundland = eventOf('profile-pc-x86-64');
  assert.equal(newfoundland.author_date, '2003-02-12T14:00:00+01:00');
  assert.equal(newfoundland.committer_date, '2003-02-12T08:15:00-03:30');
  assert.equal(eventOf('profile-pc-x86-64-gpl').author_date, '2003-02-14T14:30:00+05:30');
});

test('a date after local midnight stays on its local day, though it is the day before in UTC', () => {
  assert.equal(eventOf('sx-latin1').author_date, '2003-02-11T00:30:00+01:00');
});

test('a merge\'s own event is attributed to the merge, with both parents, first parent first', () => {
  const e = eventOf('merge-net');
  assert.deepEqual([e.parents, e.author_name, e.subject, e.trailers, e.release], [
    [repo.id('ftape-remove'), repo.id('datagram-gpl')], 'Linus Torvalds', 'Merge bk://kernel.bkbits.net/davem/net-2.5', [], 'v2.6.9',
  ]);
});

test('an author name written in raw Latin-1 bytes is stored decoded as Latin-1, without mojibake', () => {
  const raw = execFileSync('git', ['-C', repo.dir, 'cat-file', 'commit', repo.id('sx-latin1')]);
  assert.ok(raw.includes(Buffer.from('author Ren\xe9 Herman <', 'latin1')), 'the commit holds the raw byte 0xE9');
  const e = eventOf('sx-latin1');
  assert.equal(e.author_name, 'Ren\u00e9 Herman');
  assert.equal(e.author_email, 'rene.herman@keyaccess.nl');
  assert.equal(e.committer_name, 'Linus Torvalds');
});

test('an author name written in UTF-8 is stored as written', () => {
  assert.equal(eventOf('bpf-dispatcher').author_name, 'Bj\u00f6rn T\u00f6pel');
  assert.equal(eventOf('bpf-dispatcher').committer_name, 'Alexei Starovoitov');
});

test('a source file in Latin-1 still yields its export, on the line where it stands', () => {
  assert.equal(isUtf8(SX_C), false, 'the file is not UTF-8');
  const e = eventOf('sx-latin1');
  assert.deepEqual([e.kind, e.symbol, e.path, e.after_macro, e.line], [
    'added', 'sx_probe', 'drivers/char/sx.c', 'EXPORT_SYMBOL', lineOf(SX_C.toString('latin1'), 'EXPORT_SYMBOL(sx_probe)'),
  ]);
});

test('every commit gets the lowest release tag that contains it, -rc and -test tags aside, and none after the last release', () => {
  const rows = db.prepare('SELECT sha, release FROM commits').all() as { sha: string; release: string | null }[];
  const actual = Object.fromEntries(rows.map((r) => [names.get(r.sha) ?? r.sha, r.release]));
  assert.deepEqual(actual, Object.fromEntries(KERNEL_COMMITS.map((name) => [name, KERNEL_RELEASES[name]])));
});

/** `symbol license switch` for each symbol a commit's events touched. */
function symbolStates(): Map<KernelCommit, string[]> {
  const rows = db.prepare(`SELECT c.sha, s.symbol, s.license, s.switch FROM symbol_states s JOIN commits c ON c.id = s.commit_id`)
    .all() as { sha: string; symbol: string; license: string; switch: string | null }[];
  const states = new Map<KernelCommit, string[]>();
  for (const r of rows) {
    const name = names.get(r.sha)!;
    (states.get(name) ?? states.set(name, []).get(name)!).push(`${r.symbol} ${r.license} ${r.switch ?? '-'}`);
  }
  for (const list of states.values()) list.sort();
  return states;
}

// The whole-tree license of each symbol after each commit that touched it, derived from the fixture.
const SYMBOL_STATES: Partial<Record<KernelCommit, string[]>> = {
  'initial': [
    'acpi_enable_subsystem any -', 'acpi_load_tables any -', 'class_simple_create gpl -', 'class_simple_set_hotplug gpl -',
    'do_settimeofday any -', 'ftape_disable any -', 'ftape_enable any -', 'lookup_one_len any -', 'path_lookup any -',
    'profile_pc gpl -', 'schedule any -', 'scsi_device_get any -', 'scsi_host_alloc any -', 'set_cpus_allowed any -',
    'skb_copy_datagram_iovec any -', 'skb_recv_datagram any -', 'sys_tz any -', 'take_over_console any -', 'vc_resize any -',
    'wake_up_process any -',
  ],
  'crc32-export': ['crc32_be any -', 'crc32_le any -'],
  'sched-tighten': ['set_cpus_allowed gpl tightened'],
  'usb-buffer': ['usb_buffer_alloc gpl -', 'usb_buffer_free gpl -'],
  'console-rename': ['take_over_console any -', 'vc_resize any -'],
  'settimeofday-move': ['do_settimeofday any -'],
  'datagram-gpl': ['skb_copy_datagram_iovec gpl tightened'],
  'ftape-remove': ['ftape_disable none -', 'ftape_enable none -'],
  'sched-loosen': ['set_cpus_allowed any loosened'],
  'scsi-add-device': ['scsi_add_device any -'],
  'class-uevent': ['class_simple_set_hotplug none -', 'class_simple_set_uevent gpl -'],
  'merge-scsi': ['scsi_host_lookup any -'],
  'sx-latin1': ['sx_probe any -'],
  // GPL-only on i386, for any module on x86-64: mixed, which is no switch
  'profile-pc-x86-64': ['profile_pc mixed -'],
  // from mixed to GPL-only: not from exactly {any}, so no switch either
  'profile-pc-x86-64-gpl': ['profile_pc gpl -'],
  'acpi-gpl': ['acpi_enable_subsystem gpl tightened', 'acpi_load_tables gpl tightened'],
  'bpf-dispatcher': ['bpf_dispatcher_xdp_func any -'],
  'cxl-port': ['cxl_bus_type gpl -', 'devm_cxl_add_port gpl -'],
  'cxl-ns-bus-type': ['cxl_bus_type gpl -'],
  'cxl-default-ns': ['devm_cxl_add_port gpl -'],
};

test('symbol states give each touched symbol\'s license over the whole tree, with switches only from exactly any to exactly gpl and back', () => {
  const actual = symbolStates();
  actual.delete('merge-net'); // its own test below
  assert.deepEqual(Object.fromEntries(actual), SYMBOL_STATES);
});

test('a resolution merge that drops a side branch\'s tightening records the loosening switch its event makes', () => {
  // The replay starts the merge from the clean merge (GPL-only, the net tree's change) and its
  // resolution event loosens it: the switch counts must agree with the tightened/loosened events,
  // or a report over v2.6.0..v2.6.9 would count one tightening of a symbol that is `any` at both ends.
  assert.deepEqual(symbolStates().get('merge-net'), ['skb_copy_datagram_iovec any loosened']);
});
