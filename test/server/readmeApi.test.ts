// The README's API table names exactly the routes the app serves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createApp } from '../../src/server/createApp.js';
import type { Db } from '../../src/storage/openStore.js';

interface Layer { rawPath?: string; route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } }

/** `GET /api/...` for every route of a router mounted under /api, read from Express's own stack. */
function apiRoutes(): string[] {
  const app = createApp({} as Db) as unknown as { router: { stack: Layer[] } };
  const routes: string[] = [];
  for (const layer of app.router.stack) {
    for (const inner of layer.handle?.stack ?? []) {
      if (!inner.route || !layer.rawPath?.startsWith('/api')) continue;
      const path = `${layer.rawPath}${inner.route.path === '/' ? '' : inner.route.path}`;
      for (const method of Object.keys(inner.route.methods)) routes.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return routes.sort();
}

test('the README API table lists every route and no other', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const documented = [...readme.matchAll(/^\| `(GET|POST|PUT|DELETE) (\/api\/[^`?]*)`/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
  assert.ok(documented.length > 0, 'the README has an API table');
  assert.deepEqual(documented, apiRoutes());
});
