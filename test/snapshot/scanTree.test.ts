// scanTree over a small kernel-like tree, read from a directory and from a git commit: the tree's
// wrappers, its Makefile namespaces and its era's per-CPU naming all reach the exports.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { ACLINUX_H, EXPORT_H_6_12 } from '../helpers/kernelSources.js';
import { lineOf } from '../helpers/lineOf.js';
import { RepoBuilder } from '../helpers/RepoBuilder.js';

after(isolateGit());
const { scanTree } = await import('../../src/snapshot/scanTree.js');
const { treeFromCommit } = await import('../../src/snapshot/treeFromCommit.js');
const { treeFromDirectory } = await import('../../src/snapshot/treeFromDirectory.js');

// include/linux/bpf.h: a wrapper without EXPORT in its name, and its empty !CONFIG_BPF_JIT variant
const BPF_H = `#ifdef CONFIG_BPF_JIT
#define DEFINE_BPF_DISPATCHER(name)					\\
	__BPF_DISPATCHER_SC(name);					\\
	noinline __bpfcall unsigned int bpf_dispatcher_##name##_func(	\\
		const void *ctx,					\\
		const struct bpf_insn *insnsi,				\\
		bpf_func_t bpf_func)					\\
	{								\\
		return __BPF_DISPATCHER_CALL(name);			\\
	}								\\
	EXPORT_SYMBOL(bpf_dispatcher_##name##_func);			\\
	struct bpf_dispatcher bpf_dispatcher_##name =			\\
		BPF_DISPATCHER_INIT(bpf_dispatcher_##name);
#else
#define DEFINE_BPF_DISPATCHER(name)
#endif
`;

// net/core/filter.c, trimmed to the dispatcher: no export text of its own
const FILTER_C = `// SPDX-License-Identifier: GPL-2.0-or-later
#include <linux/bpf.h>

DEFINE_BPF_DISPATCHER(xdp)

void bpf_prog_change_xdp(struct bpf_prog *prev_prog, struct bpf_prog *prog)
{
	bpf_dispatcher_change_prog(BPF_DISPATCHER_PTR(xdp), prev_prog, prog);
}
`;

// arch/x86/include/asm/percpu.h before 2.6.34: per-CPU variables were named per_cpu__<var>
const PERCPU_H = '#define EXPORT_PER_CPU_SYMBOL(var) EXPORT_SYMBOL(per_cpu__##var)\n#define EXPORT_PER_CPU_SYMBOL_GPL(var) EXPORT_SYMBOL_GPL(per_cpu__##var)\n';
const SETUP_PERCPU_C = '#include <linux/percpu.h>\n\nDEFINE_PER_CPU(unsigned long, this_cpu_off);\nEXPORT_PER_CPU_SYMBOL(this_cpu_off);\n';
const UTXFACE_C = 'acpi_status acpi_install_interface(acpi_string interface_name)\n{\n\treturn (AE_OK);\n}\n\nACPI_EXPORT_SYMBOL(acpi_install_interface)\n';
const CXL_PORT_C = '#include <linux/module.h>\n\nconst struct bus_type cxl_bus_type = {\n\t.name = "cxl",\n};\nEXPORT_SYMBOL_GPL(cxl_bus_type);\nEXPORT_SYMBOL_NS_GPL(cxl_test_hook, CXL_TEST);\n';
const CXL_PCI_C = '#include <linux/module.h>\n\nEXPORT_SYMBOL_GPL(cxl_pci_legacy);\n';
// drivers/char/sx.c-style 2.4 file with a Latin-1 author line
const SX_C = Buffer.from('/*\n * (C) 1998 R.E.Wolff@BitWizard.nl, Fran\xe7ois\n */\nEXPORT_SYMBOL(sx_probe);\n', 'latin1');

const TREE: Record<string, string | Buffer> = {
  'include/linux/export.h': EXPORT_H_6_12,
  'include/linux/bpf.h': BPF_H,
  'include/acpi/platform/aclinux.h': ACLINUX_H,
  'arch/x86/include/asm/percpu.h': PERCPU_H,
  'arch/x86/kernel/setup_percpu.c': SETUP_PERCPU_C,
  'drivers/acpi/acpica/utxface.c': UTXFACE_C,
  'drivers/cxl/core/Makefile': 'obj-$(CONFIG_CXL_BUS) += cxl_core.o\nccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=CXL\ncxl_core-y := port.o\n',
  'drivers/cxl/core/port.c': CXL_PORT_C,
  'drivers/cxl/pci.c': CXL_PCI_C,
  'drivers/char/sx.c': SX_C,
  'net/core/filter.c': FILTER_C,
  'Documentation/core-api/symbol-namespaces.rst': 'Use EXPORT_SYMBOL_NS_GPL(sym, NS) in a .c file.\n',
};

