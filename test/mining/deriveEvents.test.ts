// deriveEvents: per-file values, events from value changes (moves paired across files, license
// direction through mixed), and for merges the clean-merge expectation and the merge's own change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  eventsOf, expectedValue, type ExportValue, fileChanges, mergeChange, type ValueChange, valuesBySymbol,
} from '../../src/mining/deriveEvents.js';
import type { Export, ExportEvent, License } from '../../src/model.js';

function exp(path: string, symbol: string, macro: string, license: License, namespace: string | null = null, line = 10): Export {
  return { symbol, exported: [symbol], path, macro, baseMacro: macro, license, namespace, line, marks: [], modules: null };
}

/** The value one export of `sym` gives, as events compare it. */
const value = (macro: string, license: License, namespace: string | null = null): ExportValue =>
  valuesBySymbol([exp('f.c', 'sym', macro, license, namespace)]).get('sym')!;

const ANY = value('EXPORT_SYMBOL', 'any');
const GPL = value('EXPORT_SYMBOL_GPL', 'gpl');
const GPL_NS = value('EXPORT_SYMBOL_NS_GPL', 'gpl', 'CXL');
const FUTURE = value('EXPORT_SYMBOL_GPL_FUTURE', 'any');
/** kernel/sched.c-style #ifdef variants: GPL-only under one config, for any module under another. */
const MIXED = valuesBySymbol([exp('f.c', 'sym', 'EXPORT_SYMBOL', 'any', null, 3), exp('f.c', 'sym', 'EXPORT_SYMBOL_GPL', 'gpl', null, 7)]).get('sym')!;

const change = (path: string, before: ExportValue | null, after: ExportValue | null, symbol = 'sym', merge: ValueChange['merge'] = null): ValueChange =>
  ({ path, symbol, before, after, merge });

/** `kind path` (with `<from` for moves) `before→after` by macro and namespace. */
const show = (e: ExportEvent): string =>
  `${e.kind}${e.merge ? `(${e.merge})` : ''} ${e.symbol} ${e.path}${e.kind === 'moved' ? `<${e.fromPath}` : ''} `
  + `${e.beforeMacro ?? '-'}${e.beforeNamespace ? `:${e.beforeNamespace}` : ''}→${e.afterMacro ?? '-'}${e.afterNamespace ? `:${e.afterNamespace}` : ''}`;

test('one symbol exported twice in a file under #ifdef with both licenses has one mixed value', () => {
  assert.deepEqual([MIXED.license, MIXED.macro, MIXED.namespace], ['mixed', 'EXPORT_SYMBOL,EXPORT_SYMBOL_GPL', null]);
});

test('an export that only moves to another line of its file is no change', () => {
  assert.deepEqual(fileChanges('kernel/sched.c', [exp('kernel/sched.c', 'schedule', 'EXPORT_SYMBOL', 'any', null, 12)],
    [exp('kernel/sched.c', 'schedule', 'EXPORT_SYMBOL', 'any', null, 40)]), []);
});

test('a file\'s changes name each symbol whose value changed, with its value before and after', () => {
  const before = [exp('fs/namei.c', 'path_lookup', 'EXPORT_SYMBOL', 'any'), exp('fs/namei.c', 'lookup_one_len', 'EXPORT_SYMBOL', 'any')];
  const after = [exp('fs/namei.c', 'path_lookup', 'EXPORT_SYMBOL_GPL', 'gpl'), exp('fs/namei.c', 'lookup_hash', 'EXPORT_SYMBOL', 'any')];
  const changes = fileChanges('fs/namei.c', before, after).map((c) => `${c.symbol} ${c.before?.macro ?? '-'}→${c.after?.macro ?? '-'}`).sort();
  assert.deepEqual(changes, ['lookup_hash -→EXPORT_SYMBOL', 'lookup_one_len EXPORT_SYMBOL→-', 'path_lookup EXPORT_SYMBOL→EXPORT_SYMBOL_GPL']);
});

