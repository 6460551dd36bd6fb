// Drops what only a rewritten (force-pushed) history had, so the store equals a mine from scratch.
import { reachableFrom } from '../git/gitQueries.js';
import { commitsTable } from '../storage/commitsTable.js';
import type { Db } from '../storage/openStore.js';
import { markSymbolsStale } from './updateSymbols.js';

/**
 * After a force-push: drops the commits only the old history had (found through the database's own
 * graph, so it works even once git has pruned them), so the result equals a mine from scratch.
 * `minedTips` are the tips of every other ref the database holds, of this repository or another.
 * Returns how many commits were dropped.
 */
export async function forgetRewritten(db: Db, repo: string, oldTip: string, newTip: string, minedTips: readonly string[] = []): Promise<number> {
  const parents = new Map<string, string[]>();
  for (const c of commitsTable(db).graph()) parents.set(c.sha, c.parents);
  // What the new tip reaches stays (its history as git has it now), and so does what any other
  // mined ref reaches, walked in the database: the record keeps every ancestor of a mined commit,
  // and another repository's ref can point at a commit of the old history (a clone not yet fetched).
  const kept = new Set(await reachableFrom(repo, newTip));
  // (What git reaches is closed under ancestry: a walk can stop at a commit already kept.)
  const walk = [...minedTips];
  while (walk.length > 0) {
    const sha = walk.pop()!;
    if (kept.has(sha) || !parents.has(sha)) continue;
    kept.add(sha);
    walk.push(...parents.get(sha)!);
  }
  const gone = new Set<string>();
  const stack = [oldTip];
  while (stack.length > 0) {
    const sha = stack.pop()!;
    if (gone.has(sha) || kept.has(sha) || !parents.has(sha)) continue;
    gone.add(sha);
    stack.push(...parents.get(sha)!);
  }
  // What a commit that stays stands on stays too (another repository in the database mined it
  // on top): the record keeps every ancestor of a mined commit, as releases and rebuilds assume.
  for (const [sha, itsParents] of parents) if (!gone.has(sha)) stack.push(...itsParents.filter((p) => gone.has(p)));
  while (stack.length > 0) {
    const sha = stack.pop()!;
    if (gone.delete(sha)) stack.push(...parents.get(sha)!);
  }
  db.transaction(() => {
    markSymbolsStale(db);
    const ids = db.prepare('SELECT id FROM commits WHERE sha = ?').pluck();
    for (const sha of gone) {
      const id = ids.get(sha);
      db.prepare('DELETE FROM events WHERE commit_id = ?').run(id);
      db.prepare('DELETE FROM symbol_states WHERE commit_id = ?').run(id);
      db.prepare('DELETE FROM frontier WHERE commit_id = ?').run(id);
      db.prepare('DELETE FROM commits WHERE id = ?').run(id);
    }
    // The frontier is again every remaining commit that no remaining commit names as a parent.
    const rows = db.prepare('SELECT id, sha, parent_shas FROM commits').all() as { id: number; sha: string; parent_shas: string }[];
    const isParent = new Set(rows.flatMap((r) => (r.parent_shas === '' ? [] : r.parent_shas.split(' '))));
    db.prepare('DELETE FROM frontier').run();
    const insert = db.prepare('INSERT INTO frontier (commit_id) VALUES (?)');
    for (const r of rows) if (!isParent.has(r.sha)) insert.run(r.id);
  }).immediate();
  return gone.size;
}
