// Streams one segment of commits from git and starts reading the blobs they name and its merges' diffs.
import type { CommitLink } from '../git/listCommits.js';
import { type CommitRecord, streamCommits, ZERO_ID } from '../git/streamCommits.js';
import { isExportingSource, isKbuildFile } from '../exports/sourceKinds.js';
import type { BlobFacts } from './BlobFacts.js';
import type { MergeDiffs } from './MergeDiffs.js';

/** Each commit of a segment, in replay order, once git has sent it and the blobs it changed. */
export interface SegmentStream {
  /** The segment's commit at `index`, once it and the blobs it changed are read. */
  ready(index: number): Promise<CommitRecord>;
  /** Ends git's part at once (a mine that stops or fails); commits not read yet fail. */
  close(): void;
}

/**
 * Streams a segment's commits in replay order (parents first) and reads their blobs and its merges'
 * first-parent diffs ahead of the replay, so that the replay can start on its first commits while
 * git is still sending the rest. (Newest first would be pack order, about 10 % less work for git,
 * but then nothing could replay before the whole segment was read.)
 */
export function streamSegment(
  repo: string, segment: readonly CommitLink[], facts: BlobFacts, mergeDiffs: MergeDiffs, extraNames: ReadonlySet<string>,
): SegmentStream {
  const arrivals = segment.map(() => deferred<CommitRecord>());
  const closing = new AbortController();
  const done = (async () => {
    let index = 0;
    for await (const record of streamCommits(repo, segment.map((c) => c.sha), closing.signal)) {
      if (record.sha !== segment[index]?.sha) throw new Error(`git log sent ${record.sha} where ${segment[index]?.sha ?? 'nothing'} was asked for`);
      mergeDiffs.ahead(record);
      const reads: Promise<unknown>[] = [];
      for (const { path, blob } of record.changes) {
        if (blob === ZERO_ID) continue;
        if (isExportingSource(path)) {
          if (facts.knownSource(blob, extraNames) === undefined) reads.push(facts.source(blob, extraNames, false));
        } else if (isKbuildFile(path)) {
          if (facts.knownKbuild(blob) === undefined) reads.push(facts.kbuild(blob, false));
        }
      }
      arrivals[index++]!.resolve(Promise.all(reads).then(() => record));
    }
    if (index !== segment.length) throw new Error(`git log sent ${index} of a segment's ${segment.length} commits`);
  })();
  done.catch((error: unknown) => {
    for (const arrival of arrivals) arrival.reject(error);
  });
  for (const arrival of arrivals) arrival.promise.catch(() => {}); // a failure is seen where it is awaited
  return { ready: (index) => arrivals[index]!.promise, close: () => closing.abort() };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T | Promise<T>) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T | Promise<T>) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
