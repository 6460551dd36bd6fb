// The raw changes between two commits' trees through one long-running `git diff-tree --stdin`: a
// mine asks for thousands (each merge's first-parent diff, rebuilt states, a new wrapper's users),
// and starting a process from a large heap costs more than the diff itself.
import { BatchedWriter } from './BatchedWriter.js';
import { spawnGit } from './runGit.js';
import type { RawChange } from './streamCommits.js';

interface Pending {
  changes: RawChange[];
  resolve: (changes: RawChange[]) => void;
  reject: (error: Error) => void;
}

export class DiffTreeBatch {
  private readonly child;
  private readonly finished;
  private readonly queue: Pending[] = [];
  private failure: Error | null = null;
  private carry: Buffer | null = null;
  /** What the next NUL-terminated token is: a request's header, or a change's status line (else the sentinel's header), or its path. */
  private expect: 'header' | 'status' | 'path' = 'header';
  private status = '';
  private readonly writer: BatchedWriter;

  constructor(repo: string) {
    const args = ['diff-tree', '--stdin', '-r', '--raw', '--no-renames', '--no-abbrev', '--always', '-z'];
    const { child, finished } = spawnGit(repo, args);
    this.child = child;
    this.writer = new BatchedWriter(child.stdin);
    this.finished = finished;
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    finished.catch((error: Error) => this.fail(error));
    child.stdin.on('error', (error: Error) => this.fail(error));
  }

  /**
   * The changes from `from`'s tree to `to`'s. Each request is followed by `to` against itself,
   * which prints a header and no changes: that header marks where this request's changes end.
   */
  diff(from: string, to: string): Promise<RawChange[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ changes: [], resolve, reject });
      this.writer.write(`${to} ${from}\n${to} ${to}\n`);
    });
  }

  async close(): Promise<void> {
    this.writer.flush();
    this.child.stdin.end();
    await this.finished;
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, end);
      this.token(this.carry ? Buffer.concat([this.carry, piece]) : piece);
      this.carry = null;
      start = end + 1;
    }
    if (start < chunk.length) this.carry = this.carry ? Buffer.concat([this.carry, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
  }

  private token(token: Buffer): void {
    const waiting = this.queue[0];
    if (this.expect === 'header') {
      this.expect = 'status';
      return;
    }
    if (this.expect === 'path') {
      // `:<old mode> <new mode> <old blob> <new blob> <status>` was the token before
      const [, , oldBlob, blob] = this.status.slice(1).split(' ');
      waiting?.changes.push({ path: token.toString('utf8'), parentBlobs: [oldBlob!], blob: blob! });
      this.expect = 'status';
      return;
    }
    if (token[0] === 58 /* : */) {
      this.status = token.toString('latin1');
      this.expect = 'path';
      return;
    }
    // The sentinel's header: this request is complete, and the next token is the next request's header.
    this.queue.shift();
    waiting?.resolve(waiting.changes);
    this.expect = 'header';
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }
}
