// mineHistory over the kernel-like fixture history (test/helpers/kernelHistory.ts): the exact events
// of every case, each attributed to the commit that made it (PRODUCT.md "What must be true" 3).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { buildKernelHistory, KERNEL_COMMITS, KERNEL_RELEASES as RELEASE, type KernelCommit, namesOf } from '../helpers/kernelHistory.js';
import type { RepoBuilder } from '../helpers/RepoBuilder.js';
import { tempDbDir } from '../helpers/storeRows.js';
import type { EventRow } from '../../src/storage/eventsTable.js';

after(isolateGit());
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');

/** What an event is, without the attribution the attribution tests check. */
interface Summary {
  commit: KernelCommit;
  kind: EventRow['kind'];
  symbol: string;
  path: string;
  from_path: string | null;
  merge: EventRow['merge'];
  before: string | null;
  after: string | null;
  release: string | null;
}

/** An export's value as `macro license [namespace]`. */
type Side = string | null;
const ANY = 'EXPORT_SYMBOL any';
const GPL = 'EXPORT_SYMBOL_GPL gpl';

function ev(
  commit: KernelCommit, kind: EventRow['kind'], path: string, symbol: string, before: Side, after: Side,
  more: { from_path?: string; merge?: 'evil' | 'resolution' } = {},
): Summary {
  return { commit, kind, symbol, path, from_path: more.from_path ?? null, merge: more.merge ?? null, before, after, release: RELEASE[commit] };
}

const side = (macro: string | null, license: string | null, namespace: string | null): Side =>
  macro === null ? null : `${macro} ${license}${namespace === null ? '' : ` ${namespace}`}`;

