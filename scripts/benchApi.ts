// The API under load, for npm run bench: a `ksymtrail serve` child process on loopback over a mined
// database, symbol lookups (real names, in turn) from autocannon; latency, throughput, errors and
// the server's memory before and after.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

/** Starts the server on a free port; resolves with its URL and pid once it listens. */
function startServer(root: string, db: string): Promise<{ url: string; stop(): void; pid: number }> {
  const child = spawn('node', [join(root, 'bin/ksymtrail.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const url = /at (http:\/\/\S+\/)/.exec(text)?.[1];
      if (url) resolve({ url, pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (status) => reject(new Error(`serve exited ${status}: ${text}`)));
  });
}

const rssMb = (pid: number): number => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

export async function loadTest(root: string, db: string, runs: { connections: number; seconds: number }[]): Promise<LoadResult[]> {
  const names = new Database(db, { readonly: true }).prepare('SELECT symbol FROM symbols ORDER BY random() LIMIT 500').pluck().all() as string[];
  const server = await startServer(root, db);
  const results: LoadResult[] = [];
  try {
    for (const { connections, seconds } of runs) {
      const rssBeforeMb = rssMb(server.pid);
      let next = 0;
      const result = await autocannon({
        url: server.url,
        connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/symbols/${names[next++ % names.length]}` }) }],
      });
      results.push({
        connections, seconds, requests: result.requests.total, rps: Math.round(result.requests.average),
        p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx,
        rssBeforeMb, rssAfterMb: rssMb(server.pid),
      });
    }
  } finally {
    server.stop();
  }
  return results;
}
