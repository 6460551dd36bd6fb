// formatCitation: one event in the kernel's citation style, ready to paste into an e-mail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadInput } from '../../src/errors.js';
import { formatCitation, type CitationInput } from '../../src/reports/formatCitation.js';

const BASE: CitationInput = {
  sha: '0123456789abcdef0123456789abcdef01234567',
  subject: 'mm: make foo GPL-only',
  authorName: 'Jane Doe',
  authorEmail: 'jane@example.org',
  authorTime: 1709644029,
  authorTz: '+0100',
  committerName: 'Andrew Morton',
  committerEmail: 'akpm@linux-foundation.org',
  release: 'v6.9',
  links: ['https://lore.kernel.org/r/20240305130709.1234-1-jane@example.org'],
  symbol: 'foo',
  path: 'mm/foo.c',
  fromPath: null,
  kind: 'tightened',
  beforeMacro: 'EXPORT_SYMBOL',
  afterMacro: 'EXPORT_SYMBOL_GPL',
  beforeNamespace: null,
  afterNamespace: null,
};

const cite = (changes: Partial<CitationInput>) => formatCitation({ ...BASE, ...changes });
const lines = (changes: Partial<CitationInput>) => cite(changes).split('\n');
/** The change line as one line again: the lines before `Author:`, continuation indents undone. */
const changeOf = (changes: Partial<CitationInput>) => {
  const all = lines(changes);
  return all.slice(1, all.findIndex((line) => line.startsWith('Author: '))).map((line) => line.trim()).join(' ');
};

test('writes the whole citation, each line ending in a newline', () => {
  assert.equal(cite({}), [
    'commit 0123456789ab ("mm: make foo GPL-only")',
    'Tightened: EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL for foo in mm/foo.c',
    'Author: Jane Doe <jane@example.org>',
    'Date: Tue Mar 5 14:07:09 2024 +0100',
    'Committer: Andrew Morton <akpm@linux-foundation.org>',
    'First release: v6.9',
    'Link: https://lore.kernel.org/r/20240305130709.1234-1-jane@example.org',
    '',
  ].join('\n'));
});