const EVENTS: { behaviour: string; changes: ValueChange[]; events: string[] }[] = [
  { behaviour: 'a new export is added', changes: [change('a.c', null, ANY)], events: ['added sym a.c -→EXPORT_SYMBOL'] },
  { behaviour: 'a deleted export is removed', changes: [change('a.c', GPL, null)], events: ['removed sym a.c EXPORT_SYMBOL_GPL→-'] },
  {
    behaviour: 'a symbol leaving one file and appearing in another is moved',
    changes: [change('kernel/time.c', ANY, null), change('arch/i386/kernel/time.c', null, ANY)],
    events: ['moved sym arch/i386/kernel/time.c<kernel/time.c EXPORT_SYMBOL→EXPORT_SYMBOL'],
  },
  {
    behaviour: 'a move that also tightens the license is both moved and tightened',
    changes: [change('kernel/time.c', ANY, null), change('arch/i386/kernel/time.c', null, GPL)],
    events: ['moved sym arch/i386/kernel/time.c<kernel/time.c EXPORT_SYMBOL→EXPORT_SYMBOL_GPL', 'tightened sym arch/i386/kernel/time.c EXPORT_SYMBOL→EXPORT_SYMBOL_GPL'],
  },
  {
    behaviour: 'a move that also puts the symbol into a namespace is both moved and namespace-changed',
    changes: [change('drivers/cxl/pci.c', GPL, null), change('drivers/cxl/core/port.c', null, GPL_NS)],
    events: ['moved sym drivers/cxl/core/port.c<drivers/cxl/pci.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL_NS_GPL:CXL', 'namespace-changed sym drivers/cxl/core/port.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL_NS_GPL:CXL'],
  },
  {
    behaviour: 'two removals and one addition pair the first removal by path with the addition, and the other is removed',
    changes: [change('c.c', ANY, null), change('b.c', null, ANY), change('a.c', ANY, null)],
    events: ['moved sym b.c<a.c EXPORT_SYMBOL→EXPORT_SYMBOL', 'removed sym c.c EXPORT_SYMBOL→-'],
  },
  {
    behaviour: 'two removals and two additions pair in path order',
    changes: [change('d.c', null, ANY), change('c.c', ANY, null), change('b.c', null, ANY), change('a.c', ANY, null)],
    events: ['moved sym b.c<a.c EXPORT_SYMBOL→EXPORT_SYMBOL', 'moved sym d.c<c.c EXPORT_SYMBOL→EXPORT_SYMBOL'],
  },
  {
    behaviour: 'different symbols removed and added are not a move',
    changes: [change('a.c', ANY, null, 'class_simple_set_hotplug'), change('a.c', null, ANY, 'class_simple_set_uevent')],
    events: ['added class_simple_set_uevent a.c -→EXPORT_SYMBOL', 'removed class_simple_set_hotplug a.c EXPORT_SYMBOL→-'],
  },
  {
    behaviour: 'a merge\'s own removal is never paired with an ordinary addition',
    changes: [change('a.c', ANY, null, 'sym', 'resolution'), change('b.c', null, ANY)],
    events: ['added sym b.c -→EXPORT_SYMBOL', 'removed(resolution) sym a.c EXPORT_SYMBOL→-'],
  },
  { behaviour: 'any to gpl is tightened', changes: [change('a.c', ANY, GPL)], events: ['tightened sym a.c EXPORT_SYMBOL→EXPORT_SYMBOL_GPL'] },
  { behaviour: 'gpl to any is loosened', changes: [change('a.c', GPL, ANY)], events: ['loosened sym a.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL'] },
  { behaviour: 'any to mixed is tightened', changes: [change('a.c', ANY, MIXED)], events: ['tightened sym a.c EXPORT_SYMBOL→EXPORT_SYMBOL,EXPORT_SYMBOL_GPL'] },
  { behaviour: 'mixed to gpl is tightened', changes: [change('a.c', MIXED, GPL)], events: ['tightened sym a.c EXPORT_SYMBOL,EXPORT_SYMBOL_GPL→EXPORT_SYMBOL_GPL'] },
  { behaviour: 'gpl to mixed is loosened', changes: [change('a.c', GPL, MIXED)], events: ['loosened sym a.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL,EXPORT_SYMBOL_GPL'] },
  { behaviour: 'mixed to any is loosened', changes: [change('a.c', MIXED, ANY)], events: ['loosened sym a.c EXPORT_SYMBOL,EXPORT_SYMBOL_GPL→EXPORT_SYMBOL'] },
  {
    behaviour: 'EXPORT_SYMBOL to EXPORT_SYMBOL_GPL_FUTURE keeps the license: a macro change',
    changes: [change('a.c', ANY, FUTURE)], events: ['macro-changed sym a.c EXPORT_SYMBOL→EXPORT_SYMBOL_GPL_FUTURE'],
  },
  {
    behaviour: 'EXPORT_SYMBOL_GPL to EXPORT_SYMBOL_NS_GPL is a macro change and a namespace change',
    changes: [change('a.c', GPL, GPL_NS)],
    events: ['macro-changed sym a.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL_NS_GPL:CXL', 'namespace-changed sym a.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL_NS_GPL:CXL'],
  },
  {
    behaviour: 'EXPORT_SYMBOL to EXPORT_SYMBOL_NS_GPL is tightened and namespace-changed, without a separate macro change',
    changes: [change('a.c', ANY, GPL_NS)],
    events: ['namespace-changed sym a.c EXPORT_SYMBOL→EXPORT_SYMBOL_NS_GPL:CXL', 'tightened sym a.c EXPORT_SYMBOL→EXPORT_SYMBOL_NS_GPL:CXL'],
  },
  {
    behaviour: 'a namespace set by the Makefile alone is only namespace-changed',
    changes: [change('a.c', GPL, value('EXPORT_SYMBOL_GPL', 'gpl', 'CXL'))],
    events: ['namespace-changed sym a.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL_GPL:CXL'],
  },
  { behaviour: 'no changes give no events', changes: [], events: [] },
];

