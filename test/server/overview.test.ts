// GET /api/releases, /api/stats, unknown routes, caching and security headers.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { test } from 'node:test';
import { fixtureServer } from '../helpers/fixtureServer.js';

const api = await fixtureServer();

test('releases come in version order with symbols by license and the GPL-only share', async () => {
  const { status, body } = await api.get('/api/releases');
  assert.equal(status, 200);
  assert.deepEqual(body.items.map((r: { release: string; any: number; gpl: number; mixed: number }) => [r.release, r.any, r.gpl, r.mixed]), [
    ['v5.0', 38, 2, 0], ['v5.1', 38, 3, 0], ['v5.2', 37, 4, 0], ['v5.3', 37, 3, 0],
  ]);
  assert.equal(body.items[0].gplShare, 2 / 40);
});

test('stats give the totals and say whether the record is demo data', async () => {
  const { body } = await api.get('/api/stats');
  assert.deepEqual([body.demo, body.commits, body.events, body.releases, body.symbols], [false, 7, 47, 4, { any: 37, gpl: 3, mixed: 0, none: 1 }]);
  assert.deepEqual(body.eventsByKind, { added: 41, loosened: 1, moved: 2, removed: 1, tightened: 2 });
});

test('an unknown API route is a JSON 404', async () => {
  const { status, body } = await api.get('/api/nothing');
  assert.deepEqual([status, body.error], [404, 'NotFound']);
});

test('a repeated request with its ETag is answered 304 without a body', async () => {
  const first = await api.get('/api/releases');
  const etag = first.headers.get('etag');
  assert.ok(etag);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  // node:http, not fetch: fetch adds `Cache-Control: no-cache` to conditional requests, which asks for a full answer.
  const again = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(new URL('/api/releases', api.url), { headers: { 'If-None-Match': etag } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
  assert.deepEqual([again.status, again.body], [304, '']);
});

test('every answer forbids inline script, sniffing and framing', async () => {
  for (const path of ['/', '/api/stats', '/api/symbols/nope']) {
    const { headers } = await api.get(path);
    assert.match(headers.get('content-security-policy') ?? '', /script-src 'self'/, path);
    assert.doesNotMatch(headers.get('content-security-policy') ?? '', /unsafe-inline/, path);
    assert.equal(headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(headers.get('x-frame-options'), 'DENY', path);
    assert.equal(headers.get('x-powered-by'), null, path);
  }
});

test('the API only reads: other methods are refused', async () => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const { status } = await api.get('/api/symbols/vfio_pin_pages', { method });
    assert.equal(status, 404, method);
  }
});

test('page routes check their names too: a traversal is a JSON 400 and reads nothing', async () => {
  for (const path of ['/symbol/..%2f..%2fetc%2fpasswd', '/subsystem/%00', '/assets/..%2f..%2fpackage.json']) {
    const { status, body, text } = await api.get(path);
    assert.ok(status === 400 || status === 404, `${path}: ${status}`);
    assert.equal(typeof body?.message, 'string', path);
    assert.doesNotMatch(text, /ksymtrail|root:/, path);
  }
  const page = await api.get('/symbol/vfio_pin_pages');
  assert.deepEqual([page.status, page.headers.get('content-type')?.startsWith('text/html')], [200, true]);
});
