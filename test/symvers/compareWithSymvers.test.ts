// compareWithSymvers: agreement of a tree's exports with the Module.symvers of one build, and the cause it
// names for each difference from evidence in the tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportContext } from '../../src/exports/ExportContext.js';
import { parseExports } from '../../src/exports/parseExports.js';
import type { Export, Template } from '../../src/model.js';
import { type Cause, compareWithSymvers, type Difference, type Occurrence } from '../../src/symvers/compareWithSymvers.js';
import { parseSymvers, type SymversEntry } from '../../src/symvers/parseSymvers.js';
import { CGROUP_C, contextFrom, LZO1X_COMPRESS_C, LZO1X_COMPRESS_SAFE_C } from '../helpers/kernelSources.js';
import { lineOf } from '../helpers/lineOf.js';

/** The exports and templates of some files, as a snapshot of a tree holding them finds them. */
function scan(files: Record<string, string>, context?: ExportContext): { exports: Export[]; templates: Template[] } {
  const results = Object.entries(files).map(([path, text]) => parseExports(path, text, context));
  return { exports: results.flatMap((r) => r.exports), templates: results.flatMap((r) => r.templates) };
}

/** Module.symvers entries from `symbol macro [namespace]` rows, through the real parser. */
function symvers(...rows: string[]): SymversEntry[] {
  const text = rows.map((row, i) => {
    const [symbol, macro, namespace] = row.split(' ');
    return `0x${(0x1000 + i).toString(16).padStart(8, '0')}\t${symbol}\tvmlinux\t${macro}\t${namespace ?? ''}`;
  }).join('\n');
  const { entries, malformed } = parseSymvers(text);
  assert.equal(malformed, 0);
  return entries;
}

/** Each line of `files` where a word occurs whole, as `grep -rnwF` finds them for scripts/checkSymvers.ts. */
function grepWords(files: Record<string, string>, words: string[]): Map<string, Occurrence[]> {
  const found = new Map<string, Occurrence[]>();
  for (const [path, text] of Object.entries(files)) {
    text.split('\n').forEach((line, i) => {
      for (const word of words) {
        let at = line.indexOf(word);
        while (at >= 0 && (/\w/.test(line[at - 1] ?? '') || /\w/.test(line[at + word.length] ?? ''))) at = line.indexOf(word, at + 1);
        if (at >= 0) found.set(word, [...(found.get(word) ?? []), { path, line: i + 1, text: line }]);
      }
    });
  }
  return found;
}

const byKind = (differences: Difference[]): Record<string, string> => Object.fromEntries(differences.map((d) => [d.entry.symbol, d.kind]));
const causeOf = (differences: Difference[], symbol: string): { cause: Cause; evidence: string } => {
  const difference = differences.find((d) => d.entry.symbol === symbol);
  assert.ok(difference, `${symbol} is a difference`);
  return { cause: difference.cause, evidence: difference.evidence };
};

test('counts matching symbols, license and namespace differences, missing symbols and exports not built', () => {
  const { exports } = scan({
    'kernel/printk/printk.c': 'EXPORT_SYMBOL(_printk);\n',
    'drivers/vfio/vfio_main.c': 'EXPORT_SYMBOL(vfio_pin_pages);\n',
    'drivers/cxl/core/port.c': 'EXPORT_SYMBOL_NS_GPL(cxl_bus_type, CXL);\n',
    'drivers/dma-buf/dma-buf.c': 'EXPORT_SYMBOL_GPL(dma_buf_export);\n',
    'mm/slab_common.c': 'EXPORT_TRACEPOINT_SYMBOL(kmalloc);\n',
    'mm/hmm.c': 'EXPORT_SYMBOL_GPL(hmm_range_fault);\n',
  });
  const entries = symvers(
    '_printk EXPORT_SYMBOL',
    'vfio_pin_pages EXPORT_SYMBOL_GPL',
    'cxl_bus_type EXPORT_SYMBOL_GPL CXL',
    'dma_buf_export EXPORT_SYMBOL_GPL DMA_BUF',
    // a tracepoint is four names in the symbol table
    '__tracepoint_kmalloc EXPORT_SYMBOL', '__traceiter_kmalloc EXPORT_SYMBOL', '__SCK__tp_func_kmalloc EXPORT_SYMBOL', '__SCT__tp_func_kmalloc EXPORT_SYMBOL',
    'generated_only_symbol EXPORT_SYMBOL',
  );
  const result = compareWithSymvers(exports, entries, { templates: [], occurrences: new Map() });
  assert.equal(result.total, 9);
  assert.equal(result.matching, 6);
  assert.deepEqual(byKind(result.differences), { vfio_pin_pages: 'license', dma_buf_export: 'namespace', generated_only_symbol: 'missing' });
  assert.equal(result.notBuilt, 1); // hmm_range_fault: not in this build
});

