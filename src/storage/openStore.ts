// Opens (and creates or migrates) a ksymtrail database; refuses files that are not ours or are newer.
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DbFromNewerVersion, DbFromOlderVersion, NoDatabase, NotADatabase } from '../errors.js';
import { APPLICATION_ID, MIGRATION_NOTICES, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Readers (the server) never write and never create. */
  readonly?: boolean;
  /** Told, once the upgrade is committed, what an upgrade of an existing database changed in it (MIGRATION_NOTICES). */
  onUpgrade?: (notice: string) => void;
}

export function openStore(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists && options.readonly) throw new NoDatabase(path);
  if (exists && !looksLikeSqlite(path)) throw new NotADatabase(path);
  if (!exists && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const empty = (db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n === 0;
    if (applicationId !== APPLICATION_ID && !(empty && applicationId === 0)) throw new NotADatabase(path);
    if (version > SCHEMA_VERSION) throw new DbFromNewerVersion(path, version, SCHEMA_VERSION);
    if (options.readonly && version < SCHEMA_VERSION) {
      if (empty) throw new NotADatabase(path);
      throw new DbFromOlderVersion(path, version, SCHEMA_VERSION);
    }
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Only a database to upgrade that held mined commits has anything an upgrade could empty.
      const held = version > 0 && version < SCHEMA_VERSION && db.prepare('SELECT EXISTS (SELECT 1 FROM commits)').pluck().get() === 1;
      migrate(db, version);
      if (held) for (const notice of noticesAfter(version)) options.onUpgrade?.(notice);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Db, from: number): void {
  if (from === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** What the migrations after `version` tell a user, oldest first. */
function noticesAfter(version: number): string[] {
  const notices = [];
  for (let v = version + 1; v <= SCHEMA_VERSION; v++) {
    const notice = MIGRATION_NOTICES.get(v);
    if (notice) notices.push(notice);
  }
  return notices;
}

/** An SQLite file starts with this header; checked before SQLite touches (and maybe journals) it. */
function looksLikeSqlite(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, header, 0, 16, 0);
    return read === 0 || header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}