const CASES: { behaviour: string; commits: KernelCommit[]; events: Summary[] }[] = [
  {
    behaviour: 'the first commit adds every export of the tree, including those made through a header\'s wrapper',
    commits: ['initial'],
    events: [
      ev('initial', 'added', 'kernel/sched.c', 'schedule', null, ANY),
      ev('initial', 'added', 'kernel/sched.c', 'wake_up_process', null, ANY),
      ev('initial', 'added', 'kernel/sched.c', 'set_cpus_allowed', null, ANY),
      ev('initial', 'added', 'kernel/time.c', 'sys_tz', null, ANY),
      ev('initial', 'added', 'kernel/time.c', 'do_settimeofday', null, ANY),
      ev('initial', 'added', 'arch/i386/kernel/time.c', 'profile_pc', null, GPL),
      ev('initial', 'added', 'drivers/char/console.c', 'vc_resize', null, ANY),
      ev('initial', 'added', 'drivers/char/console.c', 'take_over_console', null, ANY),
      ev('initial', 'added', 'drivers/char/ftape/lowlevel/ftape_syms.c', 'ftape_enable', null, ANY),
      ev('initial', 'added', 'drivers/char/ftape/lowlevel/ftape_syms.c', 'ftape_disable', null, ANY),
      ev('initial', 'added', 'fs/namei.c', 'path_lookup', null, ANY),
      ev('initial', 'added', 'fs/namei.c', 'lookup_one_len', null, ANY),
      ev('initial', 'added', 'drivers/base/class_simple.c', 'class_simple_create', null, GPL),
      ev('initial', 'added', 'drivers/base/class_simple.c', 'class_simple_set_hotplug', null, GPL),
      ev('initial', 'added', 'drivers/acpi/utilities/utxface.c', 'acpi_enable_subsystem', null, 'ACPI_EXPORT_SYMBOL any'),
      ev('initial', 'added', 'drivers/acpi/tables/tbxface.c', 'acpi_load_tables', null, 'ACPI_EXPORT_SYMBOL any'),
      ev('initial', 'added', 'net/core/datagram.c', 'skb_copy_datagram_iovec', null, ANY),
      ev('initial', 'added', 'net/core/datagram.c', 'skb_recv_datagram', null, ANY),
      ev('initial', 'added', 'drivers/scsi/hosts.c', 'scsi_host_alloc', null, ANY),
      ev('initial', 'added', 'drivers/scsi/scsi.c', 'scsi_device_get', null, ANY),
    ],
  },
  {
    behaviour: 'a symbol tightened to EXPORT_SYMBOL_GPL and later loosened back gets a tightened and a loosened event',
    commits: ['sched-tighten', 'sched-loosen'],
    events: [
      ev('sched-tighten', 'tightened', 'kernel/sched.c', 'set_cpus_allowed', ANY, GPL),
      ev('sched-loosen', 'loosened', 'kernel/sched.c', 'set_cpus_allowed', GPL, ANY),
    ],
  },
  {
    behaviour: 'a commit that edits only other lines of an exporting file, shifting its exports, makes no event',
    commits: ['namei-cleanup'],
    events: [],
  },
  {
    behaviour: 'a file renamed with git mv moves each of its exports to the new path',
    commits: ['console-rename'],
    events: [
      ev('console-rename', 'moved', 'drivers/char/vt.c', 'vc_resize', ANY, ANY, { from_path: 'drivers/char/console.c' }),
      ev('console-rename', 'moved', 'drivers/char/vt.c', 'take_over_console', ANY, ANY, { from_path: 'drivers/char/console.c' }),
    ],
  },
  {
    behaviour: 'an export that leaves one file and appears in another in one commit is moved, not removed and added',
    commits: ['settimeofday-move'],
    events: [ev('settimeofday-move', 'moved', 'arch/i386/kernel/time.c', 'do_settimeofday', ANY, ANY, { from_path: 'kernel/time.c' })],
  },
  {
    behaviour: 'deleting a file removes each of its exports',
    commits: ['ftape-remove'],
    events: [
      ev('ftape-remove', 'removed', 'drivers/char/ftape/lowlevel/ftape_syms.c', 'ftape_enable', ANY, null),
      ev('ftape-remove', 'removed', 'drivers/char/ftape/lowlevel/ftape_syms.c', 'ftape_disable', ANY, null),
    ],
  },
  {
    behaviour: 'a clean merge has no event of its own: the side branch\'s change belongs to the side commit',
    commits: ['usb-buffer', 'merge-usb', 'crc32-export', 'merge-2.4', 'crc32-comment', 'merge-2.4-again'],
    events: [
      ev('usb-buffer', 'added', 'drivers/usb/core/buffer.c', 'usb_buffer_alloc', null, GPL),
      ev('usb-buffer', 'added', 'drivers/usb/core/buffer.c', 'usb_buffer_free', null, GPL),
      ev('crc32-export', 'added', 'lib/crc32.c', 'crc32_le', null, ANY),
      ev('crc32-export', 'added', 'lib/crc32.c', 'crc32_be', null, ANY),
    ],
  },
  {
    behaviour: 'a resolution merge that keeps mainline\'s EXPORT_SYMBOL over a side branch\'s tightening records the loosening as a resolution',
    commits: ['datagram-gpl', 'merge-net'],
    events: [
      ev('datagram-gpl', 'tightened', 'net/core/datagram.c', 'skb_copy_datagram_iovec', ANY, GPL),
      ev('merge-net', 'loosened', 'net/core/datagram.c', 'skb_copy_datagram_iovec', GPL, ANY, { merge: 'resolution' }),
    ],
  },
  {
    behaviour: 'an evil merge that exports what neither parent exported gets an evil added event; the side\'s export stays the side\'s',
    commits: ['scsi-add-device', 'merge-scsi'],
    events: [
      ev('scsi-add-device', 'added', 'drivers/scsi/scsi.c', 'scsi_add_device', null, ANY),
      ev('merge-scsi', 'added', 'drivers/scsi/hosts.c', 'scsi_host_lookup', null, ANY, { merge: 'evil' }),
    ],
  },
  {
    behaviour: 'an edit to only the continuation line of a multi-line EXPORT_SYMBOL_GPL( invocation removes the old symbol and adds the new',
    commits: ['class-uevent'],
    events: [
      ev('class-uevent', 'removed', 'drivers/base/class_simple.c', 'class_simple_set_hotplug', GPL, null),
      ev('class-uevent', 'added', 'drivers/base/class_simple.c', 'class_simple_set_uevent', null, GPL),
    ],
  },
  {
    behaviour: 'a header that redefines a wrapper from EXPORT_SYMBOL to EXPORT_SYMBOL_GPL tightens every file invoking it, in the header\'s commit',
    commits: ['acpi-gpl'],
    events: [
      ev('acpi-gpl', 'tightened', 'drivers/acpi/utilities/utxface.c', 'acpi_enable_subsystem', 'ACPI_EXPORT_SYMBOL any', 'ACPI_EXPORT_SYMBOL gpl'),
      ev('acpi-gpl', 'tightened', 'drivers/acpi/tables/tbxface.c', 'acpi_load_tables', 'ACPI_EXPORT_SYMBOL any', 'ACPI_EXPORT_SYMBOL gpl'),
    ],
  },
  {
    behaviour: 'a header that gives a wrapper without EXPORT in its name an exporting body adds the export of a file without EXPORT text',
    commits: ['bpf-dispatcher-stub', 'bpf-dispatcher'],
    events: [ev('bpf-dispatcher', 'added', 'net/core/filter.c', 'bpf_dispatcher_xdp_func', null, 'DEFINE_BPF_DISPATCHER any')],
  },
  {
    behaviour: 'EXPORT_SYMBOL_GPL becoming EXPORT_SYMBOL_NS_GPL is a macro change and a namespace change, not a license change',
    commits: ['cxl-port', 'cxl-ns-bus-type'],
    events: [
      ev('cxl-port', 'added', 'drivers/cxl/core/port.c', 'cxl_bus_type', null, GPL),
      ev('cxl-port', 'added', 'drivers/cxl/core/port.c', 'devm_cxl_add_port', null, GPL),
      ev('cxl-ns-bus-type', 'macro-changed', 'drivers/cxl/core/port.c', 'cxl_bus_type', GPL, 'EXPORT_SYMBOL_NS_GPL gpl CXL'),
      ev('cxl-ns-bus-type', 'namespace-changed', 'drivers/cxl/core/port.c', 'cxl_bus_type', GPL, 'EXPORT_SYMBOL_NS_GPL gpl CXL'),
    ],
  },
  {
    behaviour: 'a Makefile that sets DEFAULT_SYMBOL_NAMESPACE changes the namespace of an untouched file\'s export, in the Makefile\'s commit',
    commits: ['cxl-default-ns'],
    events: [ev('cxl-default-ns', 'namespace-changed', 'drivers/cxl/core/port.c', 'devm_cxl_add_port', GPL, 'EXPORT_SYMBOL_GPL gpl CXL')],
  },
  {
    behaviour: 'exports in a Latin-1 file and in a second architecture\'s file are added and tightened like any other',
    commits: ['sx-latin1', 'profile-pc-x86-64', 'profile-pc-x86-64-gpl'],
    events: [
      ev('sx-latin1', 'added', 'drivers/char/sx.c', 'sx_probe', null, ANY),
      ev('profile-pc-x86-64', 'added', 'arch/x86_64/kernel/time.c', 'profile_pc', null, ANY),
      ev('profile-pc-x86-64-gpl', 'tightened', 'arch/x86_64/kernel/time.c', 'profile_pc', ANY, GPL),
    ],
  },
];

