// parseKbuildNamespace: the DEFAULT_SYMBOL_NAMESPACE a Makefile or Kbuild file passes to the compiler.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKbuildNamespace } from '../../src/exports/parseKbuildNamespace.js';

interface Expected {
  directory?: string;
  subdirectories?: string;
  objects?: Record<string, string>;
}

const CASES: Array<{ behaviour: string; text: string; want: Expected }> = [
  // drivers/cxl/core/Makefile (6.12)
  { behaviour: 'reads a bare namespace from ccflags-y', text: 'obj-$(CONFIG_CXL_BUS) += cxl_core.o\nccflags-y += -I$(srctree)/drivers/cxl\nccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=CXL\n', want: { directory: 'CXL' } },
  // drivers/cxl/core/Makefile (6.13+): the value must reach C as a string literal
  { behaviour: 'reads a shell-quoted string namespace', text: "ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE='\"CXL\"'\n", want: { directory: 'CXL' } },
  { behaviour: 'reads a backslash-escaped string namespace', text: 'ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=\\"CXL\\"\n', want: { directory: 'CXL' } },
  // drivers/usb/storage/Makefile: set with :=
  { behaviour: 'reads ccflags-y set with :=', text: 'ccflags-y := -DDEFAULT_SYMBOL_NAMESPACE=USB_STORAGE\n', want: { directory: 'USB_STORAGE' } },
  // drivers/dma/idxd/Makefile
  { behaviour: 'finds the define among other flags and before a comment', text: 'ccflags-y += -DDEBUG -DDEFAULT_SYMBOL_NAMESPACE=IDXD # the idxd core\n', want: { directory: 'IDXD' } },
  { behaviour: 'reads the define from a continuation line', text: 'ccflags-y += -I$(srctree)/drivers/example \\\n\t     -DDEFAULT_SYMBOL_NAMESPACE=EXAMPLE\nobj-y += example.o\n', want: { directory: 'EXAMPLE' } },
  { behaviour: 'reads ccflags-$(CONFIG_...) as the directory\'s flags', text: 'ccflags-$(CONFIG_EXAMPLE_NS) += -DDEFAULT_SYMBOL_NAMESPACE=EXAMPLE\n', want: { directory: 'EXAMPLE' } },
  // 2.6-era Makefiles
  { behaviour: 'reads EXTRA_CFLAGS as the directory\'s flags', text: 'EXTRA_CFLAGS += -DDEFAULT_SYMBOL_NAMESPACE=LEGACY\n', want: { directory: 'LEGACY' } },
  { behaviour: 'reads subdir-ccflags-y for the directory and those below it', text: 'subdir-ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=EXAMPLE_TREE\nobj-y += core/ drivers/\n', want: { subdirectories: 'EXAMPLE_TREE' } },
  { behaviour: 'reads CFLAGS_<obj>.o for one object, hyphens included', text: 'obj-$(CONFIG_PWM_LPSS) += pwm-lpss.o\nCFLAGS_pwm-lpss.o += -DDEFAULT_SYMBOL_NAMESPACE=PWM_LPSS\nCFLAGS_core.o := -DDEFAULT_SYMBOL_NAMESPACE=PWM\n', want: { objects: { 'pwm-lpss': 'PWM_LPSS', core: 'PWM' } } },
  {
    behaviour: 'keeps directory, subdirectory and object namespaces apart in one file',
    text: 'subdir-ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=TREE\nccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=HERE\nCFLAGS_one.o += -DDEFAULT_SYMBOL_NAMESPACE=ONE\n',
    want: { directory: 'HERE', subdirectories: 'TREE', objects: { one: 'ONE' } },
  },
  { behaviour: 'ignores a commented-out assignment', text: '# ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=OLD\n', want: {} },
  { behaviour: 'ignores assignments that set other flags', text: 'ccflags-y += -I$(srctree)/include -DDEBUG\nasflags-y += -DEXAMPLE\nobj-$(CONFIG_EXAMPLE) += example.o\n', want: {} },
  { behaviour: 'ignores a namespace given to something that is not a compiler flag variable', text: 'EXAMPLE_NOTE = -DDEFAULT_SYMBOL_NAMESPACE=NOPE\n', want: {} },
  { behaviour: 'gives nothing for an empty file', text: '', want: {} },
];

for (const { behaviour, text, want } of CASES) {
  test(behaviour, () => {
    const result = parseKbuildNamespace(text);
    assert.deepEqual(
      { directory: result.directory, subdirectories: result.subdirectories, objects: Object.fromEntries(result.objects) },
      { directory: want.directory ?? null, subdirectories: want.subdirectories ?? null, objects: want.objects ?? {} },
    );
  });
}
