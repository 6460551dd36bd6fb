// The kernel-like fixture history the mining tests share: every case of issue 3 in one real git
// repository, with the people, dates, time zones, messages and tags a 2001-2023 kernel tree has.
//
// master: initial (2.4.0) ─ sched-tighten ─ namei-cleanup (v2.5.50) ─ console-rename ─ merge-usb ─
//   settimeofday-move (v2.6.0-test1) ─ ftape-remove ─ merge-net ─ merge-2.4 ─ sched-loosen (v2.6.9) ─
//   class-uevent (v2.6.10-rc1) ─ merge-scsi (v2.6.10) ─ merge-2.4-again ─ sx-latin1 ─ profile-pc-x86-64 ─
//   profile-pc-x86-64-gpl ─ acpi-gpl ─ bpf-dispatcher-stub ─ bpf-dispatcher ─ cxl-port ─ cxl-ns-bus-type ─ cxl-default-ns
// usb:       namei-cleanup ─ usb-buffer, merged by merge-usb (clean)
// net:       settimeofday-move ─ datagram-gpl, merged by merge-net (a resolution that drops its change)
// scsi:      sched-loosen ─ scsi-add-device, merged by merge-scsi (an evil merge)
// linux-2.4: initial ─ crc32-export, merged by merge-2.4 ─ crc32-comment (v2.4.21), merged by merge-2.4-again
import type { Person } from './RepoBuilder.js';
import { RepoBuilder } from './RepoBuilder.js';
import {
  ACLINUX_H, ACPICA_C, BPF_H, CRC32_C, CXL_MAKEFILE, CXL_PORT_C, DATAGRAM_C, FILTER_C, HOSTS_C, SCSI_C, SX_C, USB_BUFFER_C,
} from './kernelHistoryDriverSources.js';
import { CLASS_SIMPLE_C, CONSOLE_C, FTAPE_SYMS_C, I386_TIME_C, KERNEL_TIME_C, NAMEI_C, SCHED_C, X86_64_TIME_C } from './kernelHistorySources.js';

export const PEOPLE = {
  linus: { name: 'Linus Torvalds', email: 'torvalds@home.transmeta.com' },
  ingo: { name: 'Ingo Molnar', email: 'mingo@elte.hu' },
  viro: { name: 'Alexander Viro', email: 'viro@math.psu.edu' },
  greg: { name: 'Greg Kroah-Hartman', email: 'greg@kroah.com' },
  jsimmons: { name: 'James Simmons', email: 'jsimmons@infradead.org' },
  akpm: { name: 'Andrew Morton', email: 'akpm@digeo.com' },
  davem: { name: 'David S. Miller', email: 'davem@redhat.com' },
  marcelo: { name: 'Marcelo Tosatti', email: 'marcelo@conectiva.com.br' },
  domsch: { name: 'Matt Domsch', email: 'Matt_Domsch@dell.com' },
  jejb: { name: 'James Bottomley', email: 'James.Bottomley@SteelEye.com' },
  /** "René Herman" with the é as the single Latin-1 byte 0xE9, as 2003-era patches carried it. */
  rene: { name: Buffer.from('Ren\xe9 Herman', 'latin1'), email: 'rene.herman@keyaccess.nl' },
  ak: { name: 'Andi Kleen', email: 'ak@suse.de' },
  vatsa: { name: 'Srivatsa Vaddagiri', email: 'vatsa@in.ibm.com' },
  moore: { name: 'Robert Moore', email: 'robert.moore@intel.com' },
  lenb: { name: 'Len Brown', email: 'len.brown@intel.com' },
  /** A UTF-8 name, for contrast with the Latin-1 one. */
  bjorn: { name: 'Björn Töpel', email: 'bjorn.topel@intel.com' },
  ast: { name: 'Alexei Starovoitov', email: 'ast@kernel.org' },
  djbw: { name: 'Dan Williams', email: 'dan.j.williams@intel.com' },
} as const satisfies Record<string, Person>;