const FIRST_LINES: Array<{ behaviour: string; changes: Partial<CitationInput>; want: string }> = [
  { behaviour: 'abbreviates the commit id to 12 lower-case digits', changes: { sha: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' }, want: 'commit abcdef012345 ("mm: make foo GPL-only")' },
  { behaviour: 'abbreviates a SHA-256 commit id to 12 digits too', changes: { sha: 'f'.repeat(64) }, want: 'commit ffffffffffff ("mm: make foo GPL-only")' },
  {
    behaviour: 'keeps a subject over 72 columns whole on the first line',
    changes: { subject: 'vfio/type1: Convert vfio_pin_pages and vfio_unpin_pages to take an IOVA and a page count, not PFNs' },
    want: 'commit 0123456789ab ("vfio/type1: Convert vfio_pin_pages and vfio_unpin_pages to take an IOVA and a page count, not PFNs")',
  },
  { behaviour: 'keeps double quotes in the subject as they are, as git log does', changes: { subject: 'Revert "mm: make foo GPL-only"' }, want: 'commit 0123456789ab ("Revert "mm: make foo GPL-only"")' },
  { behaviour: 'keeps non-ASCII letters in the subject', changes: { subject: 'drivers: fix Müller’s typo — again' }, want: 'commit 0123456789ab ("drivers: fix Müller’s typo — again")' },
  { behaviour: 'cites a commit with an empty subject', changes: { subject: '' }, want: 'commit 0123456789ab ("")' },
  { behaviour: 'joins a subject that spans lines into one line, as git\'s %s does', changes: { subject: 'mm: one\n  two\r\nthree' }, want: 'commit 0123456789ab ("mm: one two three")' },
];

for (const { behaviour, changes, want } of FIRST_LINES) {
  test(behaviour, () => assert.equal(lines(changes)[0], want));
}

const CHANGES: Array<{ behaviour: string; changes: Partial<CitationInput>; want: string }> = [
  { behaviour: 'says which macro an added export has', changes: { kind: 'added', beforeMacro: null }, want: 'Added: EXPORT_SYMBOL_GPL for foo in mm/foo.c' },
  { behaviour: 'says which macro a removed export had', changes: { kind: 'removed', afterMacro: null, beforeMacro: 'EXPORT_SYMBOL' }, want: 'Removed: EXPORT_SYMBOL for foo in mm/foo.c' },
  { behaviour: 'shows a tightening as the old and the new macro', changes: {}, want: 'Tightened: EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL for foo in mm/foo.c' },
  { behaviour: 'shows a loosening as the old and the new macro', changes: { kind: 'loosened', beforeMacro: 'EXPORT_SYMBOL_GPL', afterMacro: 'EXPORT_SYMBOL' }, want: 'Loosened: EXPORT_SYMBOL_GPL -> EXPORT_SYMBOL for foo in mm/foo.c' },
  { behaviour: 'shows a macro change within one license', changes: { kind: 'macro-changed', beforeMacro: 'EXPORT_SYMBOL_NOVERS', afterMacro: 'EXPORT_SYMBOL' }, want: 'Macro changed: EXPORT_SYMBOL_NOVERS -> EXPORT_SYMBOL for foo in mm/foo.c' },
  { behaviour: 'shows the namespace an export has', changes: { kind: 'added', beforeMacro: null, afterNamespace: 'CXL', symbol: 'cxl_bus_type', path: 'drivers/cxl/core/port.c' }, want: 'Added: EXPORT_SYMBOL_GPL for cxl_bus_type in drivers/cxl/core/port.c, namespace CXL' },
  { behaviour: 'shows a namespace change with none for no namespace', changes: { kind: 'namespace-changed', beforeMacro: 'EXPORT_SYMBOL_GPL', afterNamespace: 'CXL' }, want: 'Namespace changed: none -> CXL for foo in mm/foo.c' },
  { behaviour: 'shows a move with the file it left and the file it reached', changes: { kind: 'moved', fromPath: 'mm/old.c', beforeMacro: 'EXPORT_SYMBOL_GPL' }, want: 'Moved: EXPORT_SYMBOL_GPL for foo from mm/old.c to mm/foo.c' },
  { behaviour: 'shows both macros for a move that also changed the macro', changes: { kind: 'moved', fromPath: 'mm/old.c' }, want: 'Moved: EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL for foo from mm/old.c to mm/foo.c' },
  { behaviour: 'keeps a wrapper macro verbatim', changes: { kind: 'added', beforeMacro: null, afterMacro: 'ACPI_EXPORT_SYMBOL', symbol: 'acpi_evaluate_object', path: 'drivers/acpi/acpica/nsxfeval.c' }, want: 'Added: ACPI_EXPORT_SYMBOL for acpi_evaluate_object in drivers/acpi/acpica/nsxfeval.c' },
];

for (const { behaviour, changes, want } of CHANGES) {
  test(behaviour, () => assert.equal(changeOf(changes), want));
}

test('wraps a long change line at 72 columns with indented continuation lines', () => {
  const got = lines({ kind: 'moved', symbol: 'drm_gem_shmem_get_pages_sgt', fromPath: 'drivers/gpu/drm/drm_gem_shmem_helper.c', path: 'drivers/gpu/drm/drm_gem_shmem.c' });
  assert.deepEqual(got.slice(1, 6), [
    'Moved: EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL for',
    '  drm_gem_shmem_get_pages_sgt from',
    '  drivers/gpu/drm/drm_gem_shmem_helper.c to',
    '  drivers/gpu/drm/drm_gem_shmem.c',
    'Author: Jane Doe <jane@example.org>',
  ]);
});

test('keeps a path longer than 72 columns whole', () => {
  const path = `drivers/${'very_long_directory_name/'.repeat(3)}file.c`;
  assert.ok(lines({ path }).includes(`  ${path}`));
});

test('keeps every line but the commit line and Link: lines within 72 columns when no word is longer', () => {
  const text = cite({
    subject: 'x'.repeat(100), symbol: 'a_fairly_long_symbol_name_for_wrapping', path: 'drivers/gpu/drm/amd/display/dc/core/dc.c',
    authorName: 'Ein sehr langer Autorenname mit vielen Wörtern darin zum Umbrechen', links: [`https://lore.kernel.org/r/${'z'.repeat(90)}`],
  });
  for (const line of text.split('\n').slice(1)) if (!line.startsWith('Link: ')) assert.ok([...line].length <= 72, line);
});

test('writes one Link: line per trailer, in order, however long, and none without', () => {
  const long = `https://lore.kernel.org/all/${'0123456789'.repeat(9)}@example.org/`;
  assert.deepEqual(lines({ links: ['https://lore.kernel.org/r/1', long] }).filter((l) => l.startsWith('Link:')), ['Link: https://lore.kernel.org/r/1', `Link: ${long}`]);
  assert.deepEqual(lines({ links: [] }).filter((l) => l.startsWith('Link:')), []);
  assert.deepEqual(lines({ links: ['', '  '] }).filter((l) => l.startsWith('Link:')), []);
});

test('says when no release contains the commit yet', () => {
  assert.ok(lines({ release: null }).includes('First release: not in a release yet'));
});

test('shows the date in the commit\'s own time zone', () => {
  assert.ok(lines({ authorTz: '-0700' }).includes('Date: Tue Mar 5 06:07:09 2024 -0700'));
});

test('shows non-ASCII author and committer names as given', () => {
  const got = lines({ authorName: 'Jörn Engel', authorEmail: 'joern@example.de', committerName: 'Linus Torvalds', committerEmail: 'torvalds@linux-foundation.org' });
  assert.ok(got.includes('Author: Jörn Engel <joern@example.de>'));
  assert.ok(got.includes('Committer: Linus Torvalds <torvalds@linux-foundation.org>'));
});

test('shows a person without a name or without an e-mail by what is known', () => {
  const got = lines({ authorName: '', authorEmail: 'anon@example.org', committerName: 'Only Name', committerEmail: '' });
  assert.ok(got.includes('Author: <anon@example.org>'));
  assert.ok(got.includes('Committer: Only Name'));
});

test('refuses an event kind it does not know with a BadInput', () => {
  assert.throws(() => cite({ kind: 'renamed' as CitationInput['kind'] }), (error: unknown) => error instanceof BadInput && /event kind "renamed"/.test(error.message));
  assert.throws(() => cite({ kind: 'toString' as CitationInput['kind'] }), BadInput);
});

for (const sha of ['0123456789ab', '', 'g'.repeat(40), `${'0'.repeat(40)}\n`]) {
  test(`refuses the commit id ${JSON.stringify(sha)} with a BadInput`, () => {
    assert.throws(() => cite({ sha }), BadInput);
  });
}
