// GET /api/events: ranges by release tag or date, kinds, subsystem, author.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureServer } from '../helpers/fixtureServer.js';

const api = await fixtureServer();
const kinds = (body: { items: { kind: string; symbol: string }[] }): string[] => body.items.map((e) => `${e.kind} ${e.symbol}`);

test('events filter by kind, oldest first, with their attribution', async () => {
  const { status, body } = await api.get('/api/events?kind=tightened,loosened');
  assert.equal(status, 200);
  assert.deepEqual(kinds(body), ['tightened vfio_pin_pages', 'tightened hmm_range_fault', 'loosened vfio_pin_pages']);
  assert.equal(body.items[1].author_name, 'Jérôme Glisse');
  assert.equal(body.items[1].author_date, '2019-03-20T10:00:00+02:00');
});

test('a release range holds what the later release has and the earlier did not', async () => {
  const { body } = await api.get('/api/events?from=v5.1&to=v5.2&kind=tightened,moved');
  assert.deepEqual(kinds(body), ['moved mm_util_5', 'moved mm_script_test', 'tightened hmm_range_fault']);
  const dates = await api.get('/api/events?from=2019-05-01&to=2019-05-31');
  assert.deepEqual(kinds(dates.body), ['loosened vfio_pin_pages', 'removed vfio_group_11']);
});

test('events filter by subsystem and by author name or e-mail', async () => {
  const hmm = await api.get('/api/events?subsystem=HMM');
  assert.deepEqual(kinds(hmm.body), ['added hmm_range_fault', 'tightened hmm_range_fault']);
  const alex = await api.get('/api/events?author=ALEX.williamson@');
  assert.deepEqual(kinds(alex.body), ['tightened vfio_pin_pages', 'loosened vfio_pin_pages', 'removed vfio_group_11']);
});

test('an unknown release, a bad date or kind, and a huge limit are 400s', async () => {
  for (const query of ['from=v9.9', 'to=2019-13-45', 'kind=deleted', 'limit=100000', 'author=%00', 'symbol=..%2fetc']) {
    const { status, body } = await api.get(`/api/events?${query}`);
    assert.equal(status, 400, query);
    assert.equal(body.error, 'BadInput');
  }
});

test('an unknown subsystem or symbol in a filter is a 404, not an empty list', async () => {
  for (const query of ['subsystem=NOPE', 'symbol=no_such_symbol']) {
    const { status, body } = await api.get(`/api/events?${query}`);
    assert.deepEqual([status, body.error], [404, 'NotFound'], query);
  }
  const search = await api.get('/api/symbols?subsystem=NOPE');
  assert.equal(search.status, 404);
});