test('exports under another architecture\'s directory do not count for this build', () => {
  // arch/x86/lib/copy_page_64.S and arch/arm64/lib/copy_page.S export one name with different macros
  const { exports } = scan({
    'arch/x86/lib/copy_page_64.S': 'SYM_FUNC_END(copy_page)\nEXPORT_SYMBOL(copy_page)\n',
    'arch/arm64/lib/copy_page.S': 'SYM_FUNC_END(__pi_copy_page)\nEXPORT_SYMBOL_GPL(copy_page)\n',
    'arch/arm64/kernel/cpufeature.c': 'EXPORT_SYMBOL_GPL(arm64_use_ng_mappings);\n',
  });
  const evidence = { templates: [], occurrences: new Map() };
  const gplBuild = symvers('copy_page EXPORT_SYMBOL_GPL');
  assert.deepEqual(byKind(compareWithSymvers(exports, gplBuild, evidence, 'x86').differences), { copy_page: 'license' });
  assert.equal(compareWithSymvers(exports, gplBuild, evidence, 'arm64').matching, 1);
  const anyBuild = compareWithSymvers(exports, symvers('copy_page EXPORT_SYMBOL'), evidence);
  assert.equal(anyBuild.matching, 1);
  assert.equal(anyBuild.notBuilt, 1); // arm64_use_ng_mappings
});

test('names an X-macro template as the cause of names it pastes (kernel/cgroup/cgroup.c SUBSYS)', () => {
  const files = { 'kernel/cgroup/cgroup.c': CGROUP_C, 'include/linux/cgroup_subsys.h': '#if IS_ENABLED(CONFIG_CPUSETS)\nSUBSYS(cpuset)\n#endif\n' };
  const { exports, templates } = scan(files);
  const entries = symvers('cpuset_cgrp_subsys_enabled_key EXPORT_SYMBOL_GPL', 'cpuset_cgrp_subsys_on_dfl_key EXPORT_SYMBOL_GPL');
  const result = compareWithSymvers(exports, entries, { templates, occurrences: grepWords(files, entries.map((e) => e.symbol)) });
  for (const symbol of ['cpuset_cgrp_subsys_enabled_key', 'cpuset_cgrp_subsys_on_dfl_key']) {
    const { cause, evidence } = causeOf(result.differences, symbol);
    assert.equal(cause, 'xmacro-template');
    assert.match(evidence, /SUBSYS/);
    assert.match(evidence, /kernel\/cgroup\/cgroup\.c:\d+/);
  }
});

test('does not blame a template whose pattern would match almost any name', () => {
  const files = { 'lib/alias.c': '#define EXAMPLE_ALIAS(fn) EXPORT_SYMBOL(__ ## fn)\n' };
  const { exports, templates } = scan(files);
  const result = compareWithSymvers(exports, symvers('__memcpy_unrelated EXPORT_SYMBOL'), { templates, occurrences: new Map() });
  assert.equal(causeOf(result.differences, '__memcpy_unrelated').cause, 'unexplained');
});

