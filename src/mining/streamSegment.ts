// Streams one segment of commits from git and starts reading the blobs they name and its merges' diffs.
import type { CommitLink } from '../git/listCommits.js';
import { type CommitRecord, streamCommits, ZERO_ID } from '../git/streamCommits.js';
import { isExportingSource, isKbuildFile } from '../exports/sourceKinds.js';
import type { BlobFacts } from './BlobFacts.js';
import type { MergeDiffs } from './MergeDiffs.js';

/**
 * Streams a segment's commits (newest first, the order their blobs sit in packs) and reads their
 * blobs and its merges' first-parent diffs ahead of the replay.
 */
export async function streamSegment(
  repo: string, segment: readonly CommitLink[], facts: BlobFacts, mergeDiffs: MergeDiffs, extraNames: ReadonlySet<string>,
): Promise<Map<string, CommitRecord>> {
  const records = new Map<string, CommitRecord>();
  const reads: Promise<unknown>[] = [];
  for await (const record of streamCommits(repo, segment.map((c) => c.sha).reverse())) {
    records.set(record.sha, record);
    mergeDiffs.ahead(record);
    for (const { path, blob } of record.changes) {
      if (blob === ZERO_ID) continue;
      if (isExportingSource(path)) reads.push(facts.source(blob, extraNames, false));
      else if (isKbuildFile(path)) reads.push(facts.kbuild(blob, false));
    }
  }
  await Promise.all(reads);
  return records;
}
