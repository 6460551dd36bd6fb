// A reader thread of FactsReaders: its own `git cat-file --batch` (and one for urgent reads, see
// FactsQueue), drained by a thread that does nothing but read and scan, and the facts of what it
// reads sent back in batches.
import { parentPort, workerData } from 'node:worker_threads';
import { catFileReaders, type FactsCounts, FactsQueue } from './loadFacts.js';
import { batchedPoster, type ToMain, type ToReader } from './threadMessages.js';

const repo = (workerData as { repo: string }).repo;
const counts: FactsCounts = { read: 0, scanned: 0 };
const queue = new FactsQueue(catFileReaders(repo), counts);
const answer = batchedPoster((items) => parentPort!.postMessage({ items, counts } satisfies ToMain));

parentPort!.on('message', (message: ToReader) => {
  if (message === 'close') {
    void queue.close().finally(() => parentPort!.close());
    return;
  }
  for (const [id, request] of message.items) {
    queue.read(request).then(
      (facts) => answer(id, facts),
      (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies ToMain),
    );
  }
  // After the message's own requests: a hurry can name a blob asked for in the same message.
  for (const blob of message.hurry) queue.hurry(blob);
});
