// show, cite and check-imports on the fixture record: exact text, suggestions, a .ko made here.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { buildServerFixture } = await import('../helpers/serverFixture.js');
const { runCli } = await import('../helpers/runCli.js');
const { buildElf } = await import('../helpers/buildElf.js');

let fixture: Awaited<ReturnType<typeof buildServerFixture>>;
let db = '';
const sha = (name: string): string => fixture.repo.id(name).slice(0, 12);

before(async () => {
  fixture = await buildServerFixture();
  db = fixture.db;
});
after(() => fixture.cleanup());

test('show prints the exports now and every event with commit, release, author and subject', async () => {
  const run = await runCli('show', 'vfio_pin_pages', '--db', db);
  assert.equal(run.status, 0);
  assert.deepEqual(run.stdout.map((l) => l.trimEnd()), [
    'vfio_pin_pages: exported to all modules now',
    'PATH                        MACRO          LICENSE  NAMESPACE  SUBSYSTEMS',
    '--------------------------  -------------  -------  ---------  -----------------',
    'drivers/vfio/vfio_main.c:3  EXPORT_SYMBOL  any      -          VFIO DRIVER, VFIO',
    '#  DATE        COMMIT        KIND       PATH                      MACRO                               RELEASE  AUTHOR           SUBJECT',
    '-  ----------  ------------  ---------  ------------------------  ----------------------------------  -------  ---------------  ------------------------------------------------',
    `1  2019-01-06  ${sha('base')}  added      drivers/vfio/vfio_main.c  - -> EXPORT_SYMBOL                  v5.0     Andrew Morton    Linux 5.0`,
    `2  2019-02-10  ${sha('tighten')}  tightened  drivers/vfio/vfio_main.c  EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL  v5.1     Alex Williamson  vfio: make vfio_pin_pages GPL-only`,
    `3  2019-05-12  ${sha('loosen')}  loosened   drivers/vfio/vfio_main.c  EXPORT_SYMBOL_GPL -> EXPORT_SYMBOL  v5.3     Alex Williamson  vfio: export vfio_pin_pages to all modules again`,
  ]);
});

test('show --at gives the exports at a release, and an unknown symbol gets the closest names', async () => {
  const at = await runCli('show', 'vfio_pin_pages', '--db', db, '--at', 'v5.2', '--json');
  const body = JSON.parse(at.stdout.join('\n'));
  assert.deepEqual([body.license, body.exports.map((e: { macro: string }) => e.macro)], ['gpl', ['EXPORT_SYMBOL_GPL']]);
  const moved = JSON.parse((await runCli('show', 'mm_util_5', '--db', db, '--at', 'v5.1', '--json')).stdout.join('\n'));
  assert.deepEqual(moved.exports.map((e: { path: string }) => e.path), ['mm/util.c']);
  const unknown = await runCli('show', 'vfio_pin_page', '--db', db);
  assert.deepEqual([unknown.status, unknown.stderr], [2, ['ksymtrail: no symbol "vfio_pin_page" in the record; nearest: vfio_pin_pages']]);
  const badRelease = await runCli('show', 'vfio_pin_pages', '--db', db, '--at', 'v9.9');
  assert.equal(badRelease.status, 2);
  assert.match(badRelease.stderr[0]!, /release "v9\.9": is not a release tag of the record; latest: v5\.3/);
});

test('cite prints the license changes in the kernel style, each with its Link: lines', async () => {
  const run = await runCli('cite', 'vfio_pin_pages', '--db', db);
  assert.equal(run.status, 0);
  assert.deepEqual(run.stdout, [
    `commit ${sha('tighten')} ("vfio: make vfio_pin_pages GPL-only")`,
    'Tightened: EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL for vfio_pin_pages in',
    '  drivers/vfio/vfio_main.c',
    'Author: Alex Williamson <alex.williamson@example.org>',
    'Date: Sun Feb 10 10:00:00 2019 -0600',
    'Committer: Alex Williamson <alex.williamson@example.org>',
    'First release: v5.1',
    'Link: https://lore.example.org/r/vfio-pin-1',
    `commit ${sha('loosen')} ("vfio: export vfio_pin_pages to all modules again")`,
    'Loosened: EXPORT_SYMBOL_GPL -> EXPORT_SYMBOL for vfio_pin_pages in',
    '  drivers/vfio/vfio_main.c',
    'Author: Alex Williamson <alex.williamson@example.org>',
    'Date: Sun May 12 10:00:00 2019 -0600',
    'Committer: Alex Williamson <alex.williamson@example.org>',
    'First release: v5.3',
    'Link: https://lore.example.org/r/vfio-pin-2',
  ]);
  const first = await runCli('cite', 'vfio_pin_pages', '--db', db, '--event', '1');
  assert.equal(first.stdout[0], `commit ${sha('base')} ("Linux 5.0")`);
  const moved = await runCli('cite', 'mm_util_5', '--db', db, '--kind', 'moved');
  assert.equal(moved.stdout[1], 'Moved: EXPORT_SYMBOL for mm_util_5 from mm/util.c to mm/util_extra.c');
  assert.equal((await runCli('cite', 'vfio_pin_pages', '--db', db, '--event', '9')).status, 2);
  assert.equal((await runCli('cite', 'vfio_pin_pages', '--db', db, '--kind', 'deleted')).status, 2);
});

test('check-imports reads a .ko\'s undefined symbols and exits 1 for GPL-only or missing ones', async () => {
  const ko = join(fixture.dir, 'demo.ko');
  writeFileSync(ko, buildElf({ bits: 64, endian: 'little', symbols: [
    { name: 'demo_init', section: 'text', type: 'func' },
    { name: 'vfio_pin_pages' }, { name: 'hmm_range_fault' }, { name: 'vfio_group_11' },
  ] }));
  const run = await runCli('check-imports', ko, '--db', db, '--json');
  assert.equal(run.status, 1);
  const body = JSON.parse(run.stdout.join('\n'));
  assert.equal(body.form, 'elf');
  assert.deepEqual(body.imports.map((i: { symbol: string; exported: boolean; license: string }) => [i.symbol, i.exported, i.license]), [
    ['vfio_pin_pages', true, 'any'], ['hmm_range_fault', true, 'gpl'], ['vfio_group_11', false, 'none'],
  ]);
  assert.equal(body.imports[1].gplOnlySince.commit, fixture.repo.id('hmm-gpl'));
  assert.equal(body.imports[1].gplOnlySince.release, 'v5.2');
  const past = await runCli('check-imports', ko, '--db', db, '--at', 'v5.0');
  assert.equal(past.status, 0, 'at v5.0 all three were exported to all modules');
  assert.match(past.stdout.at(-1)!, /^3 imports: 0 GPL-only .* 0 missing at v5\.0$/);
});

test('check-imports takes a list of names, and refuses a file that is neither ELF nor names', async () => {
  const list = join(fixture.dir, 'imports.txt');
  writeFileSync(list, '# from a build log\nvfio_pin_pages\nmm_util_0\n');
  assert.equal((await runCli('check-imports', list, '--db', db)).status, 0);
  writeFileSync(list, Buffer.from([0x00, 0x01, 0x02, 0xff]));
  const bad = await runCli('check-imports', list, '--db', db);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.length, 1);
  assert.equal((await runCli('check-imports', join(fixture.dir, 'missing.ko'), '--db', db)).status, 2);
});