const order = (a: Summary, b: Summary): number =>
  KERNEL_COMMITS.indexOf(a.commit) - KERNEL_COMMITS.indexOf(b.commit) || a.symbol.localeCompare(b.symbol)
  || a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind);

let repo: RepoBuilder;
let dbs: ReturnType<typeof tempDbDir>;
let mined: Summary[];

before(async () => {
  repo = buildKernelHistory();
  dbs = tempDbDir();
  const db = openStore(dbs.file());
  try {
    await mineHistory({ repo: repo.dir, db });
    const names = namesOf(repo);
    mined = [...eventsTable(db).list()].map((e) => ({
      commit: names.get(e.commit) ?? (e.commit as KernelCommit), kind: e.kind, symbol: e.symbol, path: e.path,
      from_path: e.from_path, merge: e.merge, before: side(e.before_macro, e.before_license, e.before_namespace),
      after: side(e.after_macro, e.after_license, e.after_namespace), release: e.release,
    }));
  } finally {
    db.close();
  }
});

after(() => {
  repo?.cleanup();
  dbs?.remove();
});

for (const { behaviour, commits, events } of CASES) {
  test(behaviour, () => {
    const actual = mined.filter((e) => commits.includes(e.commit)).sort(order);
    assert.deepEqual(actual, [...events].sort(order));
  });
}

test('every commit of the fixture is covered by a case, and the history has no other event', () => {
  const covered = new Set(CASES.flatMap((c) => c.commits));
  assert.deepEqual(KERNEL_COMMITS.filter((name) => !covered.has(name)), []);
  assert.deepEqual([...mined].sort(order), CASES.flatMap((c) => c.events).sort(order));
});

test('events come oldest first: each commit\'s events after those of its ancestors', () => {
  const position = (name: KernelCommit): number => mined.findIndex((e) => e.commit === name);
  // parents before children along each line of the graph that has events
  for (const [older, newer] of [['initial', 'sched-tighten'], ['sched-tighten', 'sched-loosen'], ['datagram-gpl', 'merge-net'],
    ['scsi-add-device', 'merge-scsi'], ['crc32-export', 'sched-loosen'], ['acpi-gpl', 'cxl-default-ns']] as const) {
    assert.ok(position(older) < position(newer), `${older} before ${newer}`);
  }
});
