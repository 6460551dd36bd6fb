// One fixture record and a server over it per test file: `const api = await fixtureServer(); ... api.get('/api/stats')`.
import { after } from 'node:test';
import { isolateGit } from './isolateGit.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export async function fixtureServer(): Promise<{ url: string; db: string; get(path: string, init?: RequestInit): Promise<Answer> }> {
  const restore = isolateGit();
  const { buildServerFixture, startServer } = await import('./serverFixture.js');
  const fixture = await buildServerFixture();
  const server = await startServer(fixture.db);
  after(async () => {
    await server.close();
    fixture.cleanup();
    restore();
  });
  return {
    url: server.url,
    db: fixture.db,
    async get(path, init) {
      const response = await fetch(new URL(path, server.url), init);
      const text = await response.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      return { status: response.status, headers: response.headers, body, text };
    },
  };
}
