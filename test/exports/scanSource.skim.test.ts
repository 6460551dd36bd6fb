// scanSource skims: it passes over plain code and line ends up to the next comment, literal, splice,
// `#` line or interesting text (EXPORT, an extra wrapper name, a wrapper the file defined above), and
// passes other identifiers without copying them. Skimming must never change what is found: each text
// here is also scanned with skimming off, with and without extra names, and the scans must agree.
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
    behaviour: 'a wrapper without EXPORT, given by the tree or defined in the file, is found after skimmed lines',
    text: `${PLAIN}\nPROVIDES_THING(thing);\n#define LOCAL_WRAP(x) EXPORT_SYMBOL(x)\n${PLAIN}\nstatic int a; LOCAL_WRAP(a);\n`,
    found: ['LOCAL_WRAP(a)@83'],
  },
  {
    behaviour: 'an EXPORT inside a number\'s exponent is part of the number, as cpp reads it',
    text: `${PLAIN}\nint x = 1e+EXPORT_SYMBOL(foo); int y = 0x1p-EXPORT_SYMBOL(bar);\nEXPORT_SYMBOL(real);\n`,
    found: ['EXPORT_SYMBOL(real)@42'],
  },
  {
    behaviour: 'CRLF line ends',
    text: `${PLAIN.replaceAll('\n', '\r\n')}\r\n#if 0\r\nEXPORT_SYMBOL(dead);\r\n#endif\r\nEXPORT_SYMBOL(live);\r\n`,
    found: ['EXPORT_SYMBOL(live)@44'],
  },
];

const described = (text: string, extra?: ReadonlySet<string>, skim = true): string =>
  JSON.stringify(scanSource(text, extra, skim), (_key, value: unknown) => (value instanceof Map ? [...value] : value));

for (const { behaviour, text, found } of CASES) {
  test(`skimming: ${behaviour}`, () => {
    const facts = scanSource(text);
    assert.deepEqual(facts.invocations.map((i) => `${i.name}(${i.args.map((a) => a.join(' ')).join(',')})@${i.line}`), found);
    assert.equal(described(text), described(text, undefined, false), 'skimming changed the facts');
    for (const extra of [new Set(['PROVIDES_THING']), new Set(['NEVER_USED', 'EXPORT_ALIAS'])]) {
      assert.equal(described(text, extra), described(text, extra, false), `skimming changed the facts with extra names ${[...extra]}`);
    }
  });
}

test('skimming: an extra wrapper name the tree gives is found after skimmed lines, in the line it is on', () => {
  const text = `${PLAIN}\nint thing; PROVIDES_THING(thing);\n`;
  const names = (extra?: ReadonlySet<string>): string[] => scanSource(text, extra).invocations.map((i) => `${i.name}@${i.line}`);
  assert.deepEqual(names(new Set(['PROVIDES_THING'])), ['PROVIDES_THING@41']);
  assert.deepEqual(names(), []);
});
