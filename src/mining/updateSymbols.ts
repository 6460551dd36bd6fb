// The symbols table: each symbol the record knows, with its license at the current tip and its
// number of events, kept after each mine so searches and lookups need no scan of the events.
import { currentTip } from '../queries/currentTip.js';
import type { Db } from '../storage/openStore.js';

const BASIS_KEY = 'symbols_basis';

/**
 * Whether the table was last made whole for this ref and nothing has changed the record since: a
 * mine that starts so may make again only the rows it touches. Asked before the mine writes.
 */
export function symbolsUpToDate(db: Db, repo: string, ref: string): boolean {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(BASIS_KEY) === `${repo}\n${ref}`;
}

/**
 * Marks the table as behind the record: called in each transaction that changes events or tip
 * exports, so after a mine stopped before `updateSymbols` the next one makes every row again.
 */
export function markSymbolsStale(db: Db): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(BASIS_KEY);
}

/** What a mine changed: its ref, and the symbols of its events and of its tip's changed exports. */
export interface SymbolChanges {
  repo: string;
  ref: string;
  touched: ReadonlySet<string>;
}

/**
 * Brings the table up to date. A row depends on the symbol's events, its switches and its exports at
 * the current tip, so after a mine that started with the table up to date for its ref
 * (`symbolsUpToDate`) and whose ref is still the current tip, only the rows of the symbols it
 * touched are made again: on mainline the whole table is tens of thousands of rows over hundreds of
 * thousands of events. `changes` null, or another current tip, makes every row again.
 */
export function updateSymbols(db: Db, changes: SymbolChanges | null): void {
  const tip = currentTip(db);
  const scope = { repo: tip?.repo ?? '', ref: tip?.ref ?? '' };
  const touched = changes && changes.repo === scope.repo && changes.ref === scope.ref ? changes.touched : null;
  const incremental = touched !== null;
  db.transaction(() => {
    if (incremental) {
      db.prepare('CREATE TEMP TABLE IF NOT EXISTS touched_symbols (symbol TEXT PRIMARY KEY) WITHOUT ROWID').run();
      db.prepare('DELETE FROM temp.touched_symbols').run();
      const add = db.prepare('INSERT INTO temp.touched_symbols (symbol) VALUES (?)');
      for (const symbol of touched) add.run(symbol);
      db.prepare('DELETE FROM symbols WHERE symbol IN (SELECT symbol FROM temp.touched_symbols)').run();
    } else {
      db.prepare('DELETE FROM symbols').run();
    }
    db.prepare(`INSERT INTO symbols (symbol, license, events, last_change)
      WITH now AS (
        SELECT symbol, CASE WHEN count(DISTINCT license) > 1 THEN 'mixed' ELSE min(license) END AS license
        FROM tip_exports WHERE repo = @repo AND ref = @ref ${incremental ? 'AND symbol IN (SELECT symbol FROM temp.touched_symbols)' : ''}
        GROUP BY symbol
      ), known AS (
        ${incremental
          ? 'SELECT symbol FROM temp.touched_symbols t WHERE EXISTS (SELECT 1 FROM events e WHERE e.symbol = t.symbol) UNION SELECT symbol FROM now'
          : 'SELECT symbol FROM events UNION SELECT symbol FROM now'}
      )
      SELECT k.symbol, coalesce(n.license, 'none'),
        (SELECT count(*) FROM events e WHERE e.symbol = k.symbol),
        (SELECT max(c.committer_time) FROM symbol_states s JOIN commits c ON c.id = s.commit_id
          WHERE s.symbol = k.symbol AND s.switch IS NOT NULL)
      FROM known k LEFT JOIN now n USING (symbol)`).run(scope);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(BASIS_KEY, `${scope.repo}\n${scope.ref}`);
  }).immediate();
}
