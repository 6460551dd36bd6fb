// parseExports and the preprocessor: dead #if branches, #define bodies, the kernel's own definitions of the
// macros, #ifdef variants, object-like renames and DEFAULT_SYMBOL_NAMESPACE.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportContext } from '../../src/exports/ExportContext.js';
import { MODERN_ERA } from '../../src/exports/macroTable.js';
import { parseExports } from '../../src/exports/parseExports.js';
import { CGROUP_C, EXPORT_H_6_12 } from '../helpers/kernelSources.js';
import { lineOf } from '../helpers/lineOf.js';

const symbols = (text: string, context?: ExportContext): string[] => parseExports('drivers/foo/foo.c', text, context).exports.map((e) => e.symbol);
const withMakefileNamespace = (namespace: string): ExportContext => ({ wrappers: new Map(), era: MODERN_ERA, makefileNamespace: namespace });

const CONDITIONALS: Array<{ behaviour: string; text: string; live: string[] }> = [
  { behaviour: '#if 0 hides the exports up to its #endif', text: '#if 0\nEXPORT_SYMBOL(dead);\n#endif\nEXPORT_SYMBOL(live);\n', live: ['live'] },
  { behaviour: 'the #else of #if 0 is live', text: '#if 0\nEXPORT_SYMBOL(dead);\n#else\nEXPORT_SYMBOL(live);\n#endif\n', live: ['live'] },
  { behaviour: 'the #else of #if 1 is dead', text: '#if 1\nEXPORT_SYMBOL(live);\n#else\nEXPORT_SYMBOL(dead);\n#endif\n', live: ['live'] },
  { behaviour: 'an #elif after #if 0 is live', text: '#if 0\nEXPORT_SYMBOL(dead);\n#elif defined(CONFIG_X86)\nEXPORT_SYMBOL(live);\n#endif\n', live: ['live'] },
  { behaviour: 'an #elif and #else after #if 1 are dead', text: '#if 1\nEXPORT_SYMBOL(live);\n#elif defined(CONFIG_X86)\nEXPORT_SYMBOL(dead1);\n#else\nEXPORT_SYMBOL(dead2);\n#endif\n', live: ['live'] },
  {
    behaviour: 'conditionals nested in #if 0 stay dead, their #else too',
    text: '#if 0\n#ifdef CONFIG_SMP\nEXPORT_SYMBOL(dead1);\n#else\nEXPORT_SYMBOL(dead2);\n#endif\nEXPORT_SYMBOL(dead3);\n#endif\nEXPORT_SYMBOL(live);\n',
    live: ['live'],
  },
  {
    behaviour: '#if 0 nested in #ifdef hides only its own block, and both #ifdef branches are live',
    text: '#ifdef CONFIG_SMP\n#if 0\nEXPORT_SYMBOL(dead);\n#endif\nEXPORT_SYMBOL(live1);\n#else\nEXPORT_SYMBOL(live2);\n#endif\n',
    live: ['live1', 'live2'],
  },
  // 2.4-era files: "# if 0" with a space and a comment naming why
  { behaviour: '"# if 0" with spaces and a trailing comment is still #if 0', text: '# if 0 /* broken on SMP */\nEXPORT_SYMBOL(dead);\n# endif\nEXPORT_SYMBOL(live);\n', live: ['live'] },
  { behaviour: 'an #if 0 block may hold an unterminated apostrophe', text: "#if 0\nthis doesn't compile\nEXPORT_SYMBOL(dead);\n#endif\nEXPORT_SYMBOL(live);\n", live: ['live'] },
];

for (const { behaviour, text, live } of CONDITIONALS) {
  test(behaviour, () => assert.deepEqual(symbols(text), live));
}

test('#ifdef-guarded variants of one symbol give two exports, each on its line', () => {
  // arch/x86/lib: one symbol exported differently per configuration
  const text = '#ifdef CONFIG_SMP\nEXPORT_SYMBOL(__per_cpu_helper);\n#else\nEXPORT_SYMBOL_GPL(__per_cpu_helper);\n#endif\n';
  assert.deepEqual(parseExports('arch/x86/lib/helper.c', text).exports.map((e) => [e.symbol, e.license, e.line]), [
    ['__per_cpu_helper', 'any', 2],
    ['__per_cpu_helper', 'gpl', 4],
  ]);
});