for (const { behaviour, changes, events } of EVENTS) {
  test(`eventsOf: ${behaviour}`, () => {
    assert.deepEqual(eventsOf(changes).map(show).sort(), [...events].sort());
  });
}

const X = ANY;
const Y = GPL;
const Z = GPL_NS;
const EXPECTATIONS: { behaviour: string; base: ExportValue | null; parents: (ExportValue | null)[]; expected: ExportValue | null | 'conflict' }[] = [
  { behaviour: 'no side changed it: the base', base: X, parents: [X, X], expected: X },
  { behaviour: 'only the second parent changed it: its value', base: X, parents: [X, Y], expected: Y },
  { behaviour: 'only the first parent changed it: its value', base: X, parents: [Y, X], expected: Y },
  { behaviour: 'both changed it the same way: that value', base: X, parents: [Y, Y], expected: Y },
  { behaviour: 'the sides changed it differently: a conflict', base: X, parents: [Y, Z], expected: 'conflict' },
  { behaviour: 'one side added it: added', base: null, parents: [null, X], expected: X },
  { behaviour: 'both added it alike: added', base: null, parents: [Y, Y], expected: Y },
  { behaviour: 'both added it differently: both stay, as a text merge keeps both lines', base: null, parents: [X, Y], expected: { ...X, macro: 'EXPORT_SYMBOL,EXPORT_SYMBOL_GPL', license: 'mixed', key: 'EXPORT_SYMBOL,EXPORT_SYMBOL_GPL||mixed' } },
  { behaviour: 'one side removed it, the other kept it: removed', base: X, parents: [X, null], expected: null },
  { behaviour: 'one side removed it, the other changed it: a conflict', base: X, parents: [null, Y], expected: 'conflict' },
  { behaviour: 'nobody had it: nothing', base: null, parents: [null, null], expected: null },
  { behaviour: 'an octopus where one of three changed it: its value', base: X, parents: [X, X, Y], expected: Y },
  { behaviour: 'an octopus where two of three changed it alike: that value', base: X, parents: [Y, X, Y], expected: Y },
  { behaviour: 'an octopus where two of three changed it differently: a conflict', base: X, parents: [X, Y, Z], expected: 'conflict' },
];

for (const { behaviour, base, parents, expected } of EXPECTATIONS) {
  test(`expectedValue: ${behaviour}`, () => {
    const actual = expectedValue(base, parents);
    assert.deepEqual(actual === 'conflict' ? 'conflict' : actual.value?.key ?? null, expected === 'conflict' ? 'conflict' : expected?.key ?? null);
  });
}

