// Each blob read and scanned once, keyed by its id: a blob's text never changes, so neither do its
// facts. Blobs that cannot export (no needle in their bytes) are remembered as `false` and never
// assembled. The cache forgets what a whole segment of the mine did not ask for: most blobs are
// asked for only by the commit that changed them, and the facts of every blob of a history, kept to
// the end, made the heap larger and each full garbage collection longer. What a first read finds is
// also recorded in the database (`KnownBlobs`), so a later mine's rebuilds of old states need not
// read those blobs again.
import type { Finding, KnownBlob, KnownBlobs } from '../storage/knownBlobsTable.js';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import type { SourceFacts } from '../exports/scanSource.js';
import type { FactsLoader } from './factsLoaders.js';
import { scanNames, type SourceRead } from './loadFacts.js';

type SourceAnswer = Promise<SourceFacts | false>;

/**
 * What is known of a source blob: the wrapper names looked for when it was read, and once the read
 * is back, what its bytes hold of them (`shape`), the names its first answer was scanned with
 * (null when it has no facts under them), and the facts under other names it was scanned with since.
 */
interface SourceEntry {
  universe: ReadonlySet<string>;
  first: SourceAnswer;
  shape: Omit<SourceRead, 'facts'> | null;
  firstKey: string | null;
  others: Map<string, SourceAnswer> | null;
  /** The answers that have come back, by the names they were scanned with: known without waiting. */
  settled: Map<string, SourceFacts | false> | null;
}

/** A kbuild blob's namespace settings, and once read, the same without waiting. */
interface KbuildEntry {
  answer: Promise<KbuildNamespace | false>;
  settled: KbuildNamespace | false | undefined;
}

const NONE: SourceAnswer = Promise.resolve(false);
// The shapes of almost every blob, shared.
const WITH_NEEDLE = { needle: true, present: [] };
const WITHOUT_NEEDLE = { needle: false, present: [] };
const NONE_RECORDED: KnownBlobs = { recordOf: () => undefined, recordsOf: () => new Map() };

export class BlobFacts {
  private current = new Map<string, SourceEntry | KbuildEntry>();
  private previous = new Map<string, SourceEntry | KbuildEntry>();
  /** Every extra wrapper name asked for so far: each read notes which of them a blob contains. */
  private universe: ReadonlySet<string> = new Set();
  /** What first reads found since the last `takeFound`, with the names each blob was read for. */
  private found: [string, ReadonlySet<string>, Finding][] = [];

  /**
   * @param recorded what earlier mines found. Only the replay's own reads look there: the read-ahead
   * asks for the blobs new commits changed, which an earlier mine has seldom read.
   */
  constructor(private readonly loader: FactsLoader, private readonly recorded: KnownBlobs = NONE_RECORDED) {}

  /**
   * What first reads found since the last call, for the database: plain blobs, and those with EXPORT
   * and none of the names (nearly all that export). Other blobs' facts depend on the names asked for.
   */
  takeFound(): [string, ReadonlySet<string>, Finding][] {
    const found = this.found;
    this.found = [];
    return found;
  }

  /**
   * Starts a new generation (at each segment of a mine): what was not asked for since the one
   * before is forgotten, and read again if a later commit asks for it.
   */
  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** How many blobs were read from git and how many of them were scanned. */
  get counts(): { read: number; scanned: number } {
    return this.loader.counts;
  }

  /**
   * The facts of a source blob, scanned with these extra wrapper names; false when it cannot export.
   * A blob read under other names is read again only if these could change what it holds: when it
   * contains one of the names that differ, or when a name is new since it was read.
   * `urgent` unless it is read ahead of the replay.
   */
  source(blob: string, extraNames: ReadonlySet<string>, urgent = true): SourceAnswer {
    const names = [...extraNames];
    if (names.some((name) => !this.universe.has(name))) this.universe = new Set([...this.universe, ...names]);
    const entry = (this.get(blob) ?? (urgent ? this.recordedEntry(blob) : undefined)) as SourceEntry | undefined;
    if (!entry || names.some((name) => !entry.universe.has(name))) return this.read(blob, names, urgent);
    // While the first read is out, what the names decide is not known yet.
    if (!entry.shape) {
      if (urgent) this.loader.hurry(blob);
      const later = entry.first.then(() => this.source(blob, extraNames, urgent));
      later.catch(() => {}); // as in read: a caller that stops at an earlier failure never awaits this one
      return later;
    }
    const key = answerKey(names, entry.shape);
    if (key === null) return NONE;
    if (key === entry.firstKey) return entry.first;
    const other = entry.others?.get(key);
    if (!other) return this.scan(blob, entry, key, names, urgent);
    if (urgent && !entry.settled?.has(key)) this.loader.hurry(blob);
    return other;
  }

  /**
   * What `source` answers, when it is known without waiting (the blob was read under these names,
   * or under names that decide the same); undefined otherwise. Most blobs a replay asks for were
   * read ahead, and waiting for an answer that is already there costs more than the rest of a commit.
   */
  knownSource(blob: string, extraNames: ReadonlySet<string>): SourceFacts | false | undefined {
    const entry = this.get(blob) as SourceEntry | undefined;
    if (!entry?.shape) return undefined;
    for (const name of extraNames) if (!entry.universe.has(name)) return undefined;
    const key = answerKey([...extraNames], entry.shape);
    return key === null ? false : entry.settled?.get(key);
  }