/** The commits of the fixture, in the order they are made. */
export const KERNEL_COMMITS = [
  'initial', 'crc32-export', 'sched-tighten', 'namei-cleanup', 'usb-buffer', 'console-rename', 'merge-usb',
  'settimeofday-move', 'datagram-gpl', 'ftape-remove', 'merge-net', 'merge-2.4', 'sched-loosen', 'scsi-add-device',
  'class-uevent', 'merge-scsi', 'crc32-comment', 'merge-2.4-again', 'sx-latin1', 'profile-pc-x86-64',
  'profile-pc-x86-64-gpl', 'acpi-gpl', 'bpf-dispatcher-stub', 'bpf-dispatcher', 'cxl-port', 'cxl-ns-bus-type', 'cxl-default-ns',
] as const;
export type KernelCommit = (typeof KERNEL_COMMITS)[number];

/** The tags of the fixture and the commits they name; `v2.6.10` is annotated, as Linus's tags are. */
export const KERNEL_TAGS: Record<string, KernelCommit> = {
  '2.4.0': 'initial',
  'v2.4.21': 'crc32-comment',
  'v2.5.50': 'namei-cleanup',
  'v2.6.0-test1': 'settimeofday-move',
  'v2.6.9': 'sched-loosen',
  'v2.6.10-rc1': 'class-uevent',
  'v2.6.10': 'merge-scsi',
};

/**
 * The first release of each commit, read off the tags by hand: the lowest release tag (not -rc, not
 * -test) whose commit reaches it. 2.4.21 < 2.5.50 < 2.6.9 < 2.6.10 as versions, not as strings.
 */
export const KERNEL_RELEASES: Record<KernelCommit, string | null> = {
  'initial': '2.4.0',
  // on the 2.4 branch, reached by v2.4.21 and (through merge-2.4) by v2.6.9: the lower one counts
  'crc32-export': 'v2.4.21',
  'sched-tighten': 'v2.5.50', 'namei-cleanup': 'v2.5.50',
  'usb-buffer': 'v2.6.9', 'console-rename': 'v2.6.9', 'merge-usb': 'v2.6.9', 'settimeofday-move': 'v2.6.9',
  'datagram-gpl': 'v2.6.9', 'ftape-remove': 'v2.6.9', 'merge-net': 'v2.6.9', 'merge-2.4': 'v2.6.9', 'sched-loosen': 'v2.6.9',
  'scsi-add-device': 'v2.6.10', 'class-uevent': 'v2.6.10', 'merge-scsi': 'v2.6.10',
  'crc32-comment': 'v2.4.21',
  'merge-2.4-again': null, 'sx-latin1': null, 'profile-pc-x86-64': null, 'profile-pc-x86-64-gpl': null, 'acpi-gpl': null,
  'bpf-dispatcher-stub': null, 'bpf-dispatcher': null, 'cxl-port': null, 'cxl-ns-bus-type': null, 'cxl-default-ns': null,
};

export const SCHED_TIGHTEN_MESSAGE = `[PATCH] sched: make set_cpus_allowed GPL-only

set_cpus_allowed() pokes at runqueue internals; modules that need
CPU affinity should go through the syscall interface.

Signed-off-by: Ingo Molnar <mingo@elte.hu>
Acked-by: Robert Love <rml@tech9.net>
Link: https://lore.kernel.org/r/Pine.LNX.4.44.0212021805120.2046-100000@localhost.localdomain
Signed-off-by: Linus Torvalds <torvalds@home.transmeta.com>
`;

export const ACPI_GPL_MESSAGE = `ACPICA: export the public interfaces GPL-only

Signed-off-by: Robert Moore <robert.moore@intel.com>
Cc: stable@kernel.org # 2.6.12: the note goes on
  over a continuation line
Signed-off-by: Len Brown <len.brown@intel.com>
`;

