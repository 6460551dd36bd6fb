// readSymbolList: a text list of symbol names, one a line, or lines copied from Module.symvers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadInput } from '../../src/errors.js';
import { readSymbolList } from '../../src/modules/readSymbolList.js';

const CASES: Array<{ behaviour: string; text: string; want: string[] }> = [
  { behaviour: 'reads one name a line', text: 'kmalloc\nkfree\n', want: ['kmalloc', 'kfree'] },
  { behaviour: 'reads a last line without a newline', text: 'kmalloc\nkfree', want: ['kmalloc', 'kfree'] },
  { behaviour: 'ignores blank lines and lines of spaces', text: '\n\nkmalloc\n   \n\t\nkfree\n\n', want: ['kmalloc', 'kfree'] },
  { behaviour: 'ignores whole-line comments', text: '# imports of mydriver.ko\nkmalloc\n  # indented comment\n', want: ['kmalloc'] },
  { behaviour: 'ignores a comment at the end of a line', text: 'kmalloc # for the ring buffer\nkfree#no space\n', want: ['kmalloc', 'kfree'] },
  { behaviour: 'trims surrounding spaces, tabs and CRLF line ends', text: '  kmalloc  \r\n\tkfree\t\r\n', want: ['kmalloc', 'kfree'] },
  { behaviour: 'drops a byte order mark before the first name', text: '\uFEFFkmalloc\n', want: ['kmalloc'] },
  { behaviour: 'keeps duplicates and order, for the caller to deduplicate', text: 'kfree\nkmalloc\nkfree\n', want: ['kfree', 'kmalloc', 'kfree'] },
  {
    behaviour: 'takes the name column of Module.symvers lines, with or without a namespace',
    text: '0x5f1f6a40\t_printk\tvmlinux\tEXPORT_SYMBOL\t\n0x1a2b3c4d\tcxl_bus_type\tdrivers/cxl/core/cxl_core\tEXPORT_SYMBOL_GPL\tCXL\n',
    want: ['_printk', 'cxl_bus_type'],
  },
  { behaviour: 'takes the name column of a four-column Module.symvers line (2.6.18 to 5.3)', text: '0x1b7d4074\tprintk\tvmlinux\tEXPORT_SYMBOL\n', want: ['printk'] },
  { behaviour: 'takes the name of a Module.symvers line whose tabs became spaces', text: '0x00000000   hmm_range_fault   vmlinux   EXPORT_SYMBOL_GPL\n', want: ['hmm_range_fault'] },
  { behaviour: 'mixes plain names and Module.symvers lines', text: 'kmalloc\n0x6bc3fbc0\tvfio_pin_pages\tdrivers/vfio/vfio\tEXPORT_SYMBOL_GPL\t\n', want: ['kmalloc', 'vfio_pin_pages'] },
  { behaviour: 'gives nothing for an empty file', text: '', want: [] },
  { behaviour: 'gives nothing for a file of comments', text: '# nothing yet\n#\n', want: [] },
];

for (const { behaviour, text, want } of CASES) {
  test(behaviour, () => assert.deepEqual(readSymbolList(text, 'imports.txt'), want));
}

const REFUSED: Array<{ behaviour: string; text: string; message: RegExp }> = [
  { behaviour: 'refuses two names on one line', text: 'kmalloc\nkfree kmalloc\n', message: /"kfree kmalloc": line 2 of imports\.txt/ },
  { behaviour: 'refuses a name that starts with a digit', text: '9lives\n', message: /"9lives": line 1/ },
  { behaviour: 'refuses punctuation in a name', text: 'kmalloc()\n', message: /"kmalloc\(\)"/ },
  { behaviour: 'refuses a Module.symvers line whose name column is not a name', text: '0x12345678\tnot-a-name\tvmlinux\tEXPORT_SYMBOL\n', message: /"not-a-name"/ },
  { behaviour: 'refuses non-ASCII letters, which no exported symbol has', text: 'kmalloc\nfür_alle\n', message: /"für_alle": line 2/ },
  { behaviour: 'quotes only the start of a long garbage line', text: `${'x-'.repeat(5000)}\n`, message: /^symbol name "(x-){30}\.\.\.": line 1/ },
];

for (const { behaviour, text, message } of REFUSED) {
  test(behaviour, () => {
    assert.throws(() => readSymbolList(text, 'imports.txt'), (error: unknown) => error instanceof BadInput && message.test(error.message) && !error.message.includes('\n'));
  });
}
