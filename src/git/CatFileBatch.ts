// Reads objects through one long-running `git cat-file --batch`: requests are written as they come,
// responses parsed from the stream in order. Each object's bytes stay a Buffer.
import { spawnGit } from './runGit.js';

interface Pending {
  resolve: (bytes: Buffer | null) => void;
  reject: (error: Error) => void;
}

export class CatFileBatch {
  private readonly child;
  private readonly finished;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | null = null;

  constructor(repo: string) {
    const { child, finished } = spawnGit(repo, ['cat-file', '--batch']);
    this.child = child;
    this.finished = finished;
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    finished.catch((error: Error) => this.fail(error));
    child.stdin.on('error', (error: Error) => this.fail(error));
  }

  /** The object's content, or null when the repository has no such object. */
  read(object: string): Promise<Buffer | null> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${object}\n`);
    });
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    await this.finished;
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf(10);
      if (headerEnd < 0) return;
      const header = this.buffer.toString('latin1', 0, headerEnd);
      const waiting = this.queue[0];
      if (!waiting) return;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.queue.shift();
        this.buffer = this.buffer.subarray(headerEnd + 1);
        waiting.resolve(null);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      const end = headerEnd + 1 + size;
      if (this.buffer.length < end + 1) return; // content plus its trailing newline not here yet
      this.queue.shift();
      waiting.resolve(Buffer.from(this.buffer.subarray(headerEnd + 1, end)));
      this.buffer = this.buffer.subarray(end + 1);
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }
}