const MERGES: { behaviour: string; base: ExportValue | null; parents: (ExportValue | null)[]; result: ExportValue | null; own: string | null }[] = [
  { behaviour: 'a clean merge that takes the side\'s tightening has no change of its own', base: X, parents: [X, Y], result: Y, own: null },
  { behaviour: 'a merge that keeps what both parents had has no change of its own', base: X, parents: [X, X], result: X, own: null },
  { behaviour: 'an export neither parent had is an evil addition', base: null, parents: [null, null], result: X, own: 'evil null→any' },
  { behaviour: 'a value neither parent had is evil, changed from the clean merge\'s', base: X, parents: [X, Y], result: Z, own: 'evil gpl→gpl:CXL' },
  { behaviour: 'dropping an export both parents kept is evil', base: X, parents: [X, X], result: null, own: 'evil any→null' },
  { behaviour: 'keeping mainline\'s value over the side\'s tightening is a resolution from the clean merge\'s value', base: X, parents: [X, Y], result: X, own: 'resolution gpl→any' },
  { behaviour: 'keeping the side\'s value over mainline\'s change is a resolution', base: X, parents: [Y, X], result: X, own: 'resolution gpl→any' },
  { behaviour: 'keeping an export one side removed is a resolution', base: X, parents: [X, null], result: X, own: 'resolution null→any' },
  { behaviour: 'a conflict resolved with the first parent\'s side is a resolution dropping the other side\'s change', base: X, parents: [Y, Z], result: Y, own: 'resolution gpl:CXL→gpl' },
  { behaviour: 'a conflict resolved with the second parent\'s side is a resolution from the first parent\'s value', base: X, parents: [Y, Z], result: Z, own: 'resolution gpl→gpl:CXL' },
  { behaviour: 'a conflict resolved with a third value is evil', base: X, parents: [Y, Z], result: X, own: 'evil gpl→any' },
  { behaviour: 'an octopus that drops one of three branches\' tightening is a resolution', base: X, parents: [X, Y, X], result: X, own: 'resolution gpl→any' },
  { behaviour: 'a clean octopus has no change of its own', base: null, parents: [null, Y, null], result: Y, own: null },
];

const valueName = (v: ExportValue | null): string => (v === null ? 'null' : `${v.license}${v.namespace ? `:${v.namespace}` : ''}`);

for (const { behaviour, base, parents, result, own } of MERGES) {
  test(`mergeChange: ${behaviour}`, () => {
    const actual = mergeChange('net/core/datagram.c', 'sym', base, parents, result);
    assert.equal(actual && `${actual.merge} ${valueName(actual.before)}→${valueName(actual.after)}`, own);
    if (actual) assert.deepEqual([actual.path, actual.symbol], ['net/core/datagram.c', 'sym']);
  });
}

test('a resolution that drops a side branch\'s tightening becomes a loosened event marked resolution', () => {
  const own = mergeChange('net/core/datagram.c', 'skb_copy_datagram_iovec', ANY, [ANY, GPL], ANY)!;
  assert.deepEqual(eventsOf([own]).map(show), ['loosened(resolution) skb_copy_datagram_iovec net/core/datagram.c EXPORT_SYMBOL_GPL→EXPORT_SYMBOL']);
});

test('mergeSymbol does not follow a move when the other side already exports the symbol in the destination file', async () => {
  // drivers/acpi, 2004: one side moved acpi_bus_register_driver from acpi_ksyms.c to scan.c, the other
  // added a second export in scan.c and kept acpi_ksyms.c's; the merge took the move: no change of its own.
  const { mergeSymbol } = await import('../../src/mining/deriveEvents.js');
  const any = { macro: 'EXPORT_SYMBOL', namespace: null, license: 'any' as const, line: 1, key: 'EXPORT_SYMBOL||any' };
  const base = new Map([['drivers/acpi/acpi_ksyms.c', any]]);
  const kept = new Map([['drivers/acpi/acpi_ksyms.c', any], ['drivers/acpi/scan.c', any]]);
  const moved = new Map([['drivers/acpi/scan.c', any]]);
  assert.deepEqual(mergeSymbol('acpi_bus_register_driver', base, [kept, moved], new Map([['drivers/acpi/scan.c', any]])), []);
});
