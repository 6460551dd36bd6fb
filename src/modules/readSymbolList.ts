// A text list of symbol names: one a line, or lines copied from a Module.symvers.
import { BadInput } from '../errors.js';

// Exported symbols are C identifiers; anything else on a line is a typo or the wrong file.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Module.symvers starts each line with the symbol's CRC, `0x` and hex digits (0x00000000 without modversions).
const CRC = /^0x[0-9a-fA-F]+$/;

/**
 * The symbol names of a list, in order. Blank lines and `#` comments (whole lines or line ends) are
 * ignored, surrounding whitespace is trimmed. A line copied from Module.symvers
 * (`0xcrc<TAB>name<TAB>module<TAB>EXPORT_SYMBOL<TAB>namespace`, any number of columns after the name)
 * gives its name column. Any other line is a BadInput naming `label` and the line number.
 *
 * @example
 * readSymbolList('# my module\nvfio_pin_pages\n0x6bc3fbc0\tkmalloc_trace\tvmlinux\tEXPORT_SYMBOL\t\n', 'imports.txt')
 * // → ['vfio_pin_pages', 'kmalloc_trace']
 */
export function readSymbolList(text: string, label: string): string[] {
  const names: string[] = [];
  // A byte order mark is what some editors put first; it is not part of the first name.
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const [i, line] of lines.entries()) {
    const content = line.replace(/#.*/, '').trim();
    if (content === '') continue;
    const columns = content.split(/\s+/);
    const name = columns.length > 1 && CRC.test(columns[0]!) ? columns[1]! : content;
    if (!IDENTIFIER.test(name)) {
      // A whole garbage file can be one line: quote enough of it to recognise, not all of it.
      const shown = name.length > 60 ? `${name.slice(0, 60)}...` : name;
      throw new BadInput('symbol name', shown, `line ${i + 1} of ${label} is neither a symbol name nor a Module.symvers line`);
    }
    names.push(name);
  }
  return names;
}