test('names a host program that prints the export as the cause (lib/raid6/mktables.c)', () => {
  const MKTABLES = 'int main(int argc, char *argv[])\n{\n\tprintf("const u8  __attribute__((aligned(256)))\\n"\n\t\t"raid6_gfmul[256][256] =\\n"\n\t\t"{\\n");\n\tprintf("#ifdef __KERNEL__\\n");\n\tprintf("EXPORT_SYMBOL(raid6_gfmul);\\n");\n\tprintf("#endif\\n");\n\treturn 0;\n}\n';
  const files = { 'lib/raid6/mktables.c': MKTABLES };
  const { exports, templates } = scan(files);
  assert.deepEqual(exports, []);
  const result = compareWithSymvers(exports, symvers('raid6_gfmul EXPORT_SYMBOL'), { templates, occurrences: grepWords(files, ['raid6_gfmul']) });
  const { cause, evidence } = causeOf(result.differences, 'raid6_gfmul');
  assert.equal(cause, 'host-generated');
  assert.ok(evidence.includes(`lib/raid6/mktables.c:${lineOf(MKTABLES, 'EXPORT_SYMBOL(raid6_gfmul)')}`), evidence);
});

test('names a #define that renames the exported symbol as the cause', () => {
  // a header maps the name the code writes to the one the linker sees; cpp expands EXPORT_SYMBOL's argument
  const files = {
    'include/linux/example_compat.h': '#ifndef _LINUX_EXAMPLE_COMPAT_H\n#define _LINUX_EXAMPLE_COMPAT_H\n#define example_old_name example_new_name\n#endif\n',
    'lib/example.c': '#include <linux/example_compat.h>\n\nint example_old_name(void) { return 0; }\nEXPORT_SYMBOL(example_old_name);\n',
  };
  const { exports, templates } = scan(files);
  const result = compareWithSymvers(exports, symvers('example_new_name EXPORT_SYMBOL'), { templates, occurrences: grepWords(files, ['example_new_name']) });
  const { cause, evidence } = causeOf(result.differences, 'example_new_name');
  assert.equal(cause, 'renamed-by-define');
  assert.ok(evidence.includes('include/linux/example_compat.h:3'), evidence);
});

test('names an includer in the same directory that pastes a suffix as the cause (lib/lzo/lzo1x_compress_safe.c)', () => {
  const files = { 'lib/lzo/lzo1x_compress.c': LZO1X_COMPRESS_C, 'lib/lzo/lzo1x_compress_safe.c': LZO1X_COMPRESS_SAFE_C };
  const { exports, templates } = scan(files);
  const entries = symvers('lzo1x_1_compress EXPORT_SYMBOL_GPL', 'lzo1x_1_compress_safe EXPORT_SYMBOL_GPL');
  const result = compareWithSymvers(exports, entries, { templates, occurrences: grepWords(files, ['lzo1x_1_compress_safe', '_safe']) });
  assert.equal(result.matching, 1);
  const { cause, evidence } = causeOf(result.differences, 'lzo1x_1_compress_safe');
  assert.equal(cause, 'pasted-by-includer');
  assert.ok(evidence.includes(`lib/lzo/lzo1x_compress_safe.c:${lineOf(LZO1X_COMPRESS_SAFE_C, '##_safe')}`), evidence);
});

test('does not blame a suffix pasted in another directory', () => {
  const files = { 'lib/lzo/lzo1x_compress.c': LZO1X_COMPRESS_C, 'lib/other/lzo_safe_shim.c': LZO1X_COMPRESS_SAFE_C };
  const { exports, templates } = scan(files);
  const result = compareWithSymvers(exports, symvers('lzo1x_1_compress_safe EXPORT_SYMBOL_GPL'), { templates, occurrences: grepWords(files, ['lzo1x_1_compress_safe', '_safe']) });
  assert.equal(causeOf(result.differences, 'lzo1x_1_compress_safe').cause, 'unexplained');
});

