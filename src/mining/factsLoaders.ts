// Where a mine's blobs are read and scanned: on the main thread (`--jobs 1`), or on reader threads
// (`--jobs N`: N-1 of them, each with its own `git cat-file`s), so that git's output is drained and
// scanned while the main thread replays.
import { Worker } from 'node:worker_threads';
import { catFileReaders, type Facts, type FactsCounts, FactsQueue, type FactsRequest } from './loadFacts.js';
import type { ToMain, ToReader } from './threadMessages.js';

export interface FactsLoader {
  load(request: FactsRequest): Promise<Facts>;
  /** The replay waits for this blob: if it is still queued for reading ahead, it is read next. */
  hurry(blob: string): void;
  readonly counts: FactsCounts;
  close(): Promise<void>;
}

export function factsLoader(repo: string, jobs: number): FactsLoader {
  return jobs > 1 ? new FactsReaders(repo, jobs - 1) : new InlineFacts(repo);
}

class InlineFacts implements FactsLoader {
  private readonly queue: FactsQueue;
  readonly counts: FactsCounts = { read: 0, scanned: 0 };

  constructor(repo: string) {
    this.queue = new FactsQueue(catFileReaders(repo), this.counts);
  }

  load(request: FactsRequest): Promise<Facts> {
    return this.queue.read(request);
  }

  hurry(blob: string): void {
    this.queue.hurry(blob);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

interface Waiting {
  resolve: (facts: Facts) => void;
  reject: (error: Error) => void;
}

/**
 * Requests go to the reader threads in turn, gathered into one message per thread and turn of the
 * event loop. A thread's heap holds only blobs in flight, so it is kept small.
 */
class FactsReaders implements FactsLoader {
  private readonly workers: Worker[];
  private readonly outboxes: [number, FactsRequest][][];
  /** Blobs to hurry, sent to every thread with the next requests (which thread queued one is not kept). */
  private readonly hurried = new Set<string>();
  private readonly threadCounts: FactsCounts[];
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private scheduled = false;
  private failure: Error | null = null;
  private closing = false;

  constructor(repo: string, threads: number) {
    // A reader decodes each blob it scans into a string (about 1 GB on linux-history), which fills a
    // small young generation at once; a larger one is collected less often, and little of it lives.
    this.workers = Array.from({ length: threads }, () => new Worker(new URL('./factsWorker.js', import.meta.url), {
      workerData: { repo }, resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 96 },
    }));
    this.outboxes = this.workers.map(() => []);
    this.threadCounts = this.workers.map(() => ({ read: 0, scanned: 0 }));
    this.workers.forEach((worker, i) => {
      worker.on('message', (message: ToMain) => {
        if ('error' in message) return this.fail(new Error(message.error));
        this.threadCounts[i] = message.counts;
        for (const [id, facts] of message.items) {
          this.waiting.get(id)?.resolve(facts);
          this.waiting.delete(id);
        }
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => {
        if (!this.closing) this.fail(new Error('a blob reader thread stopped before the mine ended'));
      });
    });
  }

  get counts(): FactsCounts {
    return this.threadCounts.reduce((sum, c) => ({ read: sum.read + c.read, scanned: sum.scanned + c.scanned }), { read: 0, scanned: 0 });
  }

  load(request: FactsRequest): Promise<Facts> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const outbox = this.outboxes[id % this.workers.length]!;
    outbox.push([id, request]);
    // Gathered until the event loop turns (a segment's git log chunk names many blobs), or 128 are waiting.
    if (outbox.length >= 128) this.send();
    else this.schedule();
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  hurry(blob: string): void {
    this.hurried.add(blob);
    this.schedule();
  }

  async close(): Promise<void> {
    this.closing = true;
    // Each reader closes its git cat-file; one that does not within 5 s is stopped.
    await Promise.all(this.workers.map((worker) => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close' satisfies ToReader);
      return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    }));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.send());
  }

  private send(): void {
    this.scheduled = false;
    const hurry = [...this.hurried];
    this.hurried.clear();
    this.outboxes.forEach((items, i) => {
      if (items.length === 0 && hurry.length === 0) return;
      this.workers[i]!.postMessage({ items, hurry } satisfies ToReader);
      this.outboxes[i] = [];
    });
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

