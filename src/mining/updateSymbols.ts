// The symbols table: each symbol the record knows, with its license at the current tip and its
// number of events, rebuilt after each mine so searches and lookups need no scan of the events.
import { currentTip } from '../queries/currentTip.js';
import type { Db } from '../storage/openStore.js';

export function updateSymbols(db: Db): void {
  const tip = currentTip(db);
  db.transaction(() => {
    db.prepare('DELETE FROM symbols').run();
    db.prepare(`INSERT INTO symbols (symbol, license, events, last_change)
      WITH now AS (
        SELECT symbol, CASE WHEN count(DISTINCT license) > 1 THEN 'mixed' ELSE min(license) END AS license
        FROM tip_exports WHERE repo = @repo AND ref = @ref GROUP BY symbol
      ), known AS (
        SELECT symbol FROM events UNION SELECT symbol FROM now
      )
      SELECT k.symbol, coalesce(n.license, 'none'),
        (SELECT count(*) FROM events e WHERE e.symbol = k.symbol),
        (SELECT max(c.committer_time) FROM symbol_states s JOIN commits c ON c.id = s.commit_id
          WHERE s.symbol = k.symbol AND s.switch IS NOT NULL)
      FROM known k LEFT JOIN now n USING (symbol)`).run({ repo: tip?.repo ?? '', ref: tip?.ref ?? '' });
  }).immediate();
}
