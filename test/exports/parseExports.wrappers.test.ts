// parseExports through wrappers (the file's own and the tree's), macro arguments that are macros, and
// invocations it cannot read: unknown macros, bad arguments, malformed text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExports } from '../../src/exports/parseExports.js';
import type { UnknownExport } from '../../src/model.js';
import { ACLINUX_H, ACTYPES_H, contextFrom, LZO1X_COMPRESS_C } from '../helpers/kernelSources.js';
import { lineOf } from '../helpers/lineOf.js';

// A file-local generator of seq_file operations, exported by pasted name (the pattern of many drivers'
// DEFINE_*_OPS helpers)
const LOCAL_WRAPPER = `#define DEFINE_EXAMPLE_OPS(n)						\\
const struct seq_operations n##_ops = {					\\
	.start	= n##_start,						\\
	.next	= n##_next,						\\
	.stop	= n##_stop,						\\
	.show	= n##_show,						\\
};									\\
EXPORT_SYMBOL(n##_ops)

DEFINE_EXAMPLE_OPS(foo);
DEFINE_EXAMPLE_OPS(bar);
`;

test('a file-local wrapper exports the pasted name at each invocation, and is reported as a template', () => {
  const result = parseExports('fs/example/seq.c', LOCAL_WRAPPER);
  assert.deepEqual(result.exports.map((e) => [e.symbol, e.exported, e.macro, e.baseMacro, e.license, e.line]), [
    ['foo_ops', ['foo_ops'], 'DEFINE_EXAMPLE_OPS', 'EXPORT_SYMBOL', 'any', lineOf(LOCAL_WRAPPER, 'DEFINE_EXAMPLE_OPS(foo)')],
    ['bar_ops', ['bar_ops'], 'DEFINE_EXAMPLE_OPS', 'EXPORT_SYMBOL', 'any', lineOf(LOCAL_WRAPPER, 'DEFINE_EXAMPLE_OPS(bar)')],
  ]);
  assert.deepEqual(result.templates.map((t) => [t.name, t.params, t.line]), [['DEFINE_EXAMPLE_OPS', ['n'], 1]]);
  assert.deepEqual(result.unknown, []);
});

// drivers/acpi/acpica/utxface.c: ACPICA exports through include/acpi/platform/aclinux.h's wrapper
const UTXFACE_C = `acpi_status acpi_install_interface(acpi_string interface_name)
{
	return (AE_OK);
}

ACPI_EXPORT_SYMBOL(acpi_install_interface)
`;

test('a wrapper the tree defines (ACPI_EXPORT_SYMBOL) is seen through with the context\'s wrappers', () => {
  // include/acpi/actypes.h also defines it empty for user space: the exporting definition must win
  const context = contextFrom({ 'include/acpi/actypes.h': ACTYPES_H, 'include/acpi/platform/aclinux.h': ACLINUX_H });
  const result = parseExports('drivers/acpi/acpica/utxface.c', UTXFACE_C, context);
  assert.deepEqual(result.exports.map((e) => [e.symbol, e.exported, e.macro, e.baseMacro, e.license, e.namespace, e.line]), [
    ['acpi_install_interface', ['acpi_install_interface'], 'ACPI_EXPORT_SYMBOL', 'EXPORT_SYMBOL', 'any', null, lineOf(UTXFACE_C, 'ACPI_EXPORT_SYMBOL(')],
  ]);
  assert.deepEqual(result.unknown, []);
});

test('without the tree\'s headers, ACPI_EXPORT_SYMBOL is reported as an unknown macro, not dropped', () => {
  const result = parseExports('drivers/acpi/acpica/utxface.c', UTXFACE_C);
  assert.deepEqual(result.exports, []);
  const expected: UnknownExport = {
    reason: 'unknown-macro', macro: 'ACPI_EXPORT_SYMBOL', args: ['acpi_install_interface'],
    path: 'drivers/acpi/acpica/utxface.c', line: lineOf(UTXFACE_C, 'ACPI_EXPORT_SYMBOL('),
  };
  assert.deepEqual(result.unknown, [expected]);
});

