// SQLite's failures a user can do something about, put into words: a read-only file, a full disk,
// a busy or corrupt database. Anything else stays a bug.
import { KsymtrailError } from '../errors.js';

export class StorageFailed extends KsymtrailError<{ sqliteCode: string }> {
  constructor(sqliteCode: string, message: string) {
    super('StorageFailed', message, { sqliteCode });
  }
}

const ADVICE: [RegExp, string][] = [
  [/^SQLITE_READONLY/, 'the database file (or its directory) is read-only: make it writable or give another --db; nothing was written'],
  [/^SQLITE_FULL$/, 'the disk is full: free some space and rerun; the database keeps everything committed before'],
  [/^SQLITE_IOERR/, 'the disk failed a read or write: check it and rerun; the database keeps everything committed before'],
  [/^SQLITE_(BUSY|LOCKED)/, 'the database is locked by another process for longer than 10 s: wait for it and rerun'],
  [/^SQLITE_CANTOPEN$/, 'the database file cannot be opened: check its path and permissions'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'the database file is damaged: restore it from a copy or mine into a new one'],
];

/** The user-facing error for an SQLite failure, or null when it is not one a user can fix. */
export function storageError(error: unknown, path?: string): StorageFailed | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const advice = ADVICE.find(([pattern]) => pattern.test(code))?.[1];
  if (!advice) return null;
  return new StorageFailed(code, `${path ? `${path}: ` : ''}${advice} (${code})`);
}
