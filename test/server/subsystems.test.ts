// GET /api/subsystems and /api/subsystems/:name on the fixture record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureServer } from '../helpers/fixtureServer.js';

const api = await fixtureServer();

test('the list has every entry and group with exports now, GPL-only share and events', async () => {
  const { status, body } = await api.get('/api/subsystems');
  assert.equal(status, 200);
  const rows = Object.fromEntries(body.items.map((s: { name: string; exports: number; gplOnly: number; eventCount: number }) => [s.name, [s.exports, s.gplOnly, s.eventCount]]));
  assert.deepEqual(rows, {
    VFIO: [32, 2, 36], 'VFIO DRIVER': [32, 2, 36], 'MEMORY MANAGEMENT': [8, 1, 11],
    HMM: [1, 1, 2], 'HMM - Heterogeneous Memory Management': [1, 1, 2],
  });
});

test('one subsystem has its maintainers, its symbols with license periods, and its events', async () => {
  const { status, body } = await api.get(`/api/subsystems/${encodeURIComponent('HMM - Heterogeneous Memory Management')}`);
  assert.equal(status, 200);
  assert.deepEqual(body.details.maintainers, ['Jason Gunthorpe <jgg@example.org>']);
  assert.deepEqual(body.symbols.map((s: { symbol: string; periods: { license: string }[] }) => [s.symbol, s.periods.map((p) => p.license)]), [['hmm_range_fault', ['any', 'gpl']]]);
  assert.deepEqual(body.events.map((e: { kind: string }) => e.kind), ['added', 'tightened']);
});

test('an unknown subsystem is a 404, and an overlong or control-character name a 400', async () => {
  assert.equal((await api.get('/api/subsystems/NOPE')).status, 404);
  assert.equal((await api.get(`/api/subsystems/${'A'.repeat(300)}`)).status, 400);
  assert.equal((await api.get('/api/subsystems/A%0AB')).status, 400);
  assert.equal((await api.get('/api/subsystems/%E0%A4%A')).status, 400, 'broken percent-encoding');
});