test('a #define that exports its parameter is a template, never an export of the parameter', () => {
  // drivers/net/wireless/intel/iwlwifi/iwl-drv.h-style wrapper
  const text = '#ifdef CONFIG_IWLWIFI_OPMODE_MODULAR\n#define IWL_EXPORT_SYMBOL(sym)\tEXPORT_SYMBOL_NS_GPL(sym, IWLWIFI)\n#else\n#define IWL_EXPORT_SYMBOL(sym)\n#endif\n';
  const result = parseExports('drivers/net/wireless/intel/iwlwifi/iwl-drv.h', text);
  assert.deepEqual(result.exports, []);
  assert.deepEqual(result.unknown, []);
  assert.deepEqual(result.templates.map((t) => [t.name, t.params, t.path, t.line]), [['IWL_EXPORT_SYMBOL', ['sym'], 'drivers/net/wireless/intel/iwlwifi/iwl-drv.h', 2]]);
  assert.ok(result.templates[0]!.expansion.some((call) => call.startsWith('EXPORT_SYMBOL_NS_GPL(sym')), result.templates[0]!.expansion.join('; '));
});

test('the SUBSYS() X-macro of kernel/cgroup/cgroup.c is a template and exports nothing in the file', () => {
  const result = parseExports('kernel/cgroup/cgroup.c', CGROUP_C);
  assert.deepEqual(result.exports, []);
  assert.deepEqual(result.unknown, []);
  assert.deepEqual(result.templates.map((t) => [t.name, t.params, t.line]), [['SUBSYS', ['_x'], lineOf(CGROUP_C, 'DEFINE_STATIC_KEY_TRUE') - 1]]);
});

test('an object-like #define whose body exports is not an export until it is used', () => {
  assert.deepEqual(parseExports('drivers/foo/foo.c', '#define FOO_EXPORTS \\\n\tEXPORT_SYMBOL(foo_a); \\\n\tEXPORT_SYMBOL(foo_b)\n').exports, []);
});

const KERNEL_DEFINITIONS: Array<{ path: string; text: string }> = [
  { path: 'include/linux/export.h', text: EXPORT_H_6_12 },
  {
    // include/linux/module.h (2.6.18): the section-suffix primitive and its users
    path: 'include/linux/module.h',
    text: '#ifdef CONFIG_MODULES\n#define __EXPORT_SYMBOL(sym, sec)\t\t\t\t\\\n\textern typeof(sym) sym;\t\t\t\t\t\\\n\t__CRC_SYMBOL(sym, sec)\t\t\t\t\t\\\n\tstatic const char __kstrtab_##sym[]\t\t\t\\\n\t__attribute__((section("__ksymtab_strings")))\t\t\\\n\t= MODULE_SYMBOL_PREFIX #sym;\t\t\t\t\\\n\tstatic const struct kernel_symbol __ksymtab_##sym\t\\\n\t__attribute_used__\t\t\t\t\t\\\n\t__attribute__((section("__ksymtab" sec), unused))\t\\\n\t= { (unsigned long)&sym, __kstrtab_##sym }\n\n#define EXPORT_SYMBOL(sym)\t\t\t\t\t\\\n\t__EXPORT_SYMBOL(sym, "")\n\n#define EXPORT_SYMBOL_GPL(sym)\t\t\t\t\t\\\n\t__EXPORT_SYMBOL(sym, "_gpl")\n\n#define EXPORT_SYMBOL_GPL_FUTURE(sym)\t\t\t\t\\\n\t__EXPORT_SYMBOL(sym, "_gpl_future")\n\n#ifdef CONFIG_UNUSED_SYMBOLS\n#define EXPORT_UNUSED_SYMBOL(sym) __EXPORT_SYMBOL(sym, "_unused")\n#define EXPORT_UNUSED_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, "_unused_gpl")\n#else\n#define EXPORT_UNUSED_SYMBOL(sym)\n#define EXPORT_UNUSED_SYMBOL_GPL(sym)\n#endif\n\n#else /* !CONFIG_MODULES */\n#define EXPORT_SYMBOL(sym)\n#define EXPORT_SYMBOL_GPL(sym)\n#define EXPORT_SYMBOL_GPL_FUTURE(sym)\n#endif\n',
  },
  {
    // include/asm-generic/export.h (4.9): the assembly side, with a gas .macro
    path: 'include/asm-generic/export.h',
    text: '.macro ___EXPORT_SYMBOL name,val,sec\n#ifdef CONFIG_MODULES\n\t.globl __ksymtab_\\name\n\t.section ___ksymtab\\sec+\\name,"a"\n__ksymtab_\\name:\n\t__put \\val, __kstrtab_\\name\n\t.previous\n#endif\n.endm\n\n#define __EXPORT_SYMBOL(sym, val, sec)\t\t\t\t\\\n\t__cond_export_sym(sym, val, sec, __is_defined(__KSYM_##sym))\n#define __cond_export_sym_1(sym, val, sec) ___EXPORT_SYMBOL sym, val, sec\n#define __cond_export_sym_0(sym, val, sec) /* nothing */\n\n#define EXPORT_SYMBOL(name)\t\t\t\t\t\\\n\t__EXPORT_SYMBOL(name, KSYM_FUNC(name),)\n#define EXPORT_SYMBOL_GPL(name) \t\t\t\t\\\n\t__EXPORT_SYMBOL(name, KSYM_FUNC(name), _gpl)\n#define EXPORT_DATA_SYMBOL(name)\t\t\t\t\\\n\t__EXPORT_SYMBOL(name, name,)\n#define EXPORT_DATA_SYMBOL_GPL(name)\t\t\t\t\\\n\t__EXPORT_SYMBOL(name, name,_gpl)\n',
  },
  {
    // include/linux/tracepoint.h (5.10+) and include/linux/static_call.h
    path: 'include/linux/tracepoint.h',
    text: '#define EXPORT_TRACEPOINT_SYMBOL_GPL(name)\t\t\t\t\\\n\tEXPORT_SYMBOL_GPL(__tracepoint_##name);\t\t\t\t\\\n\tEXPORT_SYMBOL_GPL(__traceiter_##name);\t\t\t\t\\\n\tEXPORT_STATIC_CALL_GPL(tp_func_##name)\n#define EXPORT_TRACEPOINT_SYMBOL(name)\t\t\t\t\t\\\n\tEXPORT_SYMBOL(__tracepoint_##name);\t\t\t\t\\\n\tEXPORT_SYMBOL(__traceiter_##name);\t\t\t\t\\\n\tEXPORT_STATIC_CALL(tp_func_##name)\n#define EXPORT_STATIC_CALL(name)\t\t\t\t\t\\\n\tEXPORT_SYMBOL(STATIC_CALL_KEY(name));\t\t\t\t\\\n\tEXPORT_SYMBOL(STATIC_CALL_TRAMP(name))\n',
  },
  {
    // include/kunit/visibility.h (6.2+): indented directives
    path: 'include/kunit/visibility.h',
    text: '#if IS_ENABLED(CONFIG_KUNIT)\n    #define VISIBLE_IF_KUNIT\n    #define EXPORT_SYMBOL_IF_KUNIT(symbol) EXPORT_SYMBOL_NS(symbol, "EXPORTED_FOR_KUNIT_TESTING")\n#else\n    #define VISIBLE_IF_KUNIT static\n    #define EXPORT_SYMBOL_IF_KUNIT(symbol)\n#endif\n',
  },
];

