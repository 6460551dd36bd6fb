// Reads blobs through a `git cat-file --batch` and turns them into facts: the same steps on the
// main thread and on reader threads, so where a blob is read never changes what is found.
import type { CatFileBatch } from '../git/CatFileBatch.js';
import { decodeText } from '../git/decodeText.js';
import { kbuildNamespaceOf } from '../exports/kbuildNamespaceOf.js';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import { scanSource, type SourceFacts } from '../exports/scanSource.js';
import { KBUILD_NEEDLE, SOURCE_NEEDLE } from '../exports/sourceKinds.js';

/**
 * A source blob to scan with the tree's wrapper names that have no EXPORT in them (`names`), noting
 * which of `universe` (every such name the mine knows, `names` among them) its bytes contain; or a
 * kbuild file. `urgent` when the replay waits for it, not a segment's read-ahead.
 */
export type FactsRequest = (SourceRequest | { kind: 'kbuild'; blob: string }) & { urgent: boolean };
export interface SourceRequest {
  kind: 'source';
  blob: string;
  names: string[];
  universe: string[];
}

/**
 * A source blob's facts under the requested names, and what decides them under any other names
 * from the same universe: a name the bytes do not contain is never an identifier in them, unless
 * a backslash-newline splits one (`spliced`). So the facts of one blob are shared by the branches of
 * a history whose headers define different wrappers, instead of being read again for each.
 */
export interface SourceRead {
  facts: SourceFacts | false;
  /** Whether the bytes contain EXPORT. */
  needle: boolean;
  /** The names of the universe the bytes contain. */
  present: string[];
  /** Whether a backslash-newline splits an identifier somewhere in the bytes. */
  spliced: boolean;
  /** Whether git lacks the blob (read as no facts, but never recorded as plain). */
  missing?: true;
}

/** What a read answers: a source blob's read, or a kbuild blob's namespace settings (false when it sets none). */
export type Facts = SourceRead | KbuildNamespace | false;

/** How many blobs were read from git, and how many of them were scanned. */
export interface FactsCounts {
  read: number;
  scanned: number;
}

const NOT_SOURCE: SourceRead = { facts: false, needle: false, present: [], spliced: false };
const MISSING_SOURCE: SourceRead = { ...NOT_SOURCE, missing: true };

/**
 * What a request's blob holds of its needles (`shape`, for a source), and its text when it must be
 * parsed: a kbuild file, or a source with the names it is scanned with.
 */
type Taken = { shape: Omit<SourceRead, 'facts'> | null; text: string | null; names: string[] | null; missing?: true };
const NOTHING: Taken = { shape: null, text: null, names: null };
const MISSING: Taken = { ...NOTHING, missing: true };

/** What a request's blob must contain for more than a look: the rest come back as false. */
function needlesOf(request: FactsRequest): string[] {
  return request.kind === 'kbuild' ? [KBUILD_NEEDLE] : [SOURCE_NEEDLE, ...request.universe];
}

/**
 * What a request needs of the bytes of a blob that holds one of its needles, taken at once: the
 * bytes are a view of git's read buffer, which must not be kept while the blob is scanned.
 */
function take(request: FactsRequest, bytes: Buffer): Taken {
  if (request.kind === 'kbuild') return { shape: null, text: decodeText(bytes), names: null };
  const needle = bytes.includes(SOURCE_NEEDLE);
  const present = request.universe.filter((name) => bytes.includes(name));
  const spliced = present.length < request.universe.length && splitsIdentifier(bytes);
  const shape = { needle, present, spliced };
  const names = scanNames(request.names, shape);
  return { shape, text: names === null ? null : decodeText(bytes), names };
}

/**
 * What a request's blob tells, from what was taken of its bytes: the same steps on every thread, so
 * where a blob is read never changes what is found.
 */
function factsOf(request: FactsRequest, taken: Taken, counts: FactsCounts): Facts {
  counts.read++;
  if (request.kind === 'kbuild') return taken.text === null ? false : (kbuildNamespaceOf(taken.text) ?? false);
  if (!taken.shape) return taken.missing ? MISSING_SOURCE : NOT_SOURCE;
  const { needle, present, spliced } = taken.shape;
  const { names, text } = taken;
  if (names === null || text === null) return { facts: false, needle, present, spliced };
  counts.scanned++;
  return { facts: scanSource(text, names.length > 0 ? new Set(names) : undefined), needle, present, spliced };
}

/**
 * The names a blob of this shape is scanned with when `names` are asked for (those it can contain),
 * or null when it cannot export under them: neither EXPORT nor one of them is in its bytes.
 */
export function scanNames(names: readonly string[], shape: Omit<SourceRead, 'facts'>): string[] | null {
  const contained = names.filter((name) => shape.present.includes(name));
  if (!shape.needle && contained.length === 0) return null;
  return shape.spliced ? [...names] : contained;
}

const SPLICES = [Buffer.from('\\\n'), Buffer.from('\\\r\n')];

/** Whether a backslash-newline has identifier characters on both sides (the Lexer joins such halves). */
function splitsIdentifier(bytes: Buffer): boolean {
  for (const splice of SPLICES) {
    for (let at = bytes.indexOf(splice); at >= 0; at = bytes.indexOf(splice, at + 1)) {
      if (at > 0 && isIdentifierByte(bytes[at - 1]!) && isIdentifierByte(bytes[at + splice.length] ?? 0)) return true;
    }
  }
  return false;
}

/** Letters, digits, `_`, `$`, and any byte of a multi-byte character (counted as one, to be safe). */
function isIdentifierByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95 || b === 36 || b >= 128;
}

/** The `git cat-file --batch` a mine reads blobs through: a large delta base cache is git's biggest speed knob here. */
export const READER_CONFIG = ['core.deltaBaseCacheLimit=1g'];

interface Job {
  request: FactsRequest;
  resolve: (taken: Taken) => void;
  reject: (error: unknown) => void;
}

/**
 * Feeds one reader a few requests at a time, urgent ones first: a merge base rebuilt during the
 * replay must not wait behind the next segment's read-ahead, which git would answer in order.
 */
export class FactsQueue {
  private readonly urgent = new Fifo<Job>();
  private readonly ahead = new Fifo<Job>();
  private inFlight = 0;

  constructor(private readonly reader: CatFileBatch, readonly counts: FactsCounts, private readonly depth = 32) {}

  /** What factsOf gives for the request. */
  async read(request: FactsRequest): Promise<Facts> {
    const taken = await new Promise<Taken>((resolve, reject) => {
      (request.urgent ? this.urgent : this.ahead).push({ request, resolve, reject });
      this.pump();
    });
    return factsOf(request, taken, this.counts);
  }

  private pump(): void {
    while (this.inFlight < this.depth) {
      const job = this.urgent.shift() ?? this.ahead.shift();
      if (!job) return;
      this.inFlight++;
      // The next requests go out before this blob is scanned, so git is not kept waiting meanwhile.
      this.reader.readTaking(job.request.blob, needlesOf(job.request), (bytes) => take(job.request, bytes)).then(
        (taken) => (this.release(), job.resolve(taken === null ? MISSING : taken || NOTHING)),
        (error: unknown) => (this.release(), job.reject(error)),
      );
    }
  }

  /** Refilled half a window at a time, so the requests reach git in one write, not one each. */
  private release(): void {
    this.inFlight--;
    if (this.inFlight <= this.depth / 2) this.pump();
  }
}

/** A first-in first-out queue with O(1) shift. */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
