// Starts the server on a host and port; resolves with its address once it listens.
import type { Server } from 'node:http';
import { BadInput } from '../errors.js';
import type { Db } from '../storage/openStore.js';
import { createApp } from './createApp.js';

export function listen(db: Db, host: string, port: number): Promise<{ server: Server; url: string }> {
  const app = createApp(db);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/` });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new BadInput('port', String(port), 'is in use; choose another with --port'));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new BadInput('host', host, 'is not an address of this machine'));
      else reject(error);
    });
  });
}
