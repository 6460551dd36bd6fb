// What the main thread and the reader threads of FactsReaders send each other.
import type { Facts, FactsCounts, FactsRequest } from './loadFacts.js';

/** Main → reader: requests by id, and blobs to read next if the reader still has them queued. */
export type ToReader = { items: [number, FactsRequest][]; hurry: string[] } | 'close';
/** Reader → main: answers by id with the reader's counts so far, or a failure. */
export type ToMain = { items: [number, Facts][]; counts: FactsCounts } | { error: string };

/** Gathers answers and posts them in batches: at once when many are waiting, else once the thread is idle. */
export function batchedPoster(post: (items: [number, Facts][]) => void): (id: number, facts: Facts) => void {
  let outbox: [number, Facts][] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (outbox.length === 0) return;
    const items = outbox;
    outbox = [];
    post(items);
  };
  return (id, facts) => {
    outbox.push([id, facts]);
    if (outbox.length >= 256) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