  /** The namespace settings of a Makefile or Kbuild blob; false when it sets none. */
  kbuild(blob: string, urgent = true): Promise<KbuildNamespace | false> {
    const key = `kbuild:${blob}`;
    let entry = this.get(key) as KbuildEntry | undefined;
    if (!entry) {
      const read: KbuildEntry = { answer: this.loader.load({ kind: 'kbuild', blob, urgent }) as Promise<KbuildNamespace | false>, settled: undefined };
      read.answer.then((namespace) => (read.settled = namespace), () => {});
      this.current.set(key, (entry = read));
    } else if (urgent && entry.settled === undefined) {
      this.loader.hurry(blob);
    }
    return entry.answer;
  }

  /** What `kbuild` answers, when it is known without waiting; undefined otherwise. */
  knownKbuild(blob: string): KbuildNamespace | false | undefined {
    return (this.get(`kbuild:${blob}`) as KbuildEntry | undefined)?.settled;
  }

  /** A first read of the blob, noting which names of the universe it contains. */
  private read(blob: string, names: string[], urgent: boolean): SourceAnswer {
    const universe = this.universe;
    const read = this.loader.load({ kind: 'source', blob, names, universe: [...universe], urgent }) as Promise<SourceRead>;
    const entry: SourceEntry = { universe, first: NONE, shape: null, firstKey: null, others: null, settled: null };
    entry.first = read.then(({ facts, needle, present, missing }) => {
      entry.shape = present.length === 0 ? (needle ? WITH_NEEDLE : WITHOUT_NEEDLE) : { needle, present };
      entry.firstKey = answerKey(names, entry.shape);
      // Only bytes read are known: a blob this clone lacks may be another repository's export.
      if (entry.shape === WITHOUT_NEEDLE && !missing) this.found.push([blob, universe, null]);
      // With EXPORT in its bytes a blob is always scanned: its facts are never false.
      if (entry.shape === WITH_NEEDLE && facts) this.found.push([blob, universe, facts]);
      if (entry.firstKey !== null) (entry.settled ??= new Map()).set(entry.firstKey, facts);
      return facts;
    });
    // Callers may ask for many before awaiting any; a failure still reaches each one that awaits.
    entry.first.catch(() => {});
    this.current.set(blob, entry);
    return entry.first;
  }

  /**
   * Takes what earlier mines recorded of these blobs, for those not in memory, in a few queries
   * instead of one per blob: a rebuilt state asks for hundreds at once.
   */
  recall(blobs: Iterable<string>): void {
    const missing = [...new Set(blobs)].filter((blob) => this.get(blob) === undefined);
    if (missing.length === 0) return;
    for (const [blob, record] of this.recorded.recordsOf(missing)) this.current.set(blob, recordedEntryOf(record));
  }

  /** An entry for a blob an earlier mine recorded, as that read left it; undefined when none did. */
  private recordedEntry(blob: string): SourceEntry | undefined {
    const record = this.recorded.recordOf(blob);
    if (!record) return undefined;
    const entry = recordedEntryOf(record);
    this.current.set(blob, entry);
    return entry;
  }

  /** The blob read again and scanned with other names than before. */
  private scan(blob: string, entry: SourceEntry, key: string, names: string[], urgent: boolean): SourceAnswer {
    const answer = (this.loader.load({ kind: 'source', blob, names, universe: [...entry.universe], urgent }) as Promise<SourceRead>)
      .then((found) => {
        (entry.settled ??= new Map()).set(key, found.facts);
        return found.facts;
      });
    answer.catch(() => {});
    (entry.others ??= new Map()).set(key, answer);
    return answer;
  }

  /** An entry, moved to the current generation when the previous one had it. */
  private get(key: string): SourceEntry | KbuildEntry | undefined {
    const entry = this.current.get(key);
    if (entry !== undefined) return entry;
    const older = this.previous.get(key);
    if (older !== undefined) this.current.set(key, older);
    return older;
  }
}

/** The entry of a recorded blob, as the read that recorded it left it. */
function recordedEntryOf({ names: universe, found }: KnownBlob): SourceEntry {
  // A blob with EXPORT and none of its names is scanned with none of them, whatever is asked (answerKey '').
  return found === null
    ? { universe, first: NONE, shape: WITHOUT_NEEDLE, firstKey: null, others: null, settled: null }
    : { universe, first: Promise.resolve(found), shape: WITH_NEEDLE, firstKey: '', others: null, settled: new Map([['', found]]) };
}

/**
 * Which answer a blob of this shape gives under `names`: the names it is scanned with, sorted and
 * joined (equal keys, equal facts), or null when it cannot export under them.
 */
function answerKey(names: readonly string[], shape: Omit<SourceRead, 'facts'>): string | null {
  return scanNames(names, shape)?.sort().join(',') ?? null;
}
