// Scans blobs on worker threads (`mine --jobs N` uses N-1 of them) while the main thread keeps
// reading from git and replaying. A scan's result is plain data, so a worker's facts are exactly
// what the main thread would have computed.
import { Worker } from 'node:worker_threads';
import { scanSource, type SourceFacts } from '../exports/scanSource.js';

export interface Scanner {
  scan(text: string, extraNames: ReadonlySet<string> | undefined): Promise<SourceFacts>;
  close(): Promise<void>;
}

/** Scans on the calling thread. */
export const INLINE_SCANNER: Scanner = {
  scan: (text, extraNames) => Promise.resolve(scanSource(text, extraNames)),
  close: () => Promise.resolve(),
};

/** A scanner over `threads` workers, each fed in turn. */
export function scanPool(threads: number): Scanner {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./scanWorker.js', import.meta.url)));
  const pending = new Map<number, { resolve: (facts: SourceFacts) => void; reject: (error: Error) => void }>();
  let next = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, facts, error }: { id: number; facts?: SourceFacts; error?: string }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(facts!);
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }
  return {
    scan(text, extraNames) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, text, extraNames: extraNames ? [...extraNames] : [] });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