for (const { path, text } of KERNEL_DEFINITIONS) {
  test(`the kernel's own definitions in ${path} export nothing and are no templates`, () => {
    assert.deepEqual(parseExports(path, text), { exports: [], templates: [], unknown: [] });
  });
}

test('an object-like #define below an export does not rename it (sound/soc/soc-core.c)', () => {
  // sound/soc/soc-core.c: the #else branch turns the PM callbacks into NULL for the ops table
  const text = '#ifdef CONFIG_PM_SLEEP\nint snd_soc_suspend(struct device *dev)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL_GPL(snd_soc_suspend);\n#else\n#define snd_soc_suspend NULL\n#endif\n';
  assert.deepEqual(parseExports('sound/soc/soc-core.c', text).exports.map((e) => [e.symbol, e.exported]), [['snd_soc_suspend', ['snd_soc_suspend']]]);
});

test('an object-like #define above an export renames what lands in the symbol table, as cpp expands the argument', () => {
  const text = '#define example_old_name example_new_name\n\nint example_new_name(void) { return 0; }\nEXPORT_SYMBOL(example_old_name);\n';
  assert.deepEqual(parseExports('lib/example.c', text).exports.map((e) => [e.symbol, e.exported]), [['example_old_name', ['example_new_name']]]);
});

test('an #undef ends an object-like rename for the exports below it', () => {
  // arch/um/os-Linux/user_syms.c-style: the string.h macro is undone before the real function is exported
  const text = '#define memcpy __builtin_memcpy\nvoid copy_page(void *to, void *from) { memcpy(to, from, 4096); }\n#undef memcpy\nvoid *memcpy(void *, const void *, size_t);\nEXPORT_SYMBOL(memcpy);\n';
  assert.deepEqual(parseExports('arch/um/os-Linux/user_syms.c', text).exports.map((e) => [e.symbol, e.exported]), [['memcpy', ['memcpy']]]);
});

