// readElfImports: the undefined symbols of an ELF object's .symtab, from objects built in the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadInput } from '../../src/errors.js';
import { readElfImports } from '../../src/modules/readElfImports.js';
import { buildElf, type ElfOptions, type ElfSymbol } from '../helpers/buildElf.js';

// What gcc -c writes for a small module source: a file symbol, a section symbol, locals, then globals.
const MODULE: ElfSymbol[] = [
  { name: 'demo.c', type: 'file', section: 'abs', bind: 'local' },
  { name: '', type: 'section', section: 'text', bind: 'local' },
  { name: 'demo_helper', type: 'func', section: 'text', bind: 'local' },
  { name: 'demo_init', type: 'func', section: 'text' },
  { name: '_printk' },
  { name: 'vfio_pin_pages' },
  { name: 'init_module', type: 'func', section: 'text' },
  { name: '__fentry__' },
];
const IMPORTS = ['_printk', 'vfio_pin_pages', '__fentry__'];

const FORMATS: Array<Pick<ElfOptions, 'bits' | 'endian'>> = [
  { bits: 64, endian: 'little' },
  { bits: 32, endian: 'little' },
  { bits: 64, endian: 'big' },
  { bits: 32, endian: 'big' },
];

for (const format of FORMATS) {
  test(`reads the undefined symbols of an ELF${format.bits} ${format.endian}-endian object in table order`, () => {
    assert.deepEqual(readElfImports(buildElf({ ...format, symbols: MODULE }), 'demo.ko'), IMPORTS);
  });
}

const SELECTIONS: Array<{ behaviour: string; symbols: ElfSymbol[]; want: string[] }> = [
  { behaviour: 'leaves out defined symbols, global, local and absolute', symbols: [{ name: 'here', section: 'text' }, { name: 'abs', section: 'abs' }, { name: 'there' }], want: ['there'] },
  { behaviour: 'keeps weak undefined symbols, which a module binds when the kernel has them', symbols: [{ name: 'maybe_there', bind: 'weak' }], want: ['maybe_there'] },
  { behaviour: 'keeps undefined data symbols as well as functions', symbols: [{ name: 'jiffies', type: 'object' }], want: ['jiffies'] },
  { behaviour: 'skips undefined section and file symbols', symbols: [{ name: 'odd.c', type: 'file', bind: 'local' }, { name: '.text', type: 'section', bind: 'local' }, { name: 'kfree' }], want: ['kfree'] },
  { behaviour: 'skips an undefined symbol with an empty name', symbols: [{ name: '' }, { name: 'kfree' }], want: ['kfree'] },
  { behaviour: 'gives nothing for an object that imports nothing', symbols: [{ name: 'only_mine', section: 'text' }], want: [] },
  { behaviour: 'gives nothing for a symbol table with only the null symbol', symbols: [], want: [] },
];

for (const { behaviour, symbols, want } of SELECTIONS) {
  test(behaviour, () => assert.deepEqual(readElfImports(buildElf({ bits: 64, endian: 'little', symbols }), 'demo.ko'), want));
}

test('ignores __versions, which lists only the imports that have CRCs', () => {
  const elf = buildElf({ bits: 64, endian: 'little', symbols: [{ name: 'kfree' }], versions: ['module_layout', 'kfree', 'only_in_versions'] });
  assert.deepEqual(readElfImports(elf, 'demo.ko'), ['kfree']);
});

test('reads an object that is a view into a larger buffer', () => {
  const elf = buildElf({ bits: 32, endian: 'big', symbols: MODULE });
  const padded = Buffer.concat([Buffer.alloc(13, 0xee), elf, Buffer.alloc(7, 0xee)]);
  assert.deepEqual(readElfImports(padded.subarray(13, 13 + elf.length), 'demo.ko'), IMPORTS);
});

test('refuses a stripped object, which has no .symtab, with a BadInput that says so', () => {
  const elf = buildElf({ bits: 64, endian: 'little', symbols: MODULE, stripped: true, versions: ['kfree'] });
  assert.throws(() => readElfImports(elf, 'demo.ko'), (error: unknown) => error instanceof BadInput && /demo\.ko.*stripped/.test(error.message));
});

// Field offsets of an ELF64 little-endian object, to break one field at a time.
const sectionHeader = (elf: Buffer, index: number) => Number(elf.readBigUInt64LE(40)) + index * 64;
const SYMTAB = 2;
const STRTAB = 3;

