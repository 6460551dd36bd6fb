// The worker side of ScanPool: scans one decoded blob per message.
import { parentPort } from 'node:worker_threads';
import { scanSource } from '../exports/scanSource.js';

parentPort!.on('message', ({ id, text, extraNames }: { id: number; text: string; extraNames: string[] }) => {
  try {
    const facts = scanSource(text, extraNames.length > 0 ? new Set(extraNames) : undefined);
    parentPort!.postMessage({ id, facts });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