const PWM_CORE = (value: string, lpss: string): string =>
  `// SPDX-License-Identifier: GPL-2.0-or-later\n/*\n * Generic pwmlib implementation\n */\n\n#define DEFAULT_SYMBOL_NAMESPACE ${value}\n\n#include <linux/acpi.h>\n#include <linux/module.h>\n\nEXPORT_SYMBOL_GPL(__pwmchip_add);\nEXPORT_SYMBOL(pwm_legacy_request);\nEXPORT_TRACEPOINT_SYMBOL_GPL(pwm_apply);\nEXPORT_SYMBOL_NS_GPL(pwm_lpss_probe, ${lpss});\nEXPORT_SYMBOL_GPL_FOR_MODULES(pwm_kvm_helper, "kvm");\nEXPORT_SYMBOL_IF_KUNIT(pwm_test_helper);\n`;

for (const [era, value, lpss] of [['6.12, bare', 'PWM', 'PWM_LPSS'], ['6.13+, quoted', '"PWM"', '"PWM_LPSS"']] as const) {
  test(`a DEFAULT_SYMBOL_NAMESPACE defined at the top (${era}) applies to EXPORT_SYMBOL and _GPL, not to macros naming their own`, () => {
    // drivers/pwm/core.c
    const namespaces = parseExports('drivers/pwm/core.c', PWM_CORE(value, lpss)).exports.map((e) => [e.symbol, e.namespace]);
    assert.deepEqual(namespaces, [
      ['__pwmchip_add', 'PWM'],
      ['pwm_legacy_request', 'PWM'],
      ['pwm_apply', 'PWM'], // EXPORT_TRACEPOINT_SYMBOL_GPL expands to EXPORT_SYMBOL_GPL
      ['pwm_lpss_probe', 'PWM_LPSS'],
      ['pwm_kvm_helper', 'module:kvm'],
      ['pwm_test_helper', 'EXPORTED_FOR_KUNIT_TESTING'],
    ]);
  });
}

test('a DEFAULT_SYMBOL_NAMESPACE defined after an #include has no effect (drivers/pwm/pwm-lpss.c in 6.12.y)', () => {
  // export.h tests #ifdef DEFAULT_SYMBOL_NAMESPACE when it is included; Module.symvers has no namespace
  const text = '#include <linux/bits.h>\n#include <linux/module.h>\n#include "pwm-lpss.h"\n\n#define DEFAULT_SYMBOL_NAMESPACE PWM_LPSS\n\nEXPORT_SYMBOL_GPL(devm_pwm_lpss_probe);\n';
  assert.deepEqual(parseExports('drivers/pwm/pwm-lpss.c', text).exports.map((e) => e.namespace), [null]);
});

test('an #undef and #define at the top replace the Makefile\'s namespace (drivers/tty/serial/sc16is7xx.c)', () => {
  const text = '#undef DEFAULT_SYMBOL_NAMESPACE\n#define DEFAULT_SYMBOL_NAMESPACE SERIAL_NXP_SC16IS7XX\n\n#include <linux/bitfield.h>\n\nEXPORT_SYMBOL_GPL(sc16is7xx_probe);\n';
  assert.deepEqual(parseExports('drivers/tty/serial/sc16is7xx.c', text, withMakefileNamespace('SERIAL')).exports.map((e) => e.namespace), ['SERIAL_NXP_SC16IS7XX']);
});

test('an #undef DEFAULT_SYMBOL_NAMESPACE before the includes cancels the Makefile\'s namespace', () => {
  const text = '#undef DEFAULT_SYMBOL_NAMESPACE\n#include <linux/module.h>\n\nEXPORT_SYMBOL_GPL(cxl_legacy_helper);\n';
  assert.deepEqual(parseExports('drivers/cxl/core/legacy.c', text, withMakefileNamespace('CXL')).exports.map((e) => e.namespace), [null]);
});

test('the Makefile\'s namespace applies to EXPORT_SYMBOL_GPL when the file says nothing', () => {
  const text = '#include <linux/module.h>\n\nEXPORT_SYMBOL_GPL(cxl_bus_type);\nEXPORT_SYMBOL_NS_GPL(cxl_other, CXL_OTHER);\n';
  assert.deepEqual(parseExports('drivers/cxl/core/port.c', text, withMakefileNamespace('CXL')).exports.map((e) => e.namespace), ['CXL', 'CXL_OTHER']);
});

test('an #undef and #define after the includes leave the namespace unset (drivers/hwmon/nct6775-core.c in 6.12)', () => {
  const text = '#include <linux/module.h>\n#include "nct6775.h"\n\n#undef DEFAULT_SYMBOL_NAMESPACE\n#define DEFAULT_SYMBOL_NAMESPACE HWMON_NCT6775\n\nEXPORT_SYMBOL_GPL(nct6775_probe);\n';
  assert.deepEqual(parseExports('drivers/hwmon/nct6775-core.c', text).exports.map((e) => e.namespace), [null]);
});