const MALFORMED: Array<{ behaviour: string; change: (elf: Buffer) => void; message: RegExp }> = [
  { behaviour: 'refuses an unknown ELF class', change: (elf) => void (elf[4] = 3), message: /unknown class 3/ },
  { behaviour: 'refuses an unknown byte order', change: (elf) => void (elf[5] = 0), message: /unknown byte order 0/ },
  { behaviour: 'refuses a section header size that is not the one of its class', change: (elf) => void elf.writeUInt16LE(40, 58), message: /section header size 40, expected 64/ },
  { behaviour: 'refuses section headers past the end of the file', change: (elf) => void elf.writeBigUInt64LE(BigInt(elf.length), 40), message: /truncated ELF: the first section header/ },
  { behaviour: 'refuses a section count that runs past the end of the file', change: (elf) => void elf.writeUInt16LE(0xfeff, 60), message: /truncated ELF: the section header table of 65279 entries/ },
  { behaviour: 'refuses a 64-bit section offset beyond any buffer', change: (elf) => void elf.writeBigUInt64LE(0xffffffffffffff00n, 40), message: /truncated ELF/ },
  { behaviour: 'refuses a .symtab entry size that is wrong for the class', change: (elf) => void elf.writeBigUInt64LE(16n, sectionHeader(elf, SYMTAB) + 56), message: /\.symtab entry size 16, expected 24/ },
  { behaviour: 'refuses a .symtab size that is not a whole number of entries', change: (elf) => void elf.writeBigUInt64LE(elf.readBigUInt64LE(sectionHeader(elf, SYMTAB) + 32) - 1n, sectionHeader(elf, SYMTAB) + 32), message: /not a multiple of its entry size 24/ },
  { behaviour: 'refuses a .symtab that runs past the end of the file', change: (elf) => void elf.writeBigUInt64LE(BigInt(elf.length), sectionHeader(elf, SYMTAB) + 24), message: /truncated ELF: \.symtab/ },
  { behaviour: 'refuses a .symtab linked to no section', change: (elf) => void elf.writeUInt32LE(0, sectionHeader(elf, SYMTAB) + 40), message: /string table as section 0/ },
  { behaviour: 'refuses a .symtab linked past the last section', change: (elf) => void elf.writeUInt32LE(99, sectionHeader(elf, SYMTAB) + 40), message: /string table as section 99 of 5/ },
  { behaviour: 'refuses a .symtab linked to a section that is not a string table', change: (elf) => void elf.writeUInt32LE(1, sectionHeader(elf, SYMTAB) + 40), message: /section 1, has type 1, not SHT_STRTAB/ },
  { behaviour: 'refuses a string table that runs past the end of the file', change: (elf) => void elf.writeBigUInt64LE(1n << 40n, sectionHeader(elf, STRTAB) + 32), message: /truncated ELF: the string table of \.symtab/ },
  { behaviour: 'refuses a symbol name that starts past its string table', change: (elf) => void elf.writeBigUInt64LE(4n, sectionHeader(elf, STRTAB) + 32), message: /name starts at \d+, past the end of its string table \(4 bytes\)/ },
  {
    behaviour: 'refuses a symbol name with no NUL before the end of its string table',
    change: (elf) => {
      const at = sectionHeader(elf, STRTAB);
      elf.writeBigUInt64LE(elf.readBigUInt64LE(at + 32) - 1n, at + 32); // drop the last name's NUL
    },
    message: /name runs past the end of its string table/,
  },
];

for (const { behaviour, change, message } of MALFORMED) {
  test(behaviour, () => {
    const elf = buildElf({ bits: 64, endian: 'little', symbols: MODULE });
    change(elf);
    assert.throws(() => readElfImports(elf, 'demo.ko'), (error: unknown) => error instanceof BadInput && error.code === 'BadInput' && message.test(error.message) && !error.message.includes('\n'));
  });
}

test('reads the section count from section 0 under extended numbering (e_shnum 0)', () => {
  const elf = buildElf({ bits: 64, endian: 'little', symbols: MODULE });
  const count = elf.readUInt16LE(60);
  elf.writeUInt16LE(0, 60);
  elf.writeBigUInt64LE(BigInt(count), sectionHeader(elf, 0) + 32);
  assert.deepEqual(readElfImports(elf, 'demo.ko'), IMPORTS);
});

for (const format of FORMATS) {
  test(`refuses an ELF${format.bits} ${format.endian}-endian object cut short at any length, with a BadInput`, () => {
    const elf = buildElf({ ...format, symbols: MODULE, versions: ['kfree'] });
    for (let length = 4; length < elf.length; length++) {
      assert.throws(() => readElfImports(elf.subarray(0, length), 'demo.ko'), BadInput, `cut at ${length} of ${elf.length}`);
    }
  });
}

test('reads symbols or throws a BadInput, nothing else, whichever byte is overwritten', () => {
  for (const format of FORMATS) {
    const original = buildElf({ ...format, symbols: MODULE });
    for (let at = 0; at < original.length; at++) {
      for (const value of [0x00, 0x01, 0x7f, 0xff]) {
        const elf = Buffer.from(original);
        elf[at] = value;
        try {
          const names = readElfImports(elf, 'demo.ko');
          assert.ok(Array.isArray(names));
        } catch (error) {
          assert.ok(error instanceof BadInput, `byte ${at} set to ${value} in ELF${format.bits} ${format.endian}: ${String(error)}`);
        }
      }
    }
  }
});
