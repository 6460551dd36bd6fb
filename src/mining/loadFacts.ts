// Reads blobs through `git cat-file --batch` (one for the read-ahead, one for the replay's own reads)
// and turns them into facts: the same steps on the main thread and on reader threads, so where a
// blob is read never changes what is found.
import { CatFileBatch, type ContentTest, containing } from '../git/CatFileBatch.js';
import { decodeText } from '../git/decodeText.js';
import { kbuildNamespaceOf } from '../exports/kbuildNamespaceOf.js';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import { scanSource, type SourceFacts } from '../exports/scanSource.js';
import { KBUILD_NEEDLE, SOURCE_NEEDLE } from '../exports/sourceKinds.js';
import { mayHoldNeedle, needleView } from '../exports/splices.js';

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
 * from the same universe: a name the bytes do not contain is never an identifier in them. So the
 * facts of one blob are shared by the branches of a history whose headers define different
 * wrappers, instead of being read again for each. "Contain" counts a name split by backslash-newlines
 * (`EXP\<newline>ORT_SYMBOL`), which C joins before it reads names.
 */
export interface SourceRead {
  facts: SourceFacts | false;
  /** Whether the bytes contain EXPORT. */
  needle: boolean;
  /** The names of the universe the bytes contain. */
  present: string[];
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

const NOT_SOURCE: SourceRead = { facts: false, needle: false, present: [] };
const MISSING_SOURCE: SourceRead = { ...NOT_SOURCE, missing: true };

/**
 * What a request's blob holds of its needles (`shape`, for a source), and its text when it must be
 * parsed: a kbuild file, or a source with the names it is scanned with.
 */
type Taken = { shape: Omit<SourceRead, 'facts'> | null; text: string | null; names: string[] | null; missing?: true };
const NOTHING: Taken = { shape: null, text: null, names: null };
const MISSING: Taken = { ...NOTHING, missing: true };

const KBUILD_TEST = containing([KBUILD_NEEDLE]);

/**
 * What a request's blob must contain for more than a look: the rest come back as false. A source
 * blob is also looked at when a splice may split a name in it; \`take\` then decides what it holds.
 */
function testOf(request: FactsRequest): ContentTest {
  if (request.kind === 'kbuild') return KBUILD_TEST;
  return mayHoldNeedle([SOURCE_NEEDLE, ...request.universe]);
}

/**
 * What a request needs of the bytes of a blob that holds one of its needles, taken at once: the
 * bytes are a view of git's read buffer, which must not be kept while the blob is scanned.
 */
function take(request: FactsRequest, bytes: Buffer): Taken {
  if (request.kind === 'kbuild') return { shape: null, text: decodeText(bytes), names: null };
  const view = needleView(bytes);
  const shape = { needle: view.includes(SOURCE_NEEDLE), present: request.universe.filter((name) => view.includes(name)) };
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
  const { needle, present } = taken.shape;
  const { names, text } = taken;
  if (names === null || text === null) return { facts: false, needle, present };
  counts.scanned++;
  return { facts: scanSource(text, names.length > 0 ? new Set(names) : undefined), needle, present };
}

/**
 * The names a blob of this shape is scanned with when `names` are asked for (those it can contain),
 * or null when it cannot export under them: neither EXPORT nor one of them is in its bytes.
 */
export function scanNames(names: readonly string[], shape: Omit<SourceRead, 'facts'>): string[] | null {
  const contained = names.filter((name) => shape.present.includes(name));
  return !shape.needle && contained.length === 0 ? null : contained;
}

/** Which of a FactsQueue's gits: the read-ahead's, or the one for reads the replay waits for. */
export type LaneName = 'ahead' | 'urgent';

/**
 * The `git cat-file --batch`es a mine reads blobs through. Reading ahead, a large delta base cache is
 * git's biggest speed knob; the urgent reads are few and scattered and keep git's default: with the
 * large one their git grew to 837 MB in a mine of linux-history, with the default to 231 MB.
 */
export function catFileReaders(repo: string): (lane: LaneName) => CatFileBatch {
  return (lane) => new CatFileBatch(repo, 'batch', lane === 'ahead' ? ['core.deltaBaseCacheLimit=1g'] : []);
}

interface Job {
  request: FactsRequest;
  resolve: (taken: Taken) => void;
  reject: (error: unknown) => void;
  /** Set once a lane sent it to git (a hurried job stays behind in its first lane's queue). */
  sent: boolean;
}

/**
 * Feeds blob reads to git a few at a time, through two `git cat-file`s: one for the read-ahead, and
 * one, opened with the first urgent read, for the reads the replay waits for. In one git, an urgent
 * read waited behind the read-ahead's window, 10–20 ms each; and a blob the replay needs that is
 * still queued for reading ahead (a rebuild asking for a blob of the next segment) is hurried over,
 * where it waited 90–160 ms for the whole segment's queue.
 */
export class FactsQueue {
  private readonly ahead: Lane;
  private urgent: Lane | null = null;
  /** Read-ahead jobs not sent to git yet, by blob: those `hurry` can move. */
  private readonly unsent = new Map<string, Job[]>();
  /** Once closed, no git is opened again (a replay step still pending when a mine fails may ask). */
  private closed = false;

