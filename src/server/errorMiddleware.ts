// The one place errors become HTTP answers: a JSON body with a message, 400 for bad input, 404 for
// unknown names, 503 when the database cannot answer (busy, disk), 500 (without details) for anything else.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { KsymtrailError } from '../errors.js';
import { storageError } from '../storage/storageError.js';

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: 'NotFound', message: `no such route: ${req.method} ${req.path.slice(0, 200)}` });
};

export const errorMiddleware: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof KsymtrailError) {
    res.status(error.code === 'NotFound' ? 404 : 400).json({ error: error.code, message: error.message, ...('nearest' in error.data ? { nearest: error.data.nearest } : {}) });
    return;
  }
  // Malformed URLs and bodies from Express itself carry a 4xx status.
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: 'BadRequest', message: 'the request could not be read; check its URL encoding' });
    return;
  }
  const storage = storageError(error);
  if (storage) {
    res.status(503).json({ error: 'Unavailable', message: storage.message });
    return;
  }
  console.error(`ksymtrail serve: ${error instanceof Error ? error.message : String(error)}`);
  res.status(500).json({ error: 'Internal', message: 'the server failed to answer; see its log' });
};
