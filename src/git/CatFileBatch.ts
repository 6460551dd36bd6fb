// Reads objects through one long-running `git cat-file --batch` (or `--batch-check`): requests are
// written as they come, responses parsed from the stream in order. Content stays in the chunks git
// sent until a caller needs it whole; a caller that only wants blobs containing some needle gets
// `false` for the others without the blob ever being assembled.
//
// A caller can instead take what it needs from the bytes the moment they are whole (`readTaking`):
// a blob's bytes are views of git's 64 KB read buffers, and a view kept across a few garbage
// collections keeps its whole buffer alive in the old generation. V8 starts a full collection for
// every 64 MB of such buffers; with bytes kept until the blob was scanned, a mine of linux-history
// ran 27 full collections for that reason alone.
import { BatchedWriter } from './BatchedWriter.js';
import { spawnGit } from './runGit.js';

/**
 * Whether some bytes hold what a caller looks for. Asked of each part of a blob as it arrives and of
 * the seams between parts, so what it looks for must be at most `MAX_NEEDLE` bytes long.
 */
export type ContentTest = (bytes: Buffer) => boolean;

/** The test for bytes that contain one of these strings. */
export const containing = (needles: readonly string[]): ContentTest => (bytes) => needles.some((needle) => bytes.includes(needle));

interface Pending {
  test: ContentTest | null;
  /** Turns the whole content into the answer, before `receive` lets go of git's buffer. */
  take: ((bytes: Buffer) => unknown) | null;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Longest match a content test looks for across a chunk boundary. */
const MAX_NEEDLE = 64;
const EMPTY = Buffer.alloc(0);

export class CatFileBatch {
  private readonly child;
  private readonly finished;
  private readonly queue: Pending[] = [];
  private failure: Error | null = null;
  // The object being received: its size, and the parts of it received so far.
  private header: Buffer | null = null;
  private remaining = -1;
  private parts: Buffer[] = [];
  private found = false;
  private tail: Buffer = EMPTY;
  private readonly writer: BatchedWriter;

  /**
   * @param mode `batch` reads content, `check` only answers the object id of `rev:path` names.
   * @param config extra `-c` settings, e.g. `core.deltaBaseCacheLimit=1g`.
   */
  constructor(repo: string, private readonly mode: 'batch' | 'check' = 'batch', config: string[] = []) {
    const args = [...config.flatMap((c) => ['-c', c]), 'cat-file', mode === 'batch' ? '--batch' : '--batch-check=%(objectname)'];
    const { child, finished } = spawnGit(repo, args);
    this.child = child;
    this.writer = new BatchedWriter(child.stdin);
    this.finished = finished;
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    finished.catch((error: Error) => this.fail(error));
    child.stdin.on('error', (error: Error) => this.fail(error));
  }

  /** The object's content, or null when the repository has no such object. */
  read(object: string): Promise<Buffer | null> {
    return this.request(object, null, null) as Promise<Buffer | null>;
  }

  /**
   * What `take` makes of the content if `test` finds what it looks for in it (false if not, null if
   * missing). `take` runs as soon as the content is whole and must not keep `bytes`.
   */
  readTaking<T>(object: string, test: ContentTest, take: (bytes: Buffer) => T): Promise<T | false | null> {
    return this.request(object, test, take) as Promise<T | false | null>;
  }

  /** In `check` mode: the id `rev:path` names, or null when there is no such path. */
  lookup(name: string): Promise<string | null> {
    return this.request(name, null, null) as Promise<string | null>;
  }

  async close(): Promise<void> {
    this.writer.flush();
    this.child.stdin.end();
    await this.finished;
  }

  private request(object: string, test: ContentTest | null, take: ((bytes: Buffer) => unknown) | null): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    if (/[\n\0]/.test(object)) return Promise.resolve(null); // cannot be asked over this protocol
    return new Promise((resolve, reject) => {
      this.queue.push({ test, take, resolve, reject });
      this.writer.write(`${object}\n`);
    });
  }

  private receive(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining < 0) {
        // Reading a header line, possibly split across chunks.
        const newline = chunk.indexOf(10, at);
        const piece = chunk.subarray(at, newline < 0 ? chunk.length : newline);
        this.header = this.header ? Buffer.concat([this.header, piece]) : piece;
        if (newline < 0) return;
        at = newline + 1;
        this.startObject(this.header.toString('latin1'));
        this.header = null;
        continue;
      }
      // Content, then one newline that ends it.
      const take = Math.min(this.remaining, chunk.length - at);
      if (take > 0) this.addPart(chunk.subarray(at, at + take));
      at += take;
      this.remaining -= take;
      if (this.remaining === 0 && at < chunk.length) {
        at++; // the newline after the content
        this.remaining = -1;
        this.finishObject();
      }
    }
  }

  private startObject(header: string): void {
    const waiting = this.queue[0];
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      this.queue.shift();
      waiting?.resolve(null);
      return;
    }
    if (this.mode === 'check') {
      this.queue.shift();
      waiting?.resolve(header.trim());
      return;
    }
    this.remaining = Number(header.slice(header.lastIndexOf(' ') + 1));
    this.parts = [];
    this.tail = EMPTY;
    this.found = waiting?.test === null;
  }

  private addPart(part: Buffer): void {
    const waiting = this.queue[0];
    if (!this.found && waiting?.test) {
      // Look in this part, and across the seam with the last bytes received (however small the parts).
      const seam = this.tail.length > 0 ? Buffer.concat([this.tail, part.subarray(0, MAX_NEEDLE)]) : null;
      this.found = waiting.test(part) || (seam !== null && waiting.test(seam));
      // Only the last bytes are kept for the next seam: copying whole parts would copy every blob.
      this.tail = part.length >= MAX_NEEDLE ? part.subarray(part.length - MAX_NEEDLE) : Buffer.concat([this.tail, part]).subarray(-MAX_NEEDLE);
    }
    this.parts.push(part);
  }

  private finishObject(): void {
    const waiting = this.queue.shift();
    const parts = this.parts;
    this.parts = [];
    this.tail = EMPTY; // it is a view of git's buffer too
    if (!waiting) return;
    if (!this.found) return waiting.resolve(false);
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    if (!waiting.take) return waiting.resolve(bytes);
    try {
      waiting.resolve(waiting.take(bytes));
    } catch (error) {
      waiting.reject(error as Error);
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }
}
