// The undefined symbols of an ELF object, read from its .symtab: what a kernel module (`.ko`) imports.
import { BadInput } from '../errors.js';

const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46]; // "\x7fELF"
const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
const SHN_UNDEF = 0;
const STT_SECTION = 3;
const STT_FILE = 4;

/** Where each field sits in the two ELF classes (the System V gABI, "ELF Header", "Sections", "Symbol Table"). */
const LAYOUT = {
  32: { header: 52, shoff: 32, shentsize: 46, shnum: 48, section: 40, shType: 4, shOffset: 16, shSize: 20, shLink: 24, shEntsize: 36, symbol: 16, stInfo: 12, stShndx: 14 },
  64: { header: 64, shoff: 40, shentsize: 58, shnum: 60, section: 64, shType: 4, shOffset: 24, shSize: 32, shLink: 40, shEntsize: 56, symbol: 24, stInfo: 4, stShndx: 6 },
} as const;

interface Section {
  index: number;
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

/** Whether the bytes start with the ELF magic, `\x7fELF`: what the module reader treats as an object. */
export function isElf(bytes: Uint8Array): boolean {
  return ELF_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * The names of the undefined (SHN_UNDEF) symbols in an ELF object's symbol table, in table order.
 * The null symbol, section and file symbols and nameless entries are skipped; weak undefined symbols
 * are kept, since a module binds them when the kernel exports them. ELF32 and ELF64, either byte order.
 * `__versions` (modversions) also names imports but is left alone: it holds only the imports the
 * kernel has CRCs for, and only when CONFIG_MODVERSIONS is set. Every offset is checked against the
 * buffer before it is read; a problem is a BadInput naming `label`.
 *
 * @example
 * readElfImports(readFileSync('vfio-pci.ko'), 'vfio-pci.ko') // → ['vfio_pin_pages', '_printk', ...]
 */
export function readElfImports(bytes: Uint8Array, label: string): string[] {
  const fail = (problem: string): never => {
    throw new BadInput('kernel module', label, problem);
  };
  const need = (offset: number, size: number, what: string): void => {
    if (offset + size > bytes.length) {
      fail(`truncated ELF: ${what} (${size} bytes at offset ${offset}) runs past the end of the file (${bytes.length} bytes)`);
    }
  };
  need(0, 6, 'the ELF identification');
  const bits = bytes[4] === 1 ? 32 : bytes[4] === 2 ? 64 : fail(`malformed ELF: unknown class ${bytes[4]} at byte 4 (1 is 32-bit, 2 is 64-bit)`);
  const little = bytes[5] === 1 ? true : bytes[5] === 2 ? false : fail(`malformed ELF: unknown byte order ${bytes[5]} at byte 5 (1 is little, 2 is big endian)`);
  const at = LAYOUT[bits];
  need(0, at.header, 'the ELF header');

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset, little);
  const u32 = (offset: number) => view.getUint32(offset, little);
  // A 64-bit offset or size past 2^53 cannot fit in the buffer anyway: read it as "too big".
  const word = (offset: number) => (bits === 32 ? u32(offset) : Number(view.getBigUint64(offset, little)));

  const tableOffset = word(at.shoff);
  if (tableOffset === 0) fail('has no section headers, so no symbol table (.symtab); give the unstripped .ko from the build tree');
  const entrySize = u16(at.shentsize);
  if (entrySize !== at.section) fail(`malformed ELF: section header size ${entrySize}, expected ${at.section} for ELF${bits}`);
  const sectionAt = (index: number): Section => {
    const base = tableOffset + index * entrySize;
    return {
      index, type: u32(base + at.shType), offset: word(base + at.shOffset), size: word(base + at.shSize),
      link: u32(base + at.shLink), entsize: word(base + at.shEntsize),
    };
  };
  need(tableOffset, entrySize, 'the first section header');
  // Extended numbering (gABI): with 0xff00 sections or more, e_shnum is 0 and section 0's sh_size has the count.
  const count = u16(at.shnum) === 0 ? sectionAt(0).size : u16(at.shnum);
  need(tableOffset, count * entrySize, `the section header table of ${count} entries`);

  // The gABI allows one SHT_SYMTAB per object; it is .symtab. Found by type, as readelf and nm do, not by name.
  let symtab: Section | undefined;
  for (let i = 0; i < count && symtab === undefined; i++) {
    const section = sectionAt(i);
    if (section.type === SHT_SYMTAB) symtab = section;
  }
  if (symtab === undefined) return fail('has no symbol table (.symtab): it was stripped; give the unstripped .ko from the build tree');
  if (symtab.entsize !== at.symbol) fail(`malformed ELF: .symtab entry size ${symtab.entsize}, expected ${at.symbol} for ELF${bits}`);
  if (symtab.size % at.symbol !== 0) fail(`malformed ELF: .symtab size ${symtab.size} is not a multiple of its entry size ${at.symbol}`);
  need(symtab.offset, symtab.size, '.symtab');
  if (symtab.link === 0 || symtab.link >= count) fail(`malformed ELF: .symtab names its string table as section ${symtab.link} of ${count}`);
  const strtab = sectionAt(symtab.link);
  if (strtab.type !== SHT_STRTAB) fail(`malformed ELF: .symtab's string table, section ${strtab.index}, has type ${strtab.type}, not SHT_STRTAB`);
  need(strtab.offset, strtab.size, `the string table of .symtab (section ${strtab.index})`);

  const imports: Array<{ index: number; name: number }> = [];
  // Symbol 0 is the reserved null symbol.
  for (let index = 1; index < symtab.size / at.symbol; index++) {
    const base = symtab.offset + index * at.symbol;
    const type = bytes[base + at.stInfo]! & 0xf;
    if (u16(base + at.stShndx) !== SHN_UNDEF || type === STT_SECTION || type === STT_FILE) continue;
    const name = u32(base); // st_name comes first in both classes
    if (name >= strtab.size) fail(`malformed ELF: symbol ${index}'s name starts at ${name}, past the end of its string table (${strtab.size} bytes)`);
    imports.push({ index, name });
  }
  const table = bytes.subarray(strtab.offset, strtab.offset + strtab.size);
  const ends = nameEnds(table, imports.map((symbol) => symbol.name));
  const text = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
  const names: string[] = [];
  for (const { index, name } of imports) {
    const end = ends.get(name)!;
    if (end < 0) fail(`malformed ELF: symbol ${index}'s name runs past the end of its string table`);
    // Symbol names are C identifiers in practice; Latin-1 maps any byte to one character and never fails.
    if (end > name) names.push(text.toString('latin1', name, end));
  }
  return names;
}

/**
 * Where each name that starts at one of `starts` ends (its NUL, or -1 when the table has none after it),
 * in one sweep of the table however the names overlap, so a hostile table costs linear time.
 */
function nameEnds(table: Uint8Array, starts: number[]): Map<number, number> {
  const ends = new Map<number, number>();
  let end = -1;
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    if (start > end) {
      const found = table.subarray(start).indexOf(0);
      end = found < 0 ? table.length : start + found;
    }
    ends.set(start, end < table.length ? end : -1);
  }
  return ends;
}
