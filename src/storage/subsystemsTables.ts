// The subsystems tables: the entries and groups, which paths belong to them, and which symbols.
import type { Db } from './openStore.js';

export interface StoredSubsystem {
  name: string;
  kind: 'maintainers' | 'group';
  status: string | null;
  details: Record<string, unknown>;
}

export interface PathMembership {
  path: string;
  name: string;
  mostSpecific: boolean;
  reason: string;
}

/** Every path an event or a tip export names (read from the indexes of event paths, schema 8). */
export const PATHS_QUERY = `SELECT path FROM events UNION SELECT from_path FROM events WHERE from_path IS NOT NULL
  UNION SELECT path FROM tip_exports`;

export function subsystemsTables(db: Db) {
  return {
    /** Replaces every subsystem and membership; symbol memberships follow from event and tip paths. */
    replaceAll(subsystems: readonly StoredSubsystem[], memberships: readonly PathMembership[]): void {
      db.prepare('DELETE FROM symbol_subsystems').run();
      db.prepare('DELETE FROM path_subsystems').run();
      db.prepare('DELETE FROM subsystems').run();
      const insert = db.prepare('INSERT INTO subsystems (name, kind, status, details) VALUES (?, ?, ?, ?)');
      const ids = new Map<string, number>();
      for (const s of subsystems) ids.set(s.name, Number(insert.run(s.name, s.kind, s.status, JSON.stringify(s.details)).lastInsertRowid));
      const member = db.prepare('INSERT OR IGNORE INTO path_subsystems (path, subsystem_id, most_specific, reason) VALUES (?, ?, ?, ?)');
      for (const m of memberships) member.run(m.path, ids.get(m.name)!, m.mostSpecific ? 1 : 0, m.reason);
      db.prepare(`INSERT OR IGNORE INTO symbol_subsystems (subsystem_id, symbol)
        SELECT ps.subsystem_id, x.symbol FROM (
          SELECT symbol, path FROM events UNION SELECT symbol, from_path FROM events WHERE from_path IS NOT NULL
          UNION SELECT symbol, path FROM tip_exports
        ) x JOIN path_subsystems ps ON ps.path = x.path`).run();
    },
    /** Every path an event or a tip export names. */
    paths(): string[] {
      return db.prepare(PATHS_QUERY).pluck().all() as string[];
    },
  };
}