/** What the kernel build would export from TREE, written from the sources above. */
const EXPECTED = [
  { path: 'arch/x86/kernel/setup_percpu.c', line: 4, symbol: 'this_cpu_off', exported: ['per_cpu__this_cpu_off'], macro: 'EXPORT_PER_CPU_SYMBOL', baseMacro: 'EXPORT_PER_CPU_SYMBOL', license: 'any', namespace: null },
  { path: 'drivers/acpi/acpica/utxface.c', line: 6, symbol: 'acpi_install_interface', exported: ['acpi_install_interface'], macro: 'ACPI_EXPORT_SYMBOL', baseMacro: 'EXPORT_SYMBOL', license: 'any', namespace: null },
  { path: 'drivers/char/sx.c', line: 4, symbol: 'sx_probe', exported: ['sx_probe'], macro: 'EXPORT_SYMBOL', baseMacro: 'EXPORT_SYMBOL', license: 'any', namespace: null },
  { path: 'drivers/cxl/core/port.c', line: lineOf(CXL_PORT_C, 'EXPORT_SYMBOL_GPL('), symbol: 'cxl_bus_type', exported: ['cxl_bus_type'], macro: 'EXPORT_SYMBOL_GPL', baseMacro: 'EXPORT_SYMBOL_GPL', license: 'gpl', namespace: 'CXL' },
  { path: 'drivers/cxl/core/port.c', line: lineOf(CXL_PORT_C, 'EXPORT_SYMBOL_NS_GPL('), symbol: 'cxl_test_hook', exported: ['cxl_test_hook'], macro: 'EXPORT_SYMBOL_NS_GPL', baseMacro: 'EXPORT_SYMBOL_NS_GPL', license: 'gpl', namespace: 'CXL_TEST' },
  // the Makefile's ccflags-y applies to drivers/cxl/core only, not to its parent
  { path: 'drivers/cxl/pci.c', line: 3, symbol: 'cxl_pci_legacy', exported: ['cxl_pci_legacy'], macro: 'EXPORT_SYMBOL_GPL', baseMacro: 'EXPORT_SYMBOL_GPL', license: 'gpl', namespace: null },
  { path: 'net/core/filter.c', line: 4, symbol: 'bpf_dispatcher_xdp_func', exported: ['bpf_dispatcher_xdp_func'], macro: 'DEFINE_BPF_DISPATCHER', baseMacro: 'EXPORT_SYMBOL', license: 'any', namespace: null },
];

type Snapshot = Awaited<ReturnType<typeof scanTree>>;
const summary = (snapshot: Snapshot) =>
  snapshot.exports.map(({ path, line, symbol, exported, macro, baseMacro, license, namespace }) => ({ path, line, symbol, exported, macro, baseMacro, license, namespace }));

function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-tree-'));
  return body(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('a directory tree gives the exports the kernel build would: tree wrappers, Makefile namespaces, per_cpu__ names', () =>
  withTempDir(async (dir) => {
    writeTree(dir, TREE);
    const snapshot = await scanTree(treeFromDirectory(dir));
    assert.deepEqual(summary(snapshot), EXPECTED);
    assert.deepEqual(snapshot.unknown, []);
    assert.deepEqual(snapshot.templates.map((t) => [t.path, t.name]).sort(), [['include/acpi/platform/aclinux.h', 'ACPI_EXPORT_SYMBOL'], ['include/linux/bpf.h', 'DEFINE_BPF_DISPATCHER']]);
  }));

test('a git commit of the same tree gives exactly the same snapshot as the directory', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('tree', { files: TREE, date: '2024-11-17 14:00:00 -0800' });
    const fromCommit = await scanTree(treeFromCommit(repo.dir, repo.id('tree')));
    assert.deepEqual(summary(fromCommit), EXPECTED);
    const fromDirectory = await withTempDir(async (dir) => {
      writeTree(dir, TREE);
      return scanTree(treeFromDirectory(dir));
    });
    // Everything a user sees; the internal state differs only in carrying blob ids.
    const seen = ({ exports, templates, unknown, filesParsed }: typeof fromCommit) => ({ exports, templates, unknown, filesParsed });
    assert.deepEqual(seen(fromCommit), seen(fromDirectory));
  } finally {
    repo.cleanup();
  }
});