  constructor(private readonly openReader: (lane: LaneName) => CatFileBatch, readonly counts: FactsCounts, private readonly depth = 32) {
    this.ahead = new Lane(openReader('ahead'), depth, (job) => this.noteSent(job));
  }

  /** What factsOf gives for the request. */
  async read(request: FactsRequest): Promise<Facts> {
    if (this.closed) throw new Error('blob read asked for after the mine closed its readers');
    const taken = await new Promise<Taken>((resolve, reject) => {
      const job: Job = { request, resolve, reject, sent: false };
      if (request.urgent) {
        this.urgentLane().add(job);
      } else {
        const jobs = this.unsent.get(request.blob);
        if (jobs) jobs.push(job);
        else this.unsent.set(request.blob, [job]);
        this.ahead.add(job);
      }
    });
    return factsOf(request, taken, this.counts);
  }

  /** Moves the read-ahead requests of this blob that are not sent yet to the urgent reads. */
  hurry(blob: string): void {
    const jobs = this.unsent.get(blob);
    if (!jobs || this.closed) return;
    this.unsent.delete(blob);
    for (const job of jobs) this.urgentLane().add(job);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.ahead.close(), this.urgent?.close()]);
  }

  private urgentLane(): Lane {
    return (this.urgent ??= new Lane(this.openReader('urgent'), this.depth, (job) => this.noteSent(job)));
  }

  /** A read-ahead job sent to git can no longer be hurried. */
  private noteSent(job: Job): void {
    const jobs = this.unsent.get(job.request.blob);
    const at = jobs?.indexOf(job) ?? -1;
    if (at < 0) return;
    jobs!.splice(at, 1);
    if (jobs!.length === 0) this.unsent.delete(job.request.blob);
  }
}

/** One git's requests: sent in order, at most `depth` out at once. */
class Lane {
  private readonly jobs = new Fifo<Job>();
  private inFlight = 0;

  constructor(private readonly reader: CatFileBatch, private readonly depth: number, private readonly onSend: (job: Job) => void) {}

  add(job: Job): void {
    this.jobs.push(job);
    this.pump();
  }

  close(): Promise<void> {
    return this.reader.close();
  }

  private pump(): void {
    while (this.inFlight < this.depth) {
      const job = this.jobs.shift();
      if (!job) return;
      if (job.sent) continue; // sent by the other lane: a hurried job is queued in both
      job.sent = true;
      this.onSend(job);
      this.inFlight++;
      // The next requests go out before this blob is scanned, so git is not kept waiting meanwhile.
      this.reader.readTaking(job.request.blob, testOf(job.request), (bytes) => take(job.request, bytes)).then(
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
