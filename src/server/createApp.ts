// The server: the read-only JSON API and the d3 pages, built apart from listen() so tests can drive it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Db } from '../storage/openStore.js';
import { errorMiddleware, notFoundHandler } from './errorMiddleware.js';
import { symbolName, checkedText } from './params.js';
import { eventsRouter } from './routes/eventsRouter.js';
import { overviewRouter } from './routes/overviewRouter.js';
import { subsystemsRouter } from './routes/subsystemsRouter.js';
import { symbolsRouter } from './routes/symbolsRouter.js';
import { readSnapshot } from './readSnapshot.js';
import { securityHeaders } from './securityHeaders.js';

const WEB = fileURLToPath(new URL('../../../web/', import.meta.url));
// d3's package exports hide its bundle: resolve its entry point (dist/d3.node.js), the bundle is beside it.
const D3 = join(dirname(createRequire(import.meta.url).resolve('d3')), 'd3.min.js');

/** The application over a database opened read-only; it never writes and never runs git. */
export function createApp(db: Db): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.use(securityHeaders);
  app.use('/api', (_req, res, next) => {
    // Answers change only when a mine writes: revalidate with the ETag every time.
    res.set('Cache-Control', 'no-cache');
    next();
  });
  app.use('/api', readSnapshot(db));
  app.use('/api/symbols', symbolsRouter(db));
  app.use('/api/subsystems', subsystemsRouter(db));
  app.use('/api/events', eventsRouter(db));
  app.use('/api', overviewRouter(db));
  app.use('/api', notFoundHandler);

  const page = (file: string) => (_req: express.Request, res: express.Response) => res.sendFile(file, { root: WEB });
  app.get('/', page('index.html'));
  app.get('/symbol/:name', (req, res) => {
    symbolName(req.params.name);
    page('symbol.html')(req, res);
  });
  app.get('/subsystem/:name', (req, res) => {
    checkedText('subsystem', req.params.name);
    page('subsystem.html')(req, res);
  });
  app.get('/vendor/d3.min.js', (_req, res) => res.sendFile(D3));
  app.use('/assets', express.static(`${WEB}assets`, { index: false, dotfiles: 'deny', fallthrough: true }));
  app.use(notFoundHandler);
  app.use(errorMiddleware);
  return app;
}
