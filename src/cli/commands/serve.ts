// `ksymtrail serve [--port 8080] [--host 127.0.0.1] [--db FILE]`: the JSON API and the pages, read-only.
import type { Command } from 'commander';
import { openStore } from '../../storage/openStore.js';
import { listen } from '../../server/listen.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import type { Output } from '../Output.js';
import { parsePort } from '../parseCount.js';

export function registerServe(program: Command, out: Output): void {
  program
    .command('serve')
    .description('serve the JSON API and the pages over the database (read-only; loopback unless --host says otherwise)')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--port <port>', 'the TCP port', parsePort, 8080)
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .action(async (options: { db: string; port: number; host: string }) => {
      await serveUntilStopped(options.db, options.host, options.port, out);
    });
}

/** Serves until SIGINT or SIGTERM. */
export async function serveUntilStopped(dbPath: string, host: string, port: number, out: Output): Promise<void> {
  const db = openStore(dbPath, { readonly: true });
  const { server, url } = await listen(db, host, port);
  out.stderr(`ksymtrail: serving ${dbPath} at ${url} (Ctrl-C stops)`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  db.close();
}
