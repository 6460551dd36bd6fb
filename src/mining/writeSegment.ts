// Writes one mined segment: its commits, events, symbol states and the advanced frontier, together.
import { decodeText } from '../git/decodeText.js';
import type { CommitRecord } from '../git/streamCommits.js';
import { commitsTable } from '../storage/commitsTable.js';
import { eventsTable } from '../storage/eventsTable.js';
import { miningStateTables } from '../storage/miningStateTables.js';
import type { Db } from '../storage/openStore.js';
import { type Finding, knownBlobsTable } from '../storage/knownBlobsTable.js';
import { parseMessage } from './parseMessage.js';
import { markSymbolsStale } from './updateSymbols.js';
import type { Replayed } from './replayCommit.js';

/**
 * One transaction per segment: its commits, events, symbol states and the advanced frontier, and what
 * the first reads of blobs found while it was read (see BlobFacts).
 */
export function writeSegment(
  db: Db,
  results: readonly { record: CommitRecord; replayed: Replayed }[],
  found: Iterable<readonly [string, ReadonlySet<string>, Finding]> = [],
): void {
  const commits = commitsTable(db);
  const events = eventsTable(db);
  const mining = miningStateTables(db);
  db.transaction(() => {
    markSymbolsStale(db);
    for (const { record, replayed } of results) {
      const message = parseMessage(decodeText(record.message));
      const id = commits.insert({
        sha: record.sha,
        parentShas: record.parents,
        authorName: decodeText(record.author.name),
        authorEmail: decodeText(record.author.email),
        authorTime: record.author.time,
        authorTz: record.author.tz,
        committerName: decodeText(record.committer.name),
        committerEmail: decodeText(record.committer.email),
        committerTime: record.committer.time,
        committerTz: record.committer.tz,
        subject: message.subject,
        trailers: message.trailers,
      });
      for (const event of replayed.events) events.insert(id, event);
      for (const state of replayed.symbolStates) events.insertSymbolState(id, state);
      mining.advanceFrontier(id, record.parents);
    }
    knownBlobsTable(db).add(found);
  }).immediate();
}
