// Replays a whole store's events along its own commit graph: the export set of every mined commit.
import { commitsTable } from '../storage/commitsTable.js';
import { type EventRow, eventsTable } from '../storage/eventsTable.js';
import type { Db } from '../storage/openStore.js';
import { CommitGraph } from './CommitGraph.js';
import { type ExportSet, replayEvents } from './replayEvents.js';

/** With `only`, just those symbols' events are replayed (their sets hold nothing else). */
export function replayStore(db: Db, only?: ReadonlySet<string>): { sets: Map<string, ExportSet>; events: number } {
  const commits = [...commitsTable(db).graph()];
  const byCommit = new Map<string, EventRow[]>();
  let events = 0;
  for (const e of eventsTable(db).list()) {
    if (only && !only.has(e.symbol)) continue;
    (byCommit.get(e.commit) ?? byCommit.set(e.commit, []).get(e.commit)!).push(e);
    events++;
  }
  const graph = new CommitGraph();
  for (const c of commits) graph.add(c.sha, c.parents);
  return { sets: replayEvents(commits, (sha) => byCommit.get(sha) ?? [], graph), events };
}
