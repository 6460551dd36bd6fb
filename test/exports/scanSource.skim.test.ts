// While only names with EXPORT in them matter, scanSource skims: it passes over plain code and line
// ends up to the next comment, literal, splice, `#` line or EXPORT, and passes identifiers without
// copying them. Skimming must never change what is found: each text here is also scanned with an
// extra wrapper name it never uses, which turns skimming off, and both scans must agree exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanSource } from '../../src/exports/scanSource.js';

const PLAIN = Array.from({ length: 40 }, (_, i) => `static int v${i} = ${i} * 2 / 1;`).join('\n');

const CASES: { behaviour: string; text: string; found: string[] }[] = [
  {
    behaviour: 'an #if 0 after many skimmed lines still hides its export',
    text: `${PLAIN}\n#if 0\nEXPORT_SYMBOL(dead);\n#endif\nEXPORT_SYMBOL(live);\n`,
    found: ['EXPORT_SYMBOL(live)@44'],
  },
  {
    behaviour: 'a directive after a comment at the start of its line is still a directive',
    text: `${PLAIN}\n  /* alias */ #define EXPORT_ALIAS(x) EXPORT_SYMBOL_GPL(x)\nint foo;\nEXPORT_ALIAS(foo);\n`,
    found: ['EXPORT_ALIAS(foo)@43'],
  },
  {
    behaviour: 'a # inside a line, a string or a character is not a directive, and lines stay counted',
    text: `${PLAIN}\nchar c = '#'; const char *s = "#if 0"; int x = 1; // #if 0\n  movl $1, %eax # comment\nEXPORT_SYMBOL(after);\n`,
    found: ['EXPORT_SYMBOL(after)@43'],
  },
  {
    behaviour: 'a splice continues a line, so a # after it starts no directive',
    text: `${PLAIN}\nint a = \\\n #if 0\n1;\nEXPORT_SYMBOL(spliced);\n`,
    found: ['EXPORT_SYMBOL(spliced)@44'],
  },
  {
    behaviour: 'an export after code on its own line, and one whose name is split by a splice',
    text: `${PLAIN}\nint foo(void) { return 0; } EXPORT_SYMBOL(foo);\nEXPORT_SYM\\\nBOL_GPL(bar);\n`,
    found: ['EXPORT_SYMBOL(foo)@41', 'EXPORT_SYMBOL_GPL(bar)@42'],
  },
  {
    behaviour: 'CRLF line ends',
    text: `${PLAIN.replaceAll('\n', '\r\n')}\r\n#if 0\r\nEXPORT_SYMBOL(dead);\r\n#endif\r\nEXPORT_SYMBOL(live);\r\n`,
    found: ['EXPORT_SYMBOL(live)@44'],
  },
];

const described = (text: string, extra?: ReadonlySet<string>): string =>
  JSON.stringify(scanSource(text, extra), (_key, value: unknown) => (value instanceof Map ? [...value] : value));

for (const { behaviour, text, found } of CASES) {
  test(`skimming: ${behaviour}`, () => {
    const facts = scanSource(text);
    assert.deepEqual(facts.invocations.map((i) => `${i.name}(${i.args.map((a) => a.join(' ')).join(',')})@${i.line}`), found);
    assert.equal(described(text), described(text, new Set(['NEVER_USED_WRAPPER'])), 'skimming changed the facts');
  });
}