// A wrapper defined once per configuration, like iwlwifi's IWL_EXPORT_SYMBOL: the build used the other one
const IWL_DRV_H = '#if IS_ENABLED(CONFIG_IWLWIFI_KUNIT_TESTS)\n#define IWL_EXPORT_SYMBOL(sym)\tEXPORT_SYMBOL_GPL(sym)\n#else\n#define IWL_EXPORT_SYMBOL(sym)\tEXPORT_SYMBOL_NS_GPL(sym, IWLWIFI)\n#endif\n';
const IWL_DRV_C = 'int iwl_opmode_register(const char *name, const struct iwl_op_mode_ops *ops)\n{\n\treturn 0;\n}\nIWL_EXPORT_SYMBOL(iwl_opmode_register);\n';

test('names a wrapper defined twice, per configuration, as the cause of a namespace difference', () => {
  const files = { 'drivers/net/wireless/intel/iwlwifi/iwl-drv.h': IWL_DRV_H, 'drivers/net/wireless/intel/iwlwifi/iwl-drv.c': IWL_DRV_C };
  const context = contextFrom({ 'drivers/net/wireless/intel/iwlwifi/iwl-drv.h': IWL_DRV_H });
  const { exports } = scan({ 'drivers/net/wireless/intel/iwlwifi/iwl-drv.c': IWL_DRV_C }, context);
  assert.deepEqual(exports.map((e) => [e.symbol, e.macro]), [['iwl_opmode_register', 'IWL_EXPORT_SYMBOL']]);
  const result = compareWithSymvers(exports, symvers('iwl_opmode_register EXPORT_SYMBOL_GPL IWLWIFI'), { templates: [], occurrences: grepWords(files, ['IWL_EXPORT_SYMBOL']) });
  const difference = result.differences.find((d) => d.entry.symbol === 'iwl_opmode_register');
  assert.equal(difference?.kind, 'namespace');
  assert.equal(difference.cause, 'config-dependent-wrapper');
  assert.ok(difference.evidence.includes('iwl-drv.h:2') && difference.evidence.includes('iwl-drv.h:4'), difference.evidence);
});

test('calls a difference unexplained when the wrapper has a single definition', () => {
  const header = '#define IWL_EXPORT_SYMBOL(sym)\tEXPORT_SYMBOL_GPL(sym)\n';
  const files = { 'drivers/net/wireless/intel/iwlwifi/iwl-drv.h': header, 'drivers/net/wireless/intel/iwlwifi/iwl-drv.c': IWL_DRV_C };
  const { exports } = scan({ 'drivers/net/wireless/intel/iwlwifi/iwl-drv.c': IWL_DRV_C }, contextFrom({ 'drivers/net/wireless/intel/iwlwifi/iwl-drv.h': header }));
  const result = compareWithSymvers(exports, symvers('iwl_opmode_register EXPORT_SYMBOL_GPL IWLWIFI'), { templates: [], occurrences: grepWords(files, ['IWL_EXPORT_SYMBOL']) });
  assert.equal(causeOf(result.differences, 'iwl_opmode_register').cause, 'unexplained');
});

test('calls a difference unexplained when the tree holds no evidence', () => {
  const files = { 'drivers/vfio/vfio_main.c': 'EXPORT_SYMBOL(vfio_pin_pages);\n' };
  const { exports, templates } = scan(files);
  const entries = symvers('vfio_pin_pages EXPORT_SYMBOL_GPL', 'vanished_symbol EXPORT_SYMBOL');
  const result = compareWithSymvers(exports, entries, { templates, occurrences: grepWords(files, ['vanished_symbol']) });
  assert.deepEqual(result.differences.map((d) => [d.entry.symbol, d.kind, d.cause]), [
    ['vfio_pin_pages', 'license', 'unexplained'],
    ['vanished_symbol', 'missing', 'unexplained'],
  ]);
});
