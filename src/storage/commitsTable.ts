// The commits table: every mined commit with its attribution, in mining (topological) order.
import type { Db } from './openStore.js';

export interface CommitRow {
  sha: string;
  parentShas: string[];
  authorName: string;
  authorEmail: string;
  authorTime: number;
  authorTz: string;
  committerName: string;
  committerEmail: string;
  committerTime: number;
  committerTz: string;
  subject: string;
  trailers: [string, string][];
}

export function commitsTable(db: Db) {
  const insert = db.prepare(`INSERT INTO commits (sha, parent_shas, author_name, author_email, author_time, author_tz,
    committer_name, committer_email, committer_time, committer_tz, subject, trailers)
    VALUES (@sha, @parents, @authorName, @authorEmail, @authorTime, @authorTz,
    @committerName, @committerEmail, @committerTime, @committerTz, @subject, @trailers)`);
  const idOf = db.prepare('SELECT id FROM commits WHERE sha = ?').pluck();
  const setRelease = db.prepare('UPDATE commits SET release = ? WHERE sha = ?');
  const lineOf = db.prepare('SELECT parent_shas, release FROM commits WHERE sha = ?');
  const maxId = db.prepare('SELECT coalesce(max(id), 0) FROM commits').pluck();
  const byIds = db.prepare('SELECT id, sha, parent_shas, committer_time FROM commits WHERE id BETWEEN ? AND ?').raw();
  return {
    /** Inserts a commit and returns its id. */
    insert(row: CommitRow): number {
      const info = insert.run({ ...row, parents: row.parentShas.join(' '), trailers: JSON.stringify(row.trailers) });
      return Number(info.lastInsertRowid);
    },
    idOf(sha: string): number | undefined {
      return idOf.get(sha) as number | undefined;
    },
    setRelease(sha: string, release: string | null): void {
      setRelease.run(release, sha);
    },
    /** The largest commit id, 0 when none: ids follow the mining order, parents first. */
    maxId(): number {
      return maxId.get() as number;
    },
    /** The mined commits with ids from `first` to `last`: their shas, parents and committer dates. */
    range(first: number, last: number): { id: number; sha: string; parents: string[]; time: number }[] {
      return (byIds.all(first, last) as [number, string, string, number][])
        .map(([id, sha, parents, time]) => ({ id, sha, parents: parents === '' ? [] : parents.split(' '), time }));
    },
    /** A mined commit's parents and release; undefined when it is not mined. */
    lineOf(sha: string): { parents: string[]; release: string | null } | undefined {
      const row = lineOf.get(sha) as { parent_shas: string; release: string | null } | undefined;
      return row && { parents: row.parent_shas === '' ? [] : row.parent_shas.split(' '), release: row.release };
    },
    /** Every mined commit's sha, parents, committer date and release, parents first. */
    *graph(): Generator<{ sha: string; parents: string[]; time: number; release: string | null }> {
      // Rows as arrays: a rerun reads every commit, and named columns cost about a fifth more.
      const rows = db.prepare('SELECT sha, parent_shas, committer_time, release FROM commits ORDER BY id').raw().iterate();
      for (const [sha, parents, time, release] of rows as Iterable<[string, string, number, string | null]>) {
        yield { sha, parents: parents === '' ? [] : parents.split(' '), time, release };
      }
    },
  };
}
