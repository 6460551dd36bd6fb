// parseExports, one case per macro of the table: license, marks, namespace and the names each macro puts
// into the kernel's symbol table, as the kernel header that defines the macro says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportContext } from '../../src/exports/ExportContext.js';
import { MACROS, type MacroName } from '../../src/exports/macroTable.js';
import { parseExports } from '../../src/exports/parseExports.js';
import type { Export } from '../../src/model.js';
import { contextFrom, PM_H } from '../helpers/kernelSources.js';
import { lineOf } from '../helpers/lineOf.js';

interface Expected {
  symbol: string;
  exported: string[];
  license: 'gpl' | 'any';
  namespace?: string | null;
  marks?: Export['marks'];
  modules?: string[] | null;
  /** The macro as invoked when it is a wrapper around `base`. */
  macro?: string;
}

interface MacroCase {
  base: MacroName;
  behaviour: string;
  path: string;
  text: string;
  context?: ExportContext;
  want: Expected;
}

const OLD_PERCPU_ERA: ExportContext = { wrappers: new Map(), era: { perCpuName: { prefix: 'per_cpu__', suffix: '' }, tracepointIterators: false }, makefileNamespace: null };
const PRE_5_10_ERA: ExportContext = { wrappers: new Map(), era: { perCpuName: { prefix: '', suffix: '' }, tracepointIterators: false }, makefileNamespace: null };
const PM_CONTEXT = contextFrom({ 'include/linux/pm.h': PM_H });

