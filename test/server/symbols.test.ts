// GET /api/symbols and /api/symbols/:name on the fixture record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureServer } from '../helpers/fixtureServer.js';

const api = await fixtureServer();

test('search puts prefix matches first and gives each symbol its license now', async () => {
  const { status, body } = await api.get('/api/symbols?q=pin');
  assert.equal(status, 200);
  assert.deepEqual(body.items, [{ symbol: 'vfio_pin_pages', license: 'any', events: 3 }]);
  const prefix = await api.get('/api/symbols?q=vfio_');
  assert.equal(prefix.body.total, 33);
  assert.equal(prefix.body.items[0].symbol, 'vfio_group_0');
});

test('search filters by license and subsystem, and pages with limit and offset', async () => {
  const gpl = await api.get('/api/symbols?license=gpl');
  assert.deepEqual(gpl.body.items.map((s: { symbol: string }) => s.symbol), ['hmm_range_fault', 'vfio_pci_core_3', 'vfio_pci_core_4']);
  const hmm = await api.get(`/api/symbols?subsystem=${encodeURIComponent('HMM - Heterogeneous Memory Management')}`);
  assert.deepEqual(hmm.body.items.map((s: { symbol: string }) => s.symbol), ['hmm_range_fault']);
  const page = await api.get('/api/symbols?q=vfio_group_&limit=2&offset=3');
  assert.deepEqual([page.body.total, page.body.limit, page.body.offset, page.body.items.length], [12, 2, 3, 2]);
  assert.equal(page.body.items[0].symbol, 'vfio_group_11');
});

test('a symbol comes with its exports, subsystems, events with citations, and license per release', async () => {
  const { status, body } = await api.get('/api/symbols/vfio_pin_pages');
  assert.equal(status, 200);
  assert.deepEqual(body.exports, [{ path: 'drivers/vfio/vfio_main.c', line: 3, macro: 'EXPORT_SYMBOL', license: 'any', namespace: null, subsystems: ['VFIO DRIVER', 'VFIO'] }]);
  assert.deepEqual(body.events.map((e: { kind: string; release: string }) => `${e.kind} ${e.release}`), ['added v5.0', 'tightened v5.1', 'loosened v5.3']);
  assert.deepEqual(body.releases, [{ release: 'v5.0', license: 'any' }, { release: 'v5.1', license: 'gpl' }, { release: 'v5.3', license: 'any' }]);
  const tightened = body.events[1];
  assert.match(tightened.citation, new RegExp(`^commit ${tightened.commit.slice(0, 12)} \\("vfio: make vfio_pin_pages GPL-only"\\)\\n`));
  assert.match(tightened.citation, /^Link: https:\/\/lore\.example\.org\/r\/vfio-pin-1$/m);
});

test('an unknown symbol is a 404 with the nearest names, and a name that is not an identifier a 400', async () => {
  const unknown = await api.get('/api/symbols/vfio_pin_page');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error, 'NotFound');
  assert.deepEqual(unknown.body.nearest, ['vfio_pin_pages']);
  for (const name of ['..%2f..%2fetc%2fpasswd', 'a%00b', "x'%20OR%201=1--", '1abc']) {
    const bad = await api.get(`/api/symbols/${name}`);
    assert.equal(bad.status, 400, name);
    assert.equal(bad.body.error, 'BadInput');
  }
});

test('bad search parameters are 400s with a message', async () => {
  for (const query of ['limit=-1', 'limit=501', 'limit=abc', 'offset=-5', 'license=proprietary', 'q=a&q=b', `q=${'x'.repeat(10_000)}`, 'q=%00']) {
    const { status, body } = await api.get(`/api/symbols?${query}`);
    assert.equal(status, 400, query);
    assert.equal(typeof body.message, 'string');
  }
  const sql = await api.get(`/api/symbols?q=${encodeURIComponent("' OR 1=1 --")}`);
  assert.deepEqual([sql.status, sql.body.total], [200, 0]);
  const wildcard = await api.get('/api/symbols?q=%25');
  assert.deepEqual([wildcard.status, wildcard.body.total], [200, 0], 'a % is a character, not a LIKE wildcard');
});