/** Builds the fixture in a fresh temporary repository; the caller must `cleanup()` it. */
export function buildKernelHistory(): RepoBuilder {
  const repo = RepoBuilder.create();
  const { linus } = PEOPLE;
  repo.commit('initial', {
    author: linus, date: '2001-01-04 18:00:00 -0800', message: 'Linux 2.4.0\n',
    files: {
      'kernel/sched.c': SCHED_C('EXPORT_SYMBOL'),
      'kernel/time.c': KERNEL_TIME_C(true),
      'arch/i386/kernel/time.c': I386_TIME_C(false),
      'drivers/char/console.c': CONSOLE_C,
      'drivers/char/ftape/lowlevel/ftape_syms.c': FTAPE_SYMS_C,
      'drivers/char/ftape/lowlevel/ftape-init.c': '#include <linux/ftape.h>\n\nint ftape_init(void)\n{\n\treturn 0;\n}\n',
      'fs/namei.c': NAMEI_C(false),
      'drivers/base/class_simple.c': CLASS_SIMPLE_C('hotplug'),
      'include/acpi/platform/aclinux.h': ACLINUX_H('EXPORT_SYMBOL'),
      'drivers/acpi/utilities/utxface.c': ACPICA_C('utxface', 'acpi_enable_subsystem'),
      'drivers/acpi/tables/tbxface.c': ACPICA_C('tbxface', 'acpi_load_tables'),
      'net/core/datagram.c': DATAGRAM_C('EXPORT_SYMBOL'),
      'drivers/scsi/hosts.c': HOSTS_C(false),
      'drivers/scsi/scsi.c': SCSI_C(false),
      // Documentation mentions the macros; it is not source and exports nothing.
      'Documentation/DocBook/kernel-hacking.tmpl': '<para>EXPORT_SYMBOL_GPL() is similar to EXPORT_SYMBOL().</para>\n',
    },
  });
  repo.tag('2.4.0', 'initial');

  repo.branch('linux-2.4', 'initial');
  repo.commit('crc32-export', {
    author: PEOPLE.domsch, committer: PEOPLE.marcelo, date: '2002-11-25 14:10:00 -0600', committerDate: '2002-11-26 09:00:00 -0200',
    message: '[PATCH] lib/crc32: shared crc32 functions\n\nSigned-off-by: Matt Domsch <Matt_Domsch@dell.com>\n',
    files: { 'lib/crc32.c': CRC32_C('Oct 15, 2000 Matt Domsch <Matt_Domsch@dell.com>') },
  });

  repo.switch('master');
  repo.commit('sched-tighten', {
    author: PEOPLE.ingo, committer: linus, date: '2002-12-02 18:05:12 +0100', committerDate: '2002-12-03 09:41:00 -0800',
    message: SCHED_TIGHTEN_MESSAGE, files: { 'kernel/sched.c': SCHED_C('EXPORT_SYMBOL_GPL') },
  });
  repo.commit('namei-cleanup', {
    author: PEOPLE.viro, committer: linus, date: '2002-12-05 03:12:44 -0500', committerDate: '2002-12-05 08:00:00 -0800',
    message: '[PATCH] namei.c cleanups\n', files: { 'fs/namei.c': NAMEI_C(true) },
  });
  repo.tag('v2.5.50', 'namei-cleanup');

  repo.branch('usb', 'namei-cleanup');
  repo.commit('usb-buffer', {
    author: PEOPLE.greg, date: '2002-12-10 16:22:01 -0800',
    message: 'USB: add usb_buffer_alloc() and usb_buffer_free()\n', files: { 'drivers/usb/core/buffer.c': USB_BUFFER_C },
  });

  repo.switch('master');
  repo.commit('console-rename', {
    author: PEOPLE.jsimmons, committer: linus, date: '2002-12-12 19:30:00 +0000', committerDate: '2002-12-12 14:00:00 -0800',
    message: '[PATCH] console.c is now vt.c\n', renames: { 'drivers/char/console.c': 'drivers/char/vt.c' },
  });
  repo.merge('merge-usb', 'usb', { author: linus, date: '2002-12-15 20:05:00 -0800', message: 'Merge bk://kroah.com/linux-2.5\n' });
  repo.commit('settimeofday-move', {
    author: PEOPLE.akpm, committer: linus, date: '2003-01-02 22:14:00 -0800',
    message: '[PATCH] move do_settimeofday() into arch/i386\n',
    files: { 'kernel/time.c': KERNEL_TIME_C(false), 'arch/i386/kernel/time.c': I386_TIME_C(true) },
  });
  repo.tag('v2.6.0-test1', 'settimeofday-move');

  repo.branch('net', 'settimeofday-move');
  repo.commit('datagram-gpl', {
    author: PEOPLE.davem, date: '2003-01-05 04:30:00 -0800',
    message: '[NET]: skb_copy_datagram_iovec is GPL-only\n', files: { 'net/core/datagram.c': DATAGRAM_C('EXPORT_SYMBOL_GPL') },
  });

  repo.switch('master');
  repo.commit('ftape-remove', {
    author: PEOPLE.akpm, committer: linus, date: '2003-01-08 01:02:03 -0800', message: '[PATCH] remove ftape\n',
    files: { 'drivers/char/ftape/lowlevel/ftape_syms.c': null, 'drivers/char/ftape/lowlevel/ftape-init.c': null },
  });
  // The resolution keeps mainline's datagram.c: the net tree's tightening is dropped.
  repo.merge('merge-net', 'net', {
    author: linus, date: '2003-01-10 17:45:00 -0800', message: 'Merge bk://kernel.bkbits.net/davem/net-2.5\n',
    files: { 'net/core/datagram.c': DATAGRAM_C('EXPORT_SYMBOL') },
  });
  repo.merge('merge-2.4', 'linux-2.4', { author: linus, date: '2003-01-12 10:00:00 -0800', message: 'Merge with 2.4 tree\n' });
  repo.commit('sched-loosen', {
    author: PEOPLE.ingo, committer: linus, date: '2003-01-15 12:00:00 +0100', committerDate: '2003-01-15 09:00:00 -0800',
    message: '[PATCH] sched: set_cpus_allowed for all modules again\n', files: { 'kernel/sched.c': SCHED_C('EXPORT_SYMBOL') },
  });
  repo.tag('v2.6.9', 'sched-loosen');

  repo.branch('scsi', 'sched-loosen');
  repo.commit('scsi-add-device', {
    author: PEOPLE.jejb, date: '2003-01-20 10:00:00 -0600', message: '[SCSI] add scsi_add_device\n',
    files: { 'drivers/scsi/scsi.c': SCSI_C(true) },
  });

  repo.switch('master');
  repo.commit('class-uevent', {
    author: PEOPLE.greg, committer: linus, date: '2003-01-22 08:30:00 -0800',
    message: 'driver core: rename class_simple_set_hotplug to class_simple_set_uevent\n',
    files: { 'drivers/base/class_simple.c': CLASS_SIMPLE_C('uevent') },
  });
  repo.tag('v2.6.10-rc1', 'class-uevent');
  // An evil merge: the result exports scsi_host_lookup, which neither parent did.
  repo.merge('merge-scsi', 'scsi', {
    author: linus, date: '2003-01-25 12:00:00 -0800', message: 'Merge bk://linux-scsi.bkbits.net/scsi-for-linus-2.5\n',
    files: { 'drivers/scsi/hosts.c': HOSTS_C(true) },
  });
  repo.git(['tag', '-a', '-m', 'Linux 2.6.10', 'v2.6.10', repo.id('merge-scsi')]);

  repo.switch('linux-2.4');
  repo.commit('crc32-comment', {
    author: PEOPLE.marcelo, date: '2003-02-01 11:11:11 -0200', message: 'Linux 2.4.21\n',
    files: { 'lib/crc32.c': CRC32_C('Oct 15, 2000 Matt Domsch <Matt_Domsch@dell.com>, for 2.4.21') },
  });
  repo.tag('v2.4.21', 'crc32-comment');

  repo.switch('master');
  repo.merge('merge-2.4-again', 'linux-2.4', { author: linus, date: '2003-02-03 10:00:00 -0800', message: 'Merge with 2.4.21\n' });
  repo.commit('sx-latin1', {
    author: PEOPLE.rene, committer: linus, date: '2003-02-11 00:30:00 +0100', committerDate: '2003-02-11 07:00:00 -0800',
    message: '[PATCH] sx: export sx_probe\n', files: { 'drivers/char/sx.c': SX_C },
  });
  repo.commit('profile-pc-x86-64', {
    author: PEOPLE.ak, committer: linus, date: '2003-02-12 14:00:00 +0100', committerDate: '2003-02-12 08:15:00 -0330',
    message: '[PATCH] x86-64: export profile_pc\n', files: { 'arch/x86_64/kernel/time.c': X86_64_TIME_C('EXPORT_SYMBOL') },
  });
  repo.commit('profile-pc-x86-64-gpl', {
    author: PEOPLE.vatsa, committer: linus, date: '2003-02-14 14:30:00 +0530', committerDate: '2003-02-14 09:00:00 -0800',
    message: '[PATCH] x86-64: profile_pc GPL-only like i386\n', files: { 'arch/x86_64/kernel/time.c': X86_64_TIME_C('EXPORT_SYMBOL_GPL') },
  });
  // Only the header changes: every file that invokes the wrapper becomes GPL-only with it.
  repo.commit('acpi-gpl', {
    author: PEOPLE.moore, committer: PEOPLE.lenb, date: '2005-04-18 22:49:00 -0400', committerDate: '2005-07-12 00:12:00 -0400',
    message: ACPI_GPL_MESSAGE, files: { 'include/acpi/platform/aclinux.h': ACLINUX_H('EXPORT_SYMBOL_GPL') },
  });
  repo.commit('bpf-dispatcher-stub', {
    author: PEOPLE.bjorn, committer: PEOPLE.ast, date: '2019-12-09 14:55:00 +0100', committerDate: '2019-12-09 10:00:00 -0800',
    message: 'bpf: Introduce BPF dispatcher\n', files: { 'include/linux/bpf.h': BPF_H(false), 'net/core/filter.c': FILTER_C },
  });
  // Only the header changes: filter.c, which has no EXPORT text, starts exporting.
  repo.commit('bpf-dispatcher', {
    author: PEOPLE.bjorn, committer: PEOPLE.ast, date: '2019-12-13 18:51:00 +0100', committerDate: '2019-12-13 13:09:00 -0800',
    message: 'bpf: Start using the BPF dispatcher in BPF_TEST_RUN\n', files: { 'include/linux/bpf.h': BPF_H(true) },
  });
  repo.commit('cxl-port', {
    author: PEOPLE.djbw, date: '2021-06-01 17:30:00 -0700', message: 'cxl/port: Introduce cxl_port objects\n',
    files: { 'drivers/cxl/core/port.c': CXL_PORT_C('EXPORT_SYMBOL_GPL(cxl_bus_type)'), 'drivers/cxl/core/Makefile': CXL_MAKEFILE(false) },
  });
  repo.commit('cxl-ns-bus-type', {
    author: PEOPLE.djbw, date: '2022-02-01 13:07:00 -0800', message: 'cxl: Move cxl_bus_type into the CXL namespace\n',
    files: { 'drivers/cxl/core/port.c': CXL_PORT_C('EXPORT_SYMBOL_NS_GPL(cxl_bus_type, CXL)') },
  });
  // Only the Makefile changes: port.c's other export enters the namespace.
  repo.commit('cxl-default-ns', {
    author: PEOPLE.djbw, date: '2023-01-01 09:00:00 -0800', message: 'cxl: Default the core to the CXL namespace\n',
    files: { 'drivers/cxl/core/Makefile': CXL_MAKEFILE(true) },
  });
  return repo;
}

/** Commit id → fixture name, for readable assertions. */
export function namesOf(repo: RepoBuilder): Map<string, KernelCommit> {
  return new Map(KERNEL_COMMITS.map((name) => [repo.id(name), name]));
}
