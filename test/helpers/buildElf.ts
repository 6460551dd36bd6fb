// Builds a minimal relocatable ELF object in memory (ELF32 or ELF64, either byte order), so the tests
// of the module reader need no compiler and no committed binaries.

export interface ElfSymbol {
  name: string;
  /** `undef` (SHN_UNDEF: an import, the default), `text` (defined in .text) or `abs` (SHN_ABS). */
  section?: 'undef' | 'text' | 'abs';
  type?: 'notype' | 'object' | 'func' | 'section' | 'file';
  /** `global` unless told. */
  bind?: 'local' | 'global' | 'weak';
}

export interface ElfOptions {
  bits: 32 | 64;
  endian: 'little' | 'big';
  /** After the null symbol, locals first (stable order), as the gABI requires. */
  symbols: ElfSymbol[];
  /** No .symtab and no .strtab, as `strip` leaves an object. */
  stripped?: boolean;
  /** Names for a `__versions` section (modversions: a CRC and a 56- or 60-byte name each). */
  versions?: string[];
  /** Overrides .symtab's sh_entsize, to build a malformed object. */
  symtabEntrySize?: number;
}

const TYPE = { notype: 0, object: 1, func: 2, section: 3, file: 4 } as const;
const BIND = { local: 0, global: 1, weak: 2 } as const;
const SHNDX = { undef: 0, text: 1, abs: 0xfff1 } as const;
const SHT = { null: 0, progbits: 1, symtab: 2, strtab: 3 } as const;

/** A string table: a NUL first, then each name and its NUL; `offset` gives a name's index. */
function stringTable(names: string[]): { bytes: Buffer; offset: (name: string) => number } {
  const offsets = new Map<string, number>([['', 0]]);
  const parts = [Buffer.from([0])];
  let size = 1;
  for (const name of names) {
    if (offsets.has(name)) continue;
    offsets.set(name, size);
    parts.push(Buffer.from(`${name}\0`, 'latin1'));
    size += name.length + 1;
  }
  return { bytes: Buffer.concat(parts), offset: (name) => offsets.get(name)! };
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

export function buildElf(options: ElfOptions): Buffer {
  const { bits, endian } = options;
  const wide = bits === 64;
  const little = endian === 'little';
  const symbols = [...options.symbols].sort((a, b) => Number(a.bind !== 'local') - Number(b.bind !== 'local'));

  const sections: Array<{ name: string; type: number; data: Buffer; link?: number; info?: number; entsize?: number }> = [
    { name: '', type: SHT.null, data: Buffer.alloc(0) },
    { name: '.text', type: SHT.progbits, data: Buffer.alloc(16, 0xc3) },
  ];
  if (!options.stripped) {
    const strtab = stringTable(symbols.map((s) => s.name));
    const entry = wide ? 24 : 16;
    const symtab = Buffer.alloc(entry * (symbols.length + 1));
    symbols.forEach((symbol, i) => {
      const at = entry * (i + 1);
      const info = (BIND[symbol.bind ?? 'global'] << 4) | TYPE[symbol.type ?? 'notype'];
      const shndx = SHNDX[symbol.section ?? 'undef'];
      write32(symtab, at, strtab.offset(symbol.name), little);
      symtab[at + (wide ? 4 : 12)] = info;
      write16(symtab, at + (wide ? 6 : 14), shndx, little);
    });
    const firstGlobal = 1 + symbols.filter((s) => s.bind === 'local').length;
    sections.push(
      { name: '.symtab', type: SHT.symtab, data: symtab, link: 3, info: firstGlobal, entsize: options.symtabEntrySize ?? entry },
      { name: '.strtab', type: SHT.strtab, data: strtab.bytes },
    );
  }
  if (options.versions) {
    const nameSize = wide ? 56 : 60;
    const data = Buffer.alloc(64 * options.versions.length);
    options.versions.forEach((name, i) => data.write(name, 64 * i + 64 - nameSize, 'latin1'));
    sections.push({ name: '__versions', type: SHT.progbits, data });
  }
  const shstrtab = stringTable([...sections.map((s) => s.name), '.shstrtab']);
  sections.push({ name: '.shstrtab', type: SHT.strtab, data: shstrtab.bytes });

  const headerSize = wide ? 64 : 52;
  const sectionSize = wide ? 64 : 40;
  const offsets: number[] = [];
  let end = headerSize;
  for (const section of sections) {
    end = align(end, 8);
    offsets.push(end);
    end += section.data.length;
  }
  const tableOffset = align(end, 8);
  const elf = Buffer.alloc(tableOffset + sectionSize * sections.length);

  elf.set([0x7f, 0x45, 0x4c, 0x46, wide ? 2 : 1, little ? 1 : 2, 1]);
  write16(elf, 16, 1, little); // ET_REL
  write16(elf, 18, wide ? (little ? 62 : 22) : little ? 3 : 8, little); // x86-64, s390, i386, MIPS
  write32(elf, 20, 1, little);
  const word = (buf: Buffer, at: number, value: number) => (wide ? write64(buf, at, value, little) : write32(buf, at, value, little));
  word(elf, wide ? 40 : 32, tableOffset);
  write16(elf, wide ? 52 : 40, headerSize, little);
  write16(elf, wide ? 58 : 46, sectionSize, little);
  write16(elf, wide ? 60 : 48, sections.length, little);
  write16(elf, wide ? 62 : 50, sections.length - 1, little);

  sections.forEach((section, i) => {
    section.data.copy(elf, offsets[i]!);
    const at = tableOffset + i * sectionSize;
    write32(elf, at, shstrtab.offset(section.name), little);
    write32(elf, at + 4, section.type, little);
    word(elf, at + (wide ? 24 : 16), i === 0 ? 0 : offsets[i]!);
    word(elf, at + (wide ? 32 : 20), section.data.length);
    write32(elf, at + (wide ? 40 : 24), section.link ?? 0, little);
    write32(elf, at + (wide ? 44 : 28), section.info ?? 0, little);
    word(elf, at + (wide ? 48 : 32), i === 0 ? 0 : 8);
    word(elf, at + (wide ? 56 : 36), section.entsize ?? 0);
  });
  return elf;
}

function write16(buf: Buffer, at: number, value: number, little: boolean): void {
  if (little) buf.writeUInt16LE(value, at);
  else buf.writeUInt16BE(value, at);
}

function write32(buf: Buffer, at: number, value: number, little: boolean): void {
  if (little) buf.writeUInt32LE(value, at);
  else buf.writeUInt32BE(value, at);
}

function write64(buf: Buffer, at: number, value: number, little: boolean): void {
  if (little) buf.writeBigUInt64LE(BigInt(value), at);
  else buf.writeBigUInt64BE(BigInt(value), at);
}
