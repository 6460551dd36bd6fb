// Prepared statements kept per database and SQL text: the server answers the same few queries
// thousands of times a second, and preparing costs more than running most of them.
import type { Statement } from 'better-sqlite3';
import type { Db } from './openStore.js';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  // pluck() sticks to a statement: undo it, so each caller gets rows unless it asks again.
  return statement.reader ? statement.pluck(false) : statement;
}
