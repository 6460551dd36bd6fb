// Streams commits with their raw tree changes from one `git log`, in the order they are given.
// A merge comes with git's combined diff: only the paths whose content differs from every parent
// (a merge's diff against its first parent lists everything its side branch changed, most of a
// history's raw changes).
import { spawnGit } from './runGit.js';

export const ZERO_ID = '0000000000000000000000000000000000000000';

export interface Signature {
  name: Buffer;
  email: Buffer;
  /** Seconds since the epoch. */
  time: number;
  /** As git wrote it: `+0100`. */
  tz: string;
}

export interface RawChange {
  path: string;
  /** The blob in each parent (ZERO_ID where the path was absent): one for a commit, one per parent for a merge. */
  parentBlobs: string[];
  /** The blob in the commit (ZERO_ID when deleted). */
  blob: string;
}

export interface CommitRecord {
  sha: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  message: Buffer;
  changes: RawChange[];
}

const FORMAT = '%x01%H%x00%P%x00%an%x00%ae%x00%ad%x00%cn%x00%ce%x00%cd%x00%B%x00';
const FIELDS = 9;

/**
 * The commits `shas`, each with its changes, in the order given. The signal ends git at once (the
 * stream then fails): a mine that stops must not leave it running.
 */
export async function* streamCommits(repo: string, shas: readonly string[], signal?: AbortSignal): AsyncGenerator<CommitRecord> {
  const args = ['log', '--stdin', '--no-walk=unsorted', '--raw', '--diff-merges=combined', '--no-renames', '--no-abbrev', '-z',
    '--date=raw', `--format=${FORMAT}`];
  const { child, finished } = spawnGit(repo, args);
  const kill = (): void => void child.kill();
  if (signal?.aborted) kill();
  signal?.addEventListener('abort', kill, { once: true });
  child.stdin.on('error', () => {}); // an early exit shows up in `finished`
  child.stdin.end(`${shas.join('\n')}\n`);
  const tokens = nulTokens(child.stdout as AsyncIterable<Buffer>);
  let current: CommitRecord | null = null;
  let pendingHeader: Buffer | null = null;
  try {
    for await (let token of tokens) {
      if (pendingHeader) {
        current!.changes.push(rawChange(pendingHeader, token.toString('utf8')));
        pendingHeader = null;
        continue;
      }
      while (token.length > 0 && token[0] === 10) token = token.subarray(1);
      if (token.length === 0) continue;
      if (token[0] === 1) {
        if (current) yield current;
        const fields = [token.subarray(1)];
        for (let i = 1; i < FIELDS; i++) {
          const next = await tokens.next();
          if (next.done) throw new Error('git log output ended inside a commit header');
          fields.push(next.value);
        }
        current = commitOf(fields);
      } else if (token[0] === 58 /* : */) {
        pendingHeader = token;
      }
    }
    if (current) yield current;
  } finally {
    // A consumer that stops early (its own error, or enough read) is not answered with git's failure
    // (the kill, or an earlier exit): left unhandled, it would end the process instead of the
    // consumer's error. A stream read to its end still awaits it below.
    finished.catch(() => {});
    if (child.exitCode === null) child.kill();
    signal?.removeEventListener('abort', kill);
  }
  await finished;
}

function commitOf(fields: Buffer[]): CommitRecord {
  const text = (i: number): string => fields[i]!.toString('latin1');
  const signature = (name: number, email: number, date: number): Signature => {
    const [time, tz] = text(date).split(' ');
    return { name: fields[name]!, email: fields[email]!, time: Number(time), tz: tz ?? '+0000' };
  };
  const parents = text(1).trim();
  return {
    sha: text(0),
    parents: parents === '' ? [] : parents.split(' '),
    author: signature(2, 3, 4),
    committer: signature(5, 6, 7),
    message: fields[8]!,
    changes: [],
  };
}

/** `:100644 100644 <old> <new> M` or, for a merge of two, `::100644 100644 100644 <p1> <p2> <new> MM`. */
function rawChange(header: Buffer, path: string): RawChange {
  const text = header.toString('latin1');
  let colons = 0;
  while (text[colons] === ':') colons++;
  const parts = text.slice(colons).split(' ');
  const ids = parts.slice(colons + 1, colons + 1 + colons + 1);
  return { path, parentBlobs: ids.slice(0, colons), blob: ids[colons]! };
}

/** Splits a byte stream at NUL bytes, without copying except across chunk boundaries. */
async function* nulTokens(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of stream) {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, end);
      yield carry ? Buffer.concat([carry, piece]) : piece;
      carry = null;
      start = end + 1;
    }
    if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
  }
  if (carry && carry.length > 0) yield carry;
}