test('EXPORT_SYMBOL_GPL(LZO_SAFE(lzo1x_1_compress)) exports lzo1x_1_compress through the file\'s own #define', () => {
  const result = parseExports('lib/lzo/lzo1x_compress.c', LZO1X_COMPRESS_C);
  assert.deepEqual(result.exports.map((e) => [e.symbol, e.exported, e.license, e.line]), [
    ['lzo1x_1_compress', ['lzo1x_1_compress'], 'gpl', lineOf(LZO1X_COMPRESS_C, 'EXPORT_SYMBOL_GPL(')],
  ]);
  assert.deepEqual(result.unknown, []);
});

test('an unknown EXPORT_*SYMBOL* macro is reported with reason unknown-macro', () => {
  const text = 'int foo_probe(void) { return 0; }\nEXPORT_FOO_SYMBOL(foo_probe);\n';
  const result = parseExports('drivers/foo/foo.c', text);
  assert.deepEqual(result.exports, []);
  assert.deepEqual(result.unknown, [{ reason: 'unknown-macro', macro: 'EXPORT_FOO_SYMBOL', args: ['foo_probe'], path: 'drivers/foo/foo.c', line: 2 }]);
});

const BAD_ARGUMENTS: Array<{ behaviour: string; text: string; macro: string }> = [
  { behaviour: 'an expression', text: 'EXPORT_SYMBOL(foo + 1);\n', macro: 'EXPORT_SYMBOL' },
  { behaviour: 'a string literal', text: 'EXPORT_SYMBOL("foo");\n', macro: 'EXPORT_SYMBOL' },
  { behaviour: 'no argument', text: 'EXPORT_SYMBOL();\n', macro: 'EXPORT_SYMBOL' },
  { behaviour: 'two symbols', text: 'EXPORT_SYMBOL_GPL(foo, bar);\n', macro: 'EXPORT_SYMBOL_GPL' },
  { behaviour: 'a name starting with a digit (not a C identifier)', text: 'EXPORT_SYMBOL(9p_client_create);\n', macro: 'EXPORT_SYMBOL' },
  { behaviour: 'a missing namespace', text: 'EXPORT_SYMBOL_NS_GPL(foo);\n', macro: 'EXPORT_SYMBOL_NS_GPL' },
  { behaviour: 'a missing module list', text: 'EXPORT_SYMBOL_GPL_FOR_MODULES(foo);\n', macro: 'EXPORT_SYMBOL_GPL_FOR_MODULES' },
];

for (const { behaviour, text, macro } of BAD_ARGUMENTS) {
  test(`${macro} with ${behaviour} goes to unknown with reason bad-arguments`, () => {
    const result = parseExports('drivers/foo/foo.c', text);
    assert.deepEqual(result.exports, []);
    assert.deepEqual(result.unknown.map((u) => [u.reason, u.macro, u.line]), [['bad-arguments', macro, 1]]);
  });
}

test('a tracepoint name starting with a digit is accepted (net/9p: 9p_fid_ref)', () => {
  // net/9p/client.c: EXPORT_TRACEPOINT_SYMBOL(9p_fid_ref); the name only ever follows a prefix
  const result = parseExports('net/9p/client.c', '#define CREATE_TRACE_POINTS\n#include <trace/events/9p.h>\n\nEXPORT_TRACEPOINT_SYMBOL(9p_fid_ref);\n');
  assert.deepEqual(result.exports.map((e) => [e.symbol, e.exported, e.line]), [
    ['9p_fid_ref', ['__tracepoint_9p_fid_ref', '__traceiter_9p_fid_ref', '__SCK__tp_func_9p_fid_ref', '__SCT__tp_func_9p_fid_ref'], 4],
  ]);
  assert.deepEqual(result.unknown, []);
});

const MALFORMED: Array<{ behaviour: string; text: string }> = [
  { behaviour: 'a missing ")" before the ";"', text: 'EXPORT_SYMBOL(broken;\nEXPORT_SYMBOL(after);\n' },
  { behaviour: 'a missing ")" before a function body', text: 'EXPORT_SYMBOL(broken\n\nint after_fn(void)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL(after);\n' },
  { behaviour: 'a missing ")" with the next export on the next line', text: 'EXPORT_SYMBOL(broken\nEXPORT_SYMBOL(after);\n' },
];

for (const { behaviour, text } of MALFORMED) {
  test(`an invocation with ${behaviour} does not swallow the export after it`, () => {
    const exports = parseExports('drivers/foo/foo.c', text).exports.map((e) => [e.symbol, e.line]);
    assert.deepEqual(exports, [['after', lineOf(text, '(after)')]]);
  });
}
