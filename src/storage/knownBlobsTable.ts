// Source blobs mines read, with what their bytes told under a set of wrapper names (see the
// known_blobs table): a blob's bytes never change, so neither does what a scan finds in them.
import type { SourceFacts } from '../exports/scanSource.js';
import { decodeFacts, encodeFacts } from './factsCodec.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './openStore.js';
import { prepared } from './prepared.js';

/**
 * What a read found in a blob under a set of names: null when it is plain (neither EXPORT nor any of
 * the names in its bytes); else EXPORT and none of the names, with the facts its scan found.
 */
export type Finding = SourceFacts | null;

export interface KnownBlob {
  names: ReadonlySet<string>;
  found: Finding;
}

export interface KnownBlobs {
  /** What a mine found in a blob, and the names it read it for; undefined when no mine recorded it. */
  recordOf(blob: string): KnownBlob | undefined;
  /** recordOf for many blobs in a few queries: the blobs recorded, each with its record. */
  recordsOf(blobs: readonly string[]): Map<string, KnownBlob>;
}

/** Blobs asked for in one query of recordsOf (SQLite allows 32,766 parameters). */
const RECORDS_PER_QUERY = 500;

export function knownBlobsTable(db: Db) {
  // Name sets by id and by identity: a mine's blobs share a few sets, and so do the answers here.
  const byId = new Map<number, ReadonlySet<string>>();
  const ids = new WeakMap<ReadonlySet<string>, number>();
  const nameSet = (id: number): ReadonlySet<string> => {
    let names = byId.get(id);
    if (!names) {
      const text = prepared(db, 'SELECT names FROM wrapper_name_sets WHERE id = ?').pluck().get(id) as string;
      byId.set(id, (names = new Set(text === '' ? [] : text.split(','))));
      ids.set(names, id);
    }
    return names;
  };
  const idOf = (names: ReadonlySet<string>): number => {
    let id = ids.get(names);
    if (id === undefined) {
      const text = [...names].sort().join(',');
      prepared(db, 'INSERT OR IGNORE INTO wrapper_name_sets (names) VALUES (?)').run(text);
      id = prepared(db, 'SELECT id FROM wrapper_name_sets WHERE names = ?').pluck().get(text) as number;
      ids.set(names, id);
    }
    return id;
  };
  // A query per number of blobs asked for at once (most rebuilds ask for a full chunk and a rest).
  const byCount = new Map<number, Statement>();
  const recordsQuery = (count: number): Statement => {
    let statement = byCount.get(count);
    if (!statement) {
      statement = db.prepare(`SELECT k.blob, k.names, k.exporting, f.facts FROM known_blobs k LEFT JOIN blob_facts f ON f.blob = k.blob
        WHERE k.blob IN (${Array(count).fill('?').join(', ')})`).raw();
      byCount.set(count, statement);
    }
    return statement;
  };
  return {
    recordsOf(blobs: readonly string[]): Map<string, KnownBlob> {
      const records = new Map<string, KnownBlob>();
      for (let start = 0; start < blobs.length; start += RECORDS_PER_QUERY) {
        const chunk = blobs.slice(start, start + RECORDS_PER_QUERY);
        const rows = recordsQuery(chunk.length).all(...chunk.map((blob) => Buffer.from(blob, 'hex'))) as [Buffer, number, number, string | null][];
        for (const [id, names, exporting, facts] of rows) {
          // As recordOf: an exporting record whose facts are gone is no record.
          if (!exporting) records.set(id.toString('hex'), { names: nameSet(names), found: null });
          else if (facts !== null) records.set(id.toString('hex'), { names: nameSet(names), found: decodeFacts(facts) });
        }
      }
      return records;
    },
    recordOf(blob: string): KnownBlob | undefined {
      const id = Buffer.from(blob, 'hex');
      const row = prepared(db, 'SELECT names, exporting FROM known_blobs WHERE blob = ?').raw().get(id) as [number, number] | undefined;
      if (row === undefined) return undefined;
      const [names, exporting] = row;
      // Most are plain: their facts are looked for only when there are some.
      if (!exporting) return { names: nameSet(names), found: null };
      const facts = prepared(db, 'SELECT facts FROM blob_facts WHERE blob = ?').pluck().get(id) as string | undefined;
      // Written together; were the facts gone all the same, the blob is read again rather than guessed.
      return facts === undefined ? undefined : { names: nameSet(names), found: decodeFacts(facts) };
    },
    /** Records what reads found, each under the names it was read for (a later record replaces an earlier: both are true). */
    add(found: Iterable<readonly [blob: string, names: ReadonlySet<string>, found: Finding]>): void {
      const put = prepared(db, 'INSERT OR REPLACE INTO known_blobs (blob, names, exporting) VALUES (?, ?, ?)');
      const putFacts = prepared(db, 'INSERT OR REPLACE INTO blob_facts (blob, facts) VALUES (?, ?)');
      for (const [blob, names, facts] of found) {
        const id = Buffer.from(blob, 'hex');
        put.run(id, idOf(names), facts === null ? 0 : 1);
        if (facts !== null) putFacts.run(id, encodeFacts(facts));
      }
    },
  } satisfies KnownBlobs & Record<string, unknown>;
}