test('a bare clone gives the same snapshot as the repository it was cloned from', async () => {
  const repo = RepoBuilder.create();
  const bare = mkdtempSync(join(tmpdir(), 'ksymtrail-bare-'));
  try {
    repo.commit('tree', { files: TREE, date: '2024-11-17 14:00:00 -0800' });
    repo.git(['clone', '-q', '--bare', repo.dir, join(bare, 'linux.git')]);
    const fromBare = await scanTree(treeFromCommit(join(bare, 'linux.git'), 'master'));
    assert.deepEqual(summary(fromBare), EXPECTED);
  } finally {
    rmSync(bare, { recursive: true, force: true });
    repo.cleanup();
  }
});

test('scanning a commit reads the commit, not the files on disk', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('v1', { files: { 'kernel/example.c': 'EXPORT_SYMBOL(example_api);\n' }, date: '2005-04-16 15:20:36 -0700' });
    repo.commit('v2', { files: { 'kernel/example.c': 'EXPORT_SYMBOL_GPL(example_api);\n', 'kernel/added.c': 'EXPORT_SYMBOL(added_api);\n' }, date: '2005-05-01 10:00:00 -0700' });
    repo.tag('v2.6.12', 'v1');
    // uncommitted edits and an untracked file in the work tree
    writeFileSync(join(repo.dir, 'kernel/example.c'), 'EXPORT_SYMBOL(disk_only_api);\n');
    writeFileSync(join(repo.dir, 'kernel/untracked.c'), 'EXPORT_SYMBOL(untracked_api);\n');
    const names = async (rev: string) => (await scanTree(treeFromCommit(repo.dir, rev))).exports.map((e) => `${e.path}:${e.symbol}:${e.license}`);
    assert.deepEqual(await names(repo.id('v1')), ['kernel/example.c:example_api:any']);
    assert.deepEqual(await names('v2.6.12'), ['kernel/example.c:example_api:any']);
    assert.deepEqual(await names('HEAD'), ['kernel/added.c:added_api:any', 'kernel/example.c:example_api:gpl']);
    const onDisk = (await scanTree(treeFromDirectory(repo.dir))).exports.map((e) => `${e.path}:${e.symbol}`);
    assert.deepEqual(onDisk, ['kernel/added.c:added_api', 'kernel/example.c:disk_only_api', 'kernel/untracked.c:untracked_api']);
  } finally {
    repo.cleanup();
  }
});

test('a 2.5-era tree whose percpu header pastes a __per_cpu suffix exports <var>__per_cpu', () =>
  withTempDir(async (dir) => {
    // include/asm-generic/percpu.h from 2.5.4x to 2.5.69 (2.5.47's xfs.o: "unresolved symbol page_states__per_cpu")
    writeTree(dir, {
      'include/asm-generic/percpu.h': '#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name##__per_cpu\n\n#define EXPORT_PER_CPU_SYMBOL(var) EXPORT_SYMBOL(var##__per_cpu)\n#define EXPORT_PER_CPU_SYMBOL_GPL(var) EXPORT_SYMBOL_GPL(var##__per_cpu)\n',
      'mm/page_alloc.c': '#include <linux/module.h>\n\nDEFINE_PER_CPU(struct page_state, page_states) = {0};\nEXPORT_PER_CPU_SYMBOL(page_states);\n',
    });
    const snapshot = await scanTree(treeFromDirectory(dir));
    assert.deepEqual(snapshot.exports.map((e) => [e.symbol, e.exported, e.line]), [['page_states', ['page_states__per_cpu'], 4]]);
  }));

test('a relative directory path like ./linux gives the same exports as an absolute one', () =>
  withTempDir(async (dir) => {
    writeTree(join(dir, 'linux'), TREE);
    const absolute = await scanTree(treeFromDirectory(join(dir, 'linux')));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const relative of ['./linux', 'linux', 'linux/']) {
        assert.deepEqual(await scanTree(treeFromDirectory(relative)), absolute, relative);
      }
    } finally {
      process.chdir(cwd);
    }
  }));
