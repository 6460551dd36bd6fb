// parseExports on the text around an export: comments, literals, spacing, splices, line numbers,
// assembly quirks, and input that is empty, not UTF-8, or not text at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExports } from '../../src/exports/parseExports.js';
import { decodeText } from '../../src/git/decodeText.js';
import { lineOf } from '../helpers/lineOf.js';

/** (symbol, line) of each export, in order. */
const found = (text: string, path = 'lib/example.c'): Array<[string, number]> =>
  parseExports(path, text).exports.map((e) => [e.symbol, e.line]);

const HIDDEN: Array<{ behaviour: string; text: string }> = [
  // a commented-out export left behind after an API change
  { behaviour: 'ignores an export in a // comment', text: '// EXPORT_SYMBOL(old_api);\tremoved in 2.6.20\nEXPORT_SYMBOL(new_api);\n' },
  // kernel-doc and block comments that quote the macro
  { behaviour: 'ignores exports in a multi-line block comment', text: '/*\n * Drivers used to need\n * EXPORT_SYMBOL(old_api);\n * here.\n */\nEXPORT_SYMBOL(new_api);\n' },
  { behaviour: 'ignores a block comment that starts on a code line and ends on the export line', text: 'int x; /* was: EXPORT_SYMBOL(old_api);\n */ EXPORT_SYMBOL(new_api);\n' },
  // C splices lines before removing comments: a // comment ending in a backslash eats the next line
  { behaviour: 'ignores the line after a // comment that ends in a backslash', text: '// the old export, kept for reference \\\nEXPORT_SYMBOL(old_api);\nEXPORT_SYMBOL(new_api);\n' },
  // lib/raid6/mktables.c: a host program that prints export lines
  { behaviour: 'ignores an export inside a string literal', text: '\tprintf("EXPORT_SYMBOL(old_api);\\n");\nEXPORT_SYMBOL(new_api);\n' },
  { behaviour: 'ignores an export inside a string with escaped quotes', text: '\tpr_info("use \\"EXPORT_SYMBOL(old_api)\\" instead\\n");\nEXPORT_SYMBOL(new_api);\n' },
  { behaviour: 'ignores an export inside a string continued by a backslash', text: 'static const char msg[] = "first half \\\nEXPORT_SYMBOL(old_api)";\nEXPORT_SYMBOL(new_api);\n' },
  { behaviour: 'ignores an export inside a character literal', text: "\tint c = 'EXPORT_SYMBOL(old_api)';\nEXPORT_SYMBOL(new_api);\n" },
  // lib/vsprintf.c-style parsing: a quote character in a char literal opens no string
  { behaviour: 'does not open a string at a double quote inside a char literal', text: "\tif (*p == '\"' || *p == '\\'')\n\t\tp++;\nEXPORT_SYMBOL(new_api);\n" },
];

for (const { behaviour, text } of HIDDEN) {
  test(behaviour, () => {
    assert.deepEqual(found(text), [['new_api', lineOf(text, 'EXPORT_SYMBOL(new_api)')]]);
  });
}

const SPACING: Array<{ behaviour: string; text: string; namespace?: string }> = [
  { behaviour: 'accepts a space before the parenthesis', text: 'EXPORT_SYMBOL (foo);\n' },
  { behaviour: 'accepts spaces inside the parentheses', text: 'EXPORT_SYMBOL( foo );\n' },
  { behaviour: 'accepts tabs around the name', text: 'EXPORT_SYMBOL\t(\tfoo\t)\t;\n' },
  { behaviour: 'accepts a comment inside the parentheses', text: 'EXPORT_SYMBOL(/* the new name */ foo);\n' },
  { behaviour: 'accepts the symbol on the line after the parenthesis', text: 'EXPORT_SYMBOL(\n\tfoo);\n' },
  { behaviour: 'accepts the parenthesis on the line after the macro name', text: 'EXPORT_SYMBOL\n(foo);\n' },
  // drivers/cxl/core/port.c style: the namespace aligned under the symbol
  { behaviour: 'accepts a namespace argument on its own line', text: 'EXPORT_SYMBOL_NS_GPL(foo,\n\t\t     CXL);\n', namespace: 'CXL' },
  { behaviour: 'accepts spaces around the comma', text: 'EXPORT_SYMBOL_NS_GPL( foo , CXL );\n', namespace: 'CXL' },
  { behaviour: 'accepts a backslash continuation inside the parentheses', text: 'EXPORT_SYMBOL(foo \\\n);\n' },
  { behaviour: 'accepts a backslash continuation between the name and the parenthesis', text: 'EXPORT_SYMBOL \\\n\t(foo);\n' },
];

for (const { behaviour, text, namespace } of SPACING) {
  test(`${behaviour}, and reports the line of the macro name`, () => {
    const result = parseExports('lib/example.c', text);
    assert.deepEqual(result.exports.map((e) => [e.symbol, e.line, e.namespace]), [['foo', 1, namespace ?? null]]);
    assert.deepEqual(result.unknown, []);
  });
}

