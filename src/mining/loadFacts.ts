// Reads blobs through a `git cat-file --batch` and turns them into facts: the same steps on the
// main thread and on reader threads, so where a blob is read never changes what is found.
import type { CatFileBatch } from '../git/CatFileBatch.js';
import { decodeText } from '../git/decodeText.js';
import { kbuildNamespaceOf } from '../exports/kbuildNamespaceOf.js';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import { scanSource, type SourceFacts } from '../exports/scanSource.js';
import { KBUILD_NEEDLE, SOURCE_NEEDLE } from '../exports/sourceKinds.js';

/**
 * A source blob to scan (with the tree's wrapper names that have no EXPORT in them), or a kbuild
 * file. `urgent` when the replay waits for it, not a segment's read-ahead.
 */
export type FactsRequest = ({ kind: 'source'; blob: string; extraNames: string[] } | { kind: 'kbuild'; blob: string }) & { urgent: boolean };

/** Facts of a source blob or the namespace settings of a kbuild blob; false when it has none. */
export type Facts = SourceFacts | KbuildNamespace | false;

/** How many blobs were read from git, and how many of them were scanned. */
export interface FactsCounts {
  read: number;
  scanned: number;
}

/**
 * Reads one requested blob: the facts when nothing is left to do (it cannot export, or it is a
 * kbuild file), else the bytes of a source blob to scan (with scanBytes).
 */
export async function readBlob(reader: CatFileBatch, request: FactsRequest, counts: FactsCounts): Promise<Facts | Buffer> {
  if (request.kind === 'kbuild') {
    const bytes = await reader.readIfContains(request.blob, [KBUILD_NEEDLE]);
    counts.read++;
    return bytes ? (kbuildNamespaceOf(decodeText(bytes)) ?? false) : false;
  }
  const bytes = await reader.readIfContains(request.blob, [SOURCE_NEEDLE, ...request.extraNames]);
  counts.read++;
  if (!bytes) return false;
  counts.scanned++;
  return bytes;
}

export function scanBytes(bytes: Buffer, extraNames: readonly string[]): SourceFacts {
  return scanSource(decodeText(bytes), extraNames.length > 0 ? new Set(extraNames) : undefined);
}

/** The `git cat-file --batch` a mine reads blobs through: a large delta base cache is git's biggest speed knob here. */
export const READER_CONFIG = ['core.deltaBaseCacheLimit=1g'];

interface Job {
  request: FactsRequest;
  resolve: (read: Facts | Buffer) => void;
  reject: (error: unknown) => void;
}

/**
 * Feeds one reader a few requests at a time, urgent ones first: a merge base rebuilt during the
 * replay must not wait behind the next segment's read-ahead, which git would answer in order.
 */
export class FactsQueue {
  private readonly urgent = new Fifo<Job>();
  private readonly ahead = new Fifo<Job>();
  private inFlight = 0;

  constructor(private readonly reader: CatFileBatch, readonly counts: FactsCounts, private readonly depth = 32) {}

  /** What readBlob gives for the request. */
  read(request: FactsRequest): Promise<Facts | Buffer> {
    return new Promise((resolve, reject) => {
      (request.urgent ? this.urgent : this.ahead).push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.depth) {
      const job = this.urgent.shift() ?? this.ahead.shift();
      if (!job) return;
      this.inFlight++;
      readBlob(this.reader, job.request, this.counts).then(job.resolve, job.reject).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }
}

/** A first-in first-out queue with O(1) shift. */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
