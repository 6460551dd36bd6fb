// readModuleImports: a kernel module's undefined symbols or a text list, told apart by the ELF magic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadInput } from '../../src/errors.js';
import { readModuleImports } from '../../src/modules/readModuleImports.js';
import { buildElf } from '../helpers/buildElf.js';

test('reads an ELF object as a module and says so', () => {
  const elf = buildElf({ bits: 64, endian: 'little', symbols: [{ name: 'init_module', type: 'func', section: 'text' }, { name: '_printk' }, { name: 'kfree' }] });
  assert.deepEqual(readModuleImports(elf, 'demo.ko'), { form: 'elf', symbols: ['_printk', 'kfree'] });
});

test('reads anything else as a text list and says so', () => {
  assert.deepEqual(readModuleImports(Buffer.from('# imports\nkmalloc\nkfree\n'), 'list.txt'), { form: 'list', symbols: ['kmalloc', 'kfree'] });
});

test('keeps each symbol once, in the order first seen', () => {
  assert.deepEqual(readModuleImports(Buffer.from('kfree\nkmalloc\nkfree\n0x0\tkmalloc\tvmlinux\tEXPORT_SYMBOL\nmutex_lock\n')).symbols, ['kfree', 'kmalloc', 'mutex_lock']);
});

test('reads an empty buffer as an empty list', () => {
  assert.deepEqual(readModuleImports(Buffer.alloc(0)), { form: 'list', symbols: [] });
});

test('refuses a stripped module rather than report that it imports nothing', () => {
  const elf = buildElf({ bits: 64, endian: 'little', symbols: [], stripped: true });
  assert.throws(() => readModuleImports(elf, 'demo.ko'), BadInput);
});

const BINARY: Array<{ behaviour: string; bytes: Buffer; offset: number }> = [
  { behaviour: 'refuses binary garbage with a NUL byte, naming the offset', bytes: Buffer.from([0x41, 0x42, 0x00, 0x13, 0xff, 0x00]), offset: 2 },
  { behaviour: 'refuses a NUL byte at the very start', bytes: Buffer.from([0x00, 0x7f, 0x45, 0x4c, 0x46]), offset: 0 },
  { behaviour: 'refuses a UTF-16 text file, whose ASCII letters come with NUL bytes', bytes: Buffer.from('\uFEFFkfree\n', 'utf16le'), offset: 3 },
];

for (const { behaviour, bytes, offset } of BINARY) {
  test(behaviour, () => {
    assert.throws(() => readModuleImports(bytes, 'blob.bin'), (error: unknown) => (
      error instanceof BadInput && error.message.startsWith('symbol list "blob.bin": binary data') && error.message.includes(`offset ${offset}`)
    ));
  });
}

const PACKED: Array<{ packer: string; bytes: number[] }> = [
  { packer: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04] },
  { packer: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x00] },
  { packer: 'gzip', bytes: [0x1f, 0x8b, 0x08, 0x00] },
];

for (const { packer, bytes } of PACKED) {
  test(`refuses a ${packer}-compressed module and says to decompress it first`, () => {
    assert.throws(() => readModuleImports(Buffer.from(bytes), 'demo.ko.x'), (error: unknown) => (
      error instanceof BadInput && error.message === `kernel module "demo.ko.x": is ${packer}-compressed; decompress it first (${packer === 'zstd' ? 'zstd -d' : `${packer} -dk`})`
    ));
  });
}

test('refuses a Latin-1 (non-UTF-8) list with the name as the user wrote it', () => {
  const latin1 = Buffer.from('kfree\nk\xe4se\n', 'latin1');
  assert.throws(() => readModuleImports(latin1, 'list.txt'), (error: unknown) => error instanceof BadInput && error.message.includes('"käse": line 2 of list.txt'));
});

test('reads the first bytes of a module cut short as text or refuses them, without crashing', () => {
  const elf = buildElf({ bits: 64, endian: 'little', symbols: [{ name: 'kfree' }] });
  for (let length = 0; length < 4; length++) {
    try {
      readModuleImports(elf.subarray(0, length));
    } catch (error) {
      assert.ok(error instanceof BadInput, `cut at ${length}: ${String(error)}`);
    }
  }
});

test('never throws anything but a BadInput when random bytes of a module are overwritten', () => {
  const original = buildElf({ bits: 64, endian: 'little', symbols: [{ name: 'demo_init', type: 'func', section: 'text' }, { name: '_printk' }, { name: 'kfree' }], versions: ['kfree'] });
  // A fixed-seed linear congruential generator: the same 2,000 variants on every run.
  let seed = 0x2545f491;
  const next = (below: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % below;
  for (let round = 0; round < 2000; round++) {
    const bytes = Buffer.from(original);
    for (let hits = 1 + next(8); hits > 0; hits--) bytes[4 + next(bytes.length - 4)] = next(256);
    try {
      readModuleImports(bytes, 'fuzz.ko');
    } catch (error) {
      assert.ok(error instanceof BadInput, `round ${round}: ${String(error)}`);
    }
  }
});
