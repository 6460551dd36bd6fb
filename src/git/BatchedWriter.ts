// Lines written to a long-running git's stdin in one turn of the event loop, sent in one write: a
// write per request (a blob, a diff) costs more than git's answer to it.
import type { Writable } from 'node:stream';

export class BatchedWriter {
  private outgoing: string[] = [];

  constructor(private readonly stdin: Writable) {}

  write(text: string): void {
    if (this.outgoing.length === 0) queueMicrotask(() => this.flush());
    this.outgoing.push(text);
  }

  /** Sends what is waiting now (before stdin is ended). */
  flush(): void {
    if (this.outgoing.length === 0) return;
    const text = this.outgoing.join('');
    this.outgoing = [];
    this.stdin.write(text);
  }
}
