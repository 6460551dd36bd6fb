// Every API answer reads one snapshot of the database: a mine that commits while a request runs
// several queries (a symbol's exports, then its events and releases) is seen by all of them or none.
import type { NextFunction, RequestHandler } from 'express';
import type { Db } from '../storage/openStore.js';

/**
 * Runs the rest of the request inside one read transaction. The handlers answer synchronously
 * (better-sqlite3 is synchronous), so the whole answer is read, and sent, before it ends; a handler
 * that awaited before a query would read outside it (test/server/readSnapshot.test.ts checks every
 * route's queries).
 */
export function readSnapshot(db: Db): RequestHandler {
  // Made at the first request, as the routers prepare their statements: building the app reads nothing.
  let withinSnapshot: ((next: NextFunction) => void) | null = null;
  return (_req, _res, next) => (withinSnapshot ??= db.transaction((then: NextFunction) => then()))(next);
}