const CASES: MacroCase[] = [
  {
    base: 'EXPORT_SYMBOL', behaviour: 'exports the symbol to any module', path: 'drivers/vfio/vfio_main.c',
    // drivers/vfio/vfio_main.c: a plain export
    text: 'int vfio_pin_pages(struct vfio_device *device, dma_addr_t iova,\n\t\t   int npage, int prot, struct page **pages)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL(vfio_pin_pages);\n',
    want: { symbol: 'vfio_pin_pages', exported: ['vfio_pin_pages'], license: 'any' },
  },
  {
    base: 'EXPORT_SYMBOL_GPL', behaviour: 'exports the symbol to GPL modules only', path: 'mm/hmm.c',
    // mm/hmm.c: a GPL-only export
    text: 'int hmm_range_fault(struct hmm_range *range)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL_GPL(hmm_range_fault);\n',
    want: { symbol: 'hmm_range_fault', exported: ['hmm_range_fault'], license: 'gpl' },
  },
  {
    base: 'EXPORT_SYMBOL_NOVERS', behaviour: 'exports without a version CRC, usable by any module', path: 'arch/i386/kernel/i386_ksyms.c',
    // arch/i386/kernel/i386_ksyms.c (2.4): the semaphore slow paths
    text: '#include <linux/module.h>\n\nEXPORT_SYMBOL_NOVERS(__down_failed);\n',
    want: { symbol: '__down_failed', exported: ['__down_failed'], license: 'any' },
  },
  {
    base: 'EXPORT_SYMBOL_GPL_FUTURE', behaviour: 'is usable by any module and marked as going GPL-only', path: 'drivers/usb/core/driver.c',
    // drivers/usb/core/driver.c (2.6.17): usb_register_driver announced as becoming GPL-only
    text: 'int usb_register_driver(struct usb_driver *new_driver, struct module *owner)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL_GPL_FUTURE(usb_register_driver);\n',
    want: { symbol: 'usb_register_driver', exported: ['usb_register_driver'], license: 'any', marks: ['gpl-future'] },
  },
  {
    base: 'EXPORT_UNUSED_SYMBOL', behaviour: 'is usable by any module and marked unused', path: 'fs/buffer.c',
    // include/linux/module.h (2.6.19): an export kept for a release before its removal
    text: 'void ll_rw_block_unused(int rw, int nr)\n{\n}\nEXPORT_UNUSED_SYMBOL(ll_rw_block_unused);  /* June 2007 */\n',
    want: { symbol: 'll_rw_block_unused', exported: ['ll_rw_block_unused'], license: 'any', marks: ['unused'] },
  },
  {
    base: 'EXPORT_UNUSED_SYMBOL_GPL', behaviour: 'is GPL-only and marked unused', path: 'fs/open.c',
    // include/linux/module.h (2.6.19): the GPL-only variant
    text: 'long sys_open_unused(const char __user *filename, int flags, int mode)\n{\n\treturn 0;\n}\nEXPORT_UNUSED_SYMBOL_GPL(sys_open_unused); /* To be deleted for 2.6.25 */\n',
    want: { symbol: 'sys_open_unused', exported: ['sys_open_unused'], license: 'gpl', marks: ['unused'] },
  },
  {
    base: 'EXPORT_PER_CPU_SYMBOL', behaviour: 'exports the per-CPU variable under its own name in a modern tree', path: 'arch/x86/kernel/setup_percpu.c',
    // arch/x86/kernel/setup_percpu.c: include/linux/percpu-defs.h makes it a plain EXPORT_SYMBOL
    text: 'DEFINE_PER_CPU_READ_MOSTLY(unsigned long, this_cpu_off);\nEXPORT_PER_CPU_SYMBOL(this_cpu_off);\n',
    want: { symbol: 'this_cpu_off', exported: ['this_cpu_off'], license: 'any' },
  },
  {
    base: 'EXPORT_PER_CPU_SYMBOL', behaviour: 'exports per_cpu__<var> when the tree\'s percpu header pastes the prefix (before 2.6.34)', path: 'kernel/sched.c',
    // kernel/sched.c (2.6.2x): include/asm-generic/percpu.h exports per_cpu__kstat
    text: 'DEFINE_PER_CPU(struct kernel_stat, kstat);\n\nEXPORT_PER_CPU_SYMBOL(kstat);\n', context: OLD_PERCPU_ERA,
    want: { symbol: 'kstat', exported: ['per_cpu__kstat'], license: 'any' },
  },
  {
    base: 'EXPORT_PER_CPU_SYMBOL_GPL', behaviour: 'exports a GPL-only per-CPU variable, prefixed in old trees', path: 'arch/x86/kernel/cpu/common.c',
    // include/asm-generic/percpu.h (2.6.x): the GPL-only per-CPU export gets the prefix too
    text: 'DEFINE_PER_CPU(struct orig_ist, orig_ist);\nEXPORT_PER_CPU_SYMBOL_GPL(orig_ist);\n', context: OLD_PERCPU_ERA,
    want: { symbol: 'orig_ist', exported: ['per_cpu__orig_ist'], license: 'gpl' },
  },
  {
    base: 'EXPORT_SYMBOL_NS', behaviour: 'reads a bare-identifier namespace (5.4 to 6.12)', path: 'drivers/usb/storage/usb.c',
    // include/linux/export.h (5.4-6.12): EXPORT_SYMBOL_NS(sym, ns) stringifies a bare ns
    text: 'int usb_stor_suspend(struct usb_interface *iface, pm_message_t message)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL_NS(usb_stor_suspend, USB_STORAGE);\n',
    want: { symbol: 'usb_stor_suspend', exported: ['usb_stor_suspend'], license: 'any', namespace: 'USB_STORAGE' },
  },
  {
    base: 'EXPORT_SYMBOL_NS', behaviour: 'reads a string-literal namespace (6.13+)', path: 'drivers/usb/storage/usb.c',
    // include/linux/export.h (6.13+): the namespace is a string literal
    text: 'EXPORT_SYMBOL_NS(usb_stor_suspend, "USB_STORAGE");\n',
    want: { symbol: 'usb_stor_suspend', exported: ['usb_stor_suspend'], license: 'any', namespace: 'USB_STORAGE' },
  },
  {
    base: 'EXPORT_SYMBOL_NS_GPL', behaviour: 'is GPL-only with a bare-identifier namespace (5.4 to 6.12)', path: 'drivers/dma-buf/dma-buf.c',
    // drivers/dma-buf/dma-buf.c (5.16-6.12): EXPORT_SYMBOL_NS_GPL(dma_buf_export, DMA_BUF)
    text: 'struct dma_buf *dma_buf_export(const struct dma_buf_export_info *exp_info)\n{\n\treturn NULL;\n}\nEXPORT_SYMBOL_NS_GPL(dma_buf_export, DMA_BUF);\n',
    want: { symbol: 'dma_buf_export', exported: ['dma_buf_export'], license: 'gpl', namespace: 'DMA_BUF' },
  },
  {
    base: 'EXPORT_SYMBOL_NS_GPL', behaviour: 'is GPL-only with a string-literal namespace (6.13+)', path: 'drivers/dma-buf/dma-buf.c',
    // drivers/dma-buf/dma-buf.c (6.13+): EXPORT_SYMBOL_NS_GPL(dma_buf_export, "DMA_BUF")
    text: 'EXPORT_SYMBOL_NS_GPL(dma_buf_export, "DMA_BUF");\n',
    want: { symbol: 'dma_buf_export', exported: ['dma_buf_export'], license: 'gpl', namespace: 'DMA_BUF' },
  },
  {
    base: 'EXPORT_SYMBOL_GPL_FOR_MODULES', behaviour: 'is GPL-only, for the listed modules, in namespace module:<list>', path: 'arch/x86/kernel/fpu/core.c',
    // include/linux/export.h (6.16): __EXPORT_SYMBOL(sym, "GPL", "module:" mods)
    text: 'EXPORT_SYMBOL_GPL_FOR_MODULES(fpu_swap_kvm_fpstate, "kvm,kvm-intel");\n',
    want: { symbol: 'fpu_swap_kvm_fpstate', exported: ['fpu_swap_kvm_fpstate'], license: 'gpl', namespace: 'module:kvm,kvm-intel', modules: ['kvm', 'kvm-intel'] },
  },
  {
    base: 'EXPORT_SYMBOL_FOR_MODULES', behaviour: 'keeps the GPL-only class of the macro it renamed (6.18)', path: 'arch/x86/kernel/fpu/core.c',
    // include/linux/export.h (6.18): EXPORT_SYMBOL_GPL_FOR_MODULES renamed
    text: 'EXPORT_SYMBOL_FOR_MODULES(fpu_swap_kvm_fpstate, "kvm,kvm-intel");\n',
    want: { symbol: 'fpu_swap_kvm_fpstate', exported: ['fpu_swap_kvm_fpstate'], license: 'gpl', namespace: 'module:kvm,kvm-intel', modules: ['kvm', 'kvm-intel'] },
  },
  {
    base: 'EXPORT_TRACEPOINT_SYMBOL', behaviour: 'exports the tracepoint, its iterator and its static call (5.10+)', path: 'mm/slab_common.c',
    // mm/slab_common.c: include/linux/tracepoint.h exports four names per tracepoint since 5.10
    text: 'EXPORT_TRACEPOINT_SYMBOL(kmalloc);\n',
    want: { symbol: 'kmalloc', exported: ['__tracepoint_kmalloc', '__traceiter_kmalloc', '__SCK__tp_func_kmalloc', '__SCT__tp_func_kmalloc'], license: 'any' },
  },
  {
    base: 'EXPORT_TRACEPOINT_SYMBOL', behaviour: 'exports only __tracepoint_<name> before tracepoint iterators (before 5.10)', path: 'mm/slab_common.c',
    // include/linux/tracepoint.h (2.6.28-5.9): EXPORT_SYMBOL(__tracepoint_##name)
    text: 'EXPORT_TRACEPOINT_SYMBOL(kmalloc);\n', context: PRE_5_10_ERA,
    want: { symbol: 'kmalloc', exported: ['__tracepoint_kmalloc'], license: 'any' },
  },
  {
    base: 'EXPORT_TRACEPOINT_SYMBOL_GPL', behaviour: 'exports the four tracepoint names GPL-only', path: 'block/blk-core.c',
    // block/blk-core.c: EXPORT_TRACEPOINT_SYMBOL_GPL(block_bio_remap)
    text: 'EXPORT_TRACEPOINT_SYMBOL_GPL(block_bio_remap);\n',
    want: { symbol: 'block_bio_remap', exported: ['__tracepoint_block_bio_remap', '__traceiter_block_bio_remap', '__SCK__tp_func_block_bio_remap', '__SCT__tp_func_block_bio_remap'], license: 'gpl' },
  },
  {
    base: 'EXPORT_STATIC_CALL', behaviour: 'exports the static call\'s key and trampoline', path: 'arch/x86/kernel/paravirt.c',
    // include/linux/static_call.h: EXPORT_SYMBOL(STATIC_CALL_KEY(name)); EXPORT_SYMBOL(STATIC_CALL_TRAMP(name))
    text: 'DEFINE_STATIC_CALL(pv_steal_clock, native_steal_clock);\nEXPORT_STATIC_CALL(pv_steal_clock);\n',
    want: { symbol: 'pv_steal_clock', exported: ['__SCK__pv_steal_clock', '__SCT__pv_steal_clock'], license: 'any' },
  },
  {
    base: 'EXPORT_STATIC_CALL_GPL', behaviour: 'exports key and trampoline GPL-only', path: 'arch/x86/kvm/x86.c',
    // arch/x86/kvm/x86.c: EXPORT_STATIC_CALL_GPL(kvm_x86_cache_reg)
    text: 'EXPORT_STATIC_CALL_GPL(kvm_x86_cache_reg);\n',
    want: { symbol: 'kvm_x86_cache_reg', exported: ['__SCK__kvm_x86_cache_reg', '__SCT__kvm_x86_cache_reg'], license: 'gpl' },
  },
  {
    base: 'EXPORT_STATIC_CALL_TRAMP', behaviour: 'exports the trampoline only, never the key', path: 'kernel/sched/core.c',
    // kernel/sched/core.c (PREEMPT_DYNAMIC, 5.13+): modules may call, not patch, preempt_schedule
    text: 'DEFINE_STATIC_CALL(preempt_schedule, preempt_schedule_dynamic_enabled);\nEXPORT_STATIC_CALL_TRAMP(preempt_schedule);\n',
    want: { symbol: 'preempt_schedule', exported: ['__SCT__preempt_schedule'], license: 'any' },
  },
  {
    base: 'EXPORT_STATIC_CALL_TRAMP_GPL', behaviour: 'exports the trampoline only, GPL-only', path: 'arch/x86/events/core.c',
    // include/linux/static_call.h (5.13+): the GPL-only trampoline export
    text: 'EXPORT_STATIC_CALL_TRAMP_GPL(x86_pmu_handle_irq);\n',
    want: { symbol: 'x86_pmu_handle_irq', exported: ['__SCT__x86_pmu_handle_irq'], license: 'gpl' },
  },
  {
    base: 'EXPORT_SYMBOL_IF_KUNIT', behaviour: 'exports into EXPORTED_FOR_KUNIT_TESTING, marked test-only', path: 'net/mptcp/token.c',
    // include/kunit/visibility.h: EXPORT_SYMBOL_NS(sym, EXPORTED_FOR_KUNIT_TESTING) when KUnit is built
    text: 'EXPORT_SYMBOL_IF_KUNIT(mptcp_token_new_request);\n',
    want: { symbol: 'mptcp_token_new_request', exported: ['mptcp_token_new_request'], license: 'any', namespace: 'EXPORTED_FOR_KUNIT_TESTING', marks: ['test-only'] },
  },
  {
    base: 'EXPORT_SYMBOL_FOR_TESTS_ONLY', behaviour: 'exports to any module, marked test-only', path: 'drivers/gpu/drm/drm_mm.c',
    // include/drm/drm_util.h: EXPORT_SYMBOL when CONFIG_DRM_EXPORT_FOR_TESTS
    text: 'EXPORT_SYMBOL_FOR_TESTS_ONLY(drm_mm_scan_color_evict);\n',
    want: { symbol: 'drm_mm_scan_color_evict', exported: ['drm_mm_scan_color_evict'], license: 'any', marks: ['test-only'] },
  },
  {
    base: 'EXPORT_SYMBOL_RUST_GPL', behaviour: 'exports a Rust core symbol GPL-only', path: 'rust/exports_core_generated.h',
    // rust/exports.c (6.1+): the generated list of Rust core crate symbols
    text: 'EXPORT_SYMBOL_RUST_GPL(_RNvNtCs3yuwAp0waWO_4core3fmt5write);\n',
    want: { symbol: '_RNvNtCs3yuwAp0waWO_4core3fmt5write', exported: ['_RNvNtCs3yuwAp0waWO_4core3fmt5write'], license: 'gpl' },
  },
  {
    base: 'EXPORT_DATA_SYMBOL', behaviour: 'exports a data object defined in assembly', path: 'arch/x86/kernel/head_64.S',
    // include/asm-generic/export.h (4.9+): a data object exported from a .S file
    text: '\t__PAGE_ALIGNED_BSS\nSYM_DATA_START_PAGE_ALIGNED(empty_zero_page)\n\t.skip PAGE_SIZE\nSYM_DATA_END(empty_zero_page)\nEXPORT_DATA_SYMBOL(empty_zero_page)\n',
    want: { symbol: 'empty_zero_page', exported: ['empty_zero_page'], license: 'any' },
  },
  {
    base: 'EXPORT_DATA_SYMBOL_GPL', behaviour: 'exports a data object from assembly GPL-only', path: 'arch/sparc/kernel/head_64.S',
    // include/asm-generic/export.h (4.9+): the GPL-only data export
    text: 'sparc64_ttable_tl0:\n\t.skip 0x8000\nEXPORT_DATA_SYMBOL_GPL(sparc64_ttable_tl0)\n',
    want: { symbol: 'sparc64_ttable_tl0', exported: ['sparc64_ttable_tl0'], license: 'gpl' },
  },
  {
    base: '__EXPORT_SYMBOL', behaviour: 'takes license and namespace from its arguments through include/linux/pm.h\'s wrappers', path: 'drivers/mfd/cs42l43.c',
    // drivers/mfd/cs42l43.c: EXPORT_NS_GPL_DEV_PM_OPS → _EXPORT_DEV_PM_OPS → __EXPORT_SYMBOL(name, "GPL", #ns)
    text: 'EXPORT_NS_GPL_DEV_PM_OPS(cs42l43_pm_ops, MFD_CS42L43) = {\n\tSYSTEM_SLEEP_PM_OPS(cs42l43_suspend, cs42l43_resume)\n};\n', context: PM_CONTEXT,
    want: { symbol: 'cs42l43_pm_ops', exported: ['cs42l43_pm_ops'], license: 'gpl', namespace: 'MFD_CS42L43', macro: 'EXPORT_NS_GPL_DEV_PM_OPS' },
  },
  {
    base: '__EXPORT_SYMBOL', behaviour: 'is usable by any module when the wrapper passes an empty license and namespace', path: 'drivers/base/power/generic_ops.c',
    // include/linux/pm.h: EXPORT_DEV_PM_OPS(name) → __EXPORT_SYMBOL(name, "", "")
    text: 'EXPORT_DEV_PM_OPS(foo_pm_ops) = {\n};\n', context: PM_CONTEXT,
    want: { symbol: 'foo_pm_ops', exported: ['foo_pm_ops'], license: 'any', namespace: null, macro: 'EXPORT_DEV_PM_OPS' },
  },
];

for (const c of CASES) {
  test(`${c.base} ${c.behaviour}`, () => {
    const result = parseExports(c.path, c.text, c.context);
    const macro = c.want.macro ?? c.base;
    const expected: Export = {
      symbol: c.want.symbol,
      exported: c.want.exported,
      path: c.path,
      macro,
      baseMacro: c.base,
      license: c.want.license,
      namespace: c.want.namespace ?? null,
      line: lineOf(c.text, `${macro}(`),
      marks: c.want.marks ?? [],
      modules: c.want.modules ?? null,
    };
    assert.deepEqual(result.exports, [expected]);
    assert.deepEqual(result.unknown, []);
    assert.deepEqual(result.templates, []);
  });
}

test('every macro of the table has a case above, so a new table entry needs a new test', () => {
  const missing = Object.keys(MACROS).filter((macro) => !CASES.some((c) => c.base === macro));
  assert.deepEqual(missing, []);
});
