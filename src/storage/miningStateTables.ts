// Where mining stands: the frontier (mined commits with no mined child), each ref's mined tip,
// the release tags seen, the exports and export state at each ref's tip, and the export states of
// the newest releases and -rcs.
import { deflateSync, inflateSync } from 'node:zlib';
import type { Export } from '../model.js';
import type { Db } from './openStore.js';

export function miningStateTables(db: Db) {
  const addFrontier = db.prepare('INSERT OR IGNORE INTO frontier (commit_id) VALUES (?)');
  const dropFrontier = db.prepare('DELETE FROM frontier WHERE commit_id = (SELECT id FROM commits WHERE sha = ?)');
  return {
    /** Records a newly mined commit: it joins the frontier and its parents leave it. */
    advanceFrontier(commitId: number, parentShas: readonly string[]): void {
      for (const parent of parentShas) dropFrontier.run(parent);
      addFrontier.run(commitId);
    },
    frontier(): string[] {
      return db.prepare('SELECT c.sha FROM frontier f JOIN commits c ON c.id = f.commit_id').pluck().all() as string[];
    },
    ref(repo: string, ref: string): string | undefined {
      return db.prepare('SELECT tip_sha FROM refs WHERE repo = ? AND ref = ?').pluck().get(repo, ref) as string | undefined;
    },
    /** The mined tips of every other ref, of this repository and of others. */
    otherRefTips(repo: string, ref: string): string[] {
      return db.prepare('SELECT tip_sha FROM refs WHERE NOT (repo = ? AND ref = ?)').pluck().all(repo, ref) as string[];
    },
    /**
     * Records a ref's mined tip. The row is replaced, not updated, so it takes the largest rowid:
     * the current tip is the ref mined last even when several were mined in one second.
     */
    setRef(repo: string, ref: string, tip: string): void {
      db.prepare('INSERT OR REPLACE INTO refs (repo, ref, tip_sha, mined_at) VALUES (?, ?, ?, ?)')
        .run(repo, ref, tip, Math.floor(Date.now() / 1000));
    },
    releases(): Map<string, string> {
      const rows = db.prepare('SELECT tag, sha FROM releases').all() as { tag: string; sha: string }[];
      return new Map(rows.map((r) => [r.tag, r.sha]));
    },
    /**
     * Lists the releases anew, in `order`. A release whose tag still names the same commit keeps its
     * counts by license: they are facts of that commit's tree.
     */
    setReleases(releases: ReadonlyMap<string, string>, order: (a: string, b: string) => number): void {
      const remove = db.prepare('DELETE FROM releases WHERE tag = ?');
      for (const [tag, sha] of this.releases()) if (releases.get(tag) !== sha) remove.run(tag);
      const upsert = db.prepare('INSERT INTO releases (tag, sha, ordinal) VALUES (?, ?, ?) ON CONFLICT (tag) DO UPDATE SET ordinal = excluded.ordinal');
      [...releases.keys()].sort(order).forEach((tag, i) => upsert.run(tag, releases.get(tag)!, i));
    },
    /** The commits whose stored states (see stateJson) there are: this ref's first, then other refs' of this repository, then the rest. */
    tipStateShas(repo: string, ref: string): string[] {
      return db.prepare('SELECT sha FROM tip_states ORDER BY repo = ? AND ref = ? DESC, repo = ? DESC').pluck().all(repo, ref, repo) as string[];
    },
    tipState(sha: string): string | undefined {
      return db.prepare('SELECT state FROM tip_states WHERE sha = ? LIMIT 1').pluck().get(sha) as string | undefined;
    },
    setTipState(repo: string, ref: string, sha: string, state: string): void {
      db.prepare('INSERT OR REPLACE INTO tip_states (repo, ref, sha, state) VALUES (?, ?, ?, ?)').run(repo, ref, sha, state);
    },
    /** The commits whose release (or -rc) states are stored, newest first. */
    releaseStateShas(): string[] {
      return db.prepare('SELECT sha FROM release_states ORDER BY time DESC, sha').pluck().all() as string[];
    },
    releaseState(sha: string): string | undefined {
      const stored = db.prepare('SELECT state FROM release_states WHERE sha = ?').pluck().get(sha) as Buffer | undefined;
      return stored && inflateSync(stored).toString('utf8');
    },
    /** Stores these release states (JSON, by commit with its committer time) and keeps the newest `keep` of all. */
    keepReleaseStates(states: readonly { sha: string; time: number; json: string }[], keep: number): void {
      const put = db.prepare('INSERT OR REPLACE INTO release_states (sha, time, state) VALUES (?, ?, ?)');
      // Level 3: five states of linux-history deflate in 22 ms instead of 58 (level 6), to 147 KB each instead of 138.
      for (const { sha, time, json } of states) put.run(sha, time, deflateSync(json, { level: 3 }));
      db.prepare('DELETE FROM release_states WHERE sha NOT IN (SELECT sha FROM release_states ORDER BY time DESC, sha LIMIT ?)').run(keep);
    },
    hasTipExports(repo: string, ref: string): boolean {
      return db.prepare('SELECT 1 FROM tip_exports WHERE repo = ? AND ref = ? LIMIT 1').get(repo, ref) !== undefined;
    },
    /** Replaces a ref's tip exports; returns the symbols whose licenses there changed (added, gone or other). */
    replaceTipExports(repo: string, ref: string, exports: readonly Export[]): Set<string> {
      const licenses = (pairs: Iterable<readonly [string, string]>): Map<string, string> => {
        const sets = new Map<string, Set<string>>();
        for (const [symbol, license] of pairs) (sets.get(symbol) ?? sets.set(symbol, new Set()).get(symbol)!).add(license);
        return new Map([...sets].map(([symbol, set]) => [symbol, [...set].sort().join(',')]));
      };
      const before = licenses(db.prepare('SELECT symbol, license FROM tip_exports WHERE repo = ? AND ref = ?').raw().all(repo, ref) as [string, string][]);
      const after = licenses(exports.map((e) => [e.symbol, e.license] as const));
      const changed = new Set([...before.keys(), ...after.keys()].filter((symbol) => before.get(symbol) !== after.get(symbol)));
      db.prepare('DELETE FROM tip_exports WHERE repo = ? AND ref = ?').run(repo, ref);
      const insert = db.prepare(`INSERT INTO tip_exports (repo, ref, symbol, exported, path, line, macro, base_macro, license, namespace, marks)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const e of exports) {
        insert.run(repo, ref, e.symbol, e.exported.join(' '), e.path, e.line, e.macro, e.baseMacro, e.license, e.namespace, e.marks.join(' '));
      }
      return changed;
    },
  };
}
