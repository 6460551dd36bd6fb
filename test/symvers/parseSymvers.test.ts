// parseSymvers: Module.symvers lines as modpost writes them, tab separated:
// crc, symbol, module, export macro, namespace (the namespace column since 5.4, empty when unset).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSymvers } from '../../src/symvers/parseSymvers.js';

test('reads crc, symbol, module, macro and namespace, with an empty namespace column as none', () => {
  const text = [
    '0x5f1f6a40\t_printk\tvmlinux\tEXPORT_SYMBOL\t',
    '0x6bc3fbc0\tvfio_pin_pages\tdrivers/vfio/vfio\tEXPORT_SYMBOL\t',
    '0x1a2b3c4d\tcxl_bus_type\tdrivers/cxl/core/cxl_core\tEXPORT_SYMBOL_GPL\tCXL',
    '0x00000000\thmm_range_fault\tvmlinux\tEXPORT_SYMBOL_GPL\t',
    '',
  ].join('\n');
  assert.deepEqual(parseSymvers(text), {
    entries: [
      { symbol: '_printk', module: 'vmlinux', macro: 'EXPORT_SYMBOL', license: 'any', namespace: null },
      { symbol: 'vfio_pin_pages', module: 'drivers/vfio/vfio', macro: 'EXPORT_SYMBOL', license: 'any', namespace: null },
      { symbol: 'cxl_bus_type', module: 'drivers/cxl/core/cxl_core', macro: 'EXPORT_SYMBOL_GPL', license: 'gpl', namespace: 'CXL' },
      { symbol: 'hmm_range_fault', module: 'vmlinux', macro: 'EXPORT_SYMBOL_GPL', license: 'gpl', namespace: null },
    ],
    malformed: 0,
  });
});

test('reads the four-column format of 2.6.18 to 5.3, without a namespace column', () => {
  const { entries, malformed } = parseSymvers('0x1b7d4074\tprintk\tvmlinux\tEXPORT_SYMBOL\n0x8b6d2a5c\tusb_register_driver\tdrivers/usb/core/usbcore\tEXPORT_SYMBOL_GPL\n');
  assert.equal(malformed, 0);
  assert.deepEqual(entries.map((e) => [e.symbol, e.license, e.namespace]), [['printk', 'any', null], ['usb_register_driver', 'gpl', null]]);
});

test('classes the older build macros by license: _GPL_FUTURE and UNUSED are any, UNUSED_GPL is gpl', () => {
  const text = [
    '0x11111111\tusb_register_driver\tdrivers/usb/core/usbcore\tEXPORT_SYMBOL_GPL_FUTURE',
    '0x22222222\tll_rw_block_unused\tvmlinux\tEXPORT_UNUSED_SYMBOL',
    '0x33333333\tsys_open_unused\tvmlinux\tEXPORT_UNUSED_SYMBOL_GPL',
  ].join('\n');
  assert.deepEqual(parseSymvers(text).entries.map((e) => [e.macro, e.license]), [
    ['EXPORT_SYMBOL_GPL_FUTURE', 'any'],
    ['EXPORT_UNUSED_SYMBOL', 'any'],
    ['EXPORT_UNUSED_SYMBOL_GPL', 'gpl'],
  ]);
});

test('counts malformed lines and keeps the good ones; blank lines are neither', () => {
  const text = [
    'this is not a symvers line',
    '0x12345678\tlonely_symbol',
    '0x12345678\tfoo\tvmlinux\tNOT_AN_EXPORT\t',
    '',
    '0x9abcdef0\tgood_symbol\tvmlinux\tEXPORT_SYMBOL_GPL\t',
    '',
  ].join('\n');
  const { entries, malformed } = parseSymvers(text);
  assert.deepEqual(entries.map((e) => e.symbol), ['good_symbol']);
  assert.equal(malformed, 3);
});

test('an empty file has no entries and nothing malformed', () => {
  assert.deepEqual(parseSymvers(''), { entries: [], malformed: 0 });
});
