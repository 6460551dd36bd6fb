// Source blobs mines found plain: neither EXPORT nor any of a set of wrapper names in their bytes.
import type { Db } from './openStore.js';
import { prepared } from './prepared.js';

/** What is recorded of plain blobs: for each, the wrapper names its bytes were found to hold none of. */
export interface PlainBlobs {
  /** The names a blob was found plain under; undefined when no mine found it plain. */
  namesOf(blob: string): ReadonlySet<string> | undefined;
}

export function plainBlobsTable(db: Db) {
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
  return {
    namesOf(blob: string): ReadonlySet<string> | undefined {
      const id = prepared(db, 'SELECT names FROM plain_blobs WHERE blob = ?').pluck().get(Buffer.from(blob, 'hex')) as number | undefined;
      return id === undefined ? undefined : nameSet(id);
    },
    /** Records blobs found plain, each under the names it was read for (a later record replaces an earlier: both are true). */
    add(found: Iterable<readonly [blob: string, names: ReadonlySet<string>]>): void {
      const put = prepared(db, 'INSERT OR REPLACE INTO plain_blobs (blob, names) VALUES (?, ?)');
      for (const [blob, names] of found) put.run(Buffer.from(blob, 'hex'), idOf(names));
    },
  } satisfies PlainBlobs & Record<string, unknown>;
}