test('finds several exports on one line', () => {
  assert.deepEqual(found('EXPORT_SYMBOL(a); EXPORT_SYMBOL_GPL(b);EXPORT_SYMBOL(c)\n'), [['a', 1], ['b', 1], ['c', 1]]);
});

const LINES = `/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lib/example.c
 *
 * Copyright (C) 2003 Example
 */
#include <linux/export.h>

static const char banner[] = "example: a \\
two-line string";

#define EXAMPLE_MAX \\
	16

int alpha(void) { return 0; }
EXPORT_SYMBOL(alpha);
// a comment \\
   continued onto this line
EXPORT_SYMBOL_GPL(beta); /* a comment over
two lines */ EXPORT_SYMBOL(gamma);
EXPORT_SYMBOL(
	delta);
`;
const LINE_MARKERS: Array<[string, string]> = [
  ['alpha', 'EXPORT_SYMBOL(alpha)'], ['beta', 'EXPORT_SYMBOL_GPL(beta)'], ['gamma', 'EXPORT_SYMBOL(gamma)'], ['delta', 'EXPORT_SYMBOL(\n'],
];

test('reports exact line numbers across comments, splices and multi-line strings', () => {
  assert.deepEqual(found(LINES), LINE_MARKERS.map(([symbol, marker]) => [symbol, lineOf(LINES, marker)]));
});

test('reports the same line numbers when the file has CRLF line endings', () => {
  assert.deepEqual(found(LINES.replace(/\n/g, '\r\n')), LINE_MARKERS.map(([symbol, marker]) => [symbol, lineOf(LINES, marker)]));
});

// arch/*/lib/*.S: GNU as takes 'A as a character constant, and # starts comments with apostrophes
const ASSEMBLY = `#include <linux/export.h>
#include <linux/linkage.h>

SYM_FUNC_START(example_tolower)
	cmpb	$'A, %al
	jb	1f
	cmpb	$'Z, %al
	ja	1f
	addb	$('a - 'A), %al
1:	RET
SYM_FUNC_END(example_tolower)
EXPORT_SYMBOL(example_tolower)

	# don't clobber %rdi: the caller's
SYM_FUNC_START(example_copy)
	movb	$'", %al
	RET
SYM_FUNC_END(example_copy)
EXPORT_SYMBOL_GPL(example_copy)
`;

test('finds the exports after unterminated character constants in a .S file, on their lines', () => {
  const result = parseExports('arch/x86/lib/example.S', ASSEMBLY);
  assert.deepEqual(result.exports.map((e) => [e.symbol, e.license, e.line]), [
    ['example_tolower', 'any', lineOf(ASSEMBLY, 'EXPORT_SYMBOL(example_tolower)')],
    ['example_copy', 'gpl', lineOf(ASSEMBLY, 'EXPORT_SYMBOL_GPL(example_copy)')],
  ]);
});

test('an empty file has no exports, templates or unknown invocations', () => {
  assert.deepEqual(parseExports('lib/empty.c', ''), { exports: [], templates: [], unknown: [] });
});

test('a file of only comments and blank lines has nothing', () => {
  assert.deepEqual(parseExports('lib/empty.c', '\n\n/* nothing */\n// here\n\n'), { exports: [], templates: [], unknown: [] });
});

test('reads a Latin-1 file (2.4-era copyright lines) decoded by decodeText, with exact lines', () => {
  // drivers/char/*.c in 2.4: authors' names in Latin-1, before and inside literals
  const bytes = Buffer.from('/*\n * Copyright (C) 1998 Fran\xe7ois R\xe9my\n */\nstatic char *unit = "\xb5s";\nEXPORT_SYMBOL(fr_init);\n', 'latin1');
  const text = decodeText(bytes);
  assert.ok(text.includes('François'), 'decodeText falls back to Latin-1');
  assert.deepEqual(found(text), [['fr_init', 5]]);
});

test('reads UTF-8 text with multi-byte characters before the export', () => {
  const text = decodeText(Buffer.from('/* Copyright © 2019 Jürgen Groß */\nstatic const char *deg = "°C";\nEXPORT_SYMBOL_GPL(xen_init);\n', 'utf8'));
  assert.deepEqual(found(text), [['xen_init', 3]]);
});

/** Deterministic bytes (a 32-bit LCG), with NULs, so a failure can be replayed. */
function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

test('random binary bytes with NULs give nothing, without crashing or hanging', { timeout: 10_000 }, () => {
  for (const seed of [1, 2, 3]) {
    const bytes = randomBytes(256 * 1024, seed);
    assert.ok(bytes.includes(0) && !bytes.includes('EXPORT'), 'the fixture has NULs and no export text');
    assert.deepEqual(parseExports('firmware/blob.c', decodeText(bytes)), { exports: [], templates: [], unknown: [] });
  }
});

test('an export line between NUL-padded binary bytes is found, as gcc (which ignores NULs) builds it', () => {
  const bytes = Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    Buffer.from('\nEXPORT_SYMBOL(x);\n'),
    Buffer.alloc(64),
  ]);
  assert.deepEqual(found(decodeText(bytes)), [['x', 2]]);
});
