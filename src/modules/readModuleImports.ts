// What a module imports: the undefined symbols of a `.ko`, or the names in a text list (`check-imports FILE`).
import { decodeText } from '../git/decodeText.js';
import { BadInput } from '../errors.js';
import { isElf, readElfImports } from './readElfImports.js';
import { readSymbolList } from './readSymbolList.js';

const COMPRESSED = [
  { name: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], command: 'xz -dk' },
  { name: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd], command: 'zstd -d' },
  { name: 'gzip', magic: [0x1f, 0x8b], command: 'gzip -dk' },
];

export interface ModuleImports {
  /** `elf`: read from an object's symbol table; `list`: read from a text list of names. */
  form: 'elf' | 'list';
  /** Each symbol once, in the order first seen. */
  symbols: string[];
}

/**
 * Reads a kernel module (any ELF object, told by its `\x7fELF` magic) or, failing that, a text list
 * of symbol names (see readSymbolList). Binary data that is not ELF (it has a NUL byte) is refused
 * rather than read as names. Problems are BadInput errors naming `label`, the file as the user gave it.
 *
 * @example
 * readModuleImports(readFileSync('mydriver.ko'), 'mydriver.ko') // → { form: 'elf', symbols: ['_printk', 'pci_enable_device', ...] }
 * readModuleImports(Buffer.from('kmalloc\n# why\nkfree\n'), 'list.txt') // → { form: 'list', symbols: ['kmalloc', 'kfree'] }
 */
export function readModuleImports(bytes: Uint8Array, label = 'input'): ModuleImports {
  if (isElf(bytes)) return { form: 'elf', symbols: unique(readElfImports(bytes, label)) };
  const packer = COMPRESSED.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte));
  // Distributions install modules compressed (`.ko.xz`, `.ko.zst`, `.ko.gz`): say how to get the ELF out.
  if (packer) throw new BadInput('kernel module', label, `is ${packer.name}-compressed; decompress it first (${packer.command})`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new BadInput('symbol list', label, `binary data (a NUL byte at offset ${nul}) that is not an ELF module; give a .ko or a text list of symbol names`);
  }
  return { form: 'list', symbols: unique(readSymbolList(decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), label)) };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
