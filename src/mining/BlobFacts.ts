// Each blob read and scanned once, keyed by its id: a blob's text never changes, so neither do its
// facts. Blobs that cannot export (no needle in their bytes) are remembered as `false` and never
// assembled. The cache keeps two generations, so memory stays bounded on any history.
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import type { SourceFacts } from '../exports/scanSource.js';
import type { FactsLoader } from './factsLoaders.js';
import type { Facts } from './loadFacts.js';

type Cached = Promise<Facts>;

export class BlobFacts {
  private current = new Map<string, Cached>();
  private previous = new Map<string, Cached>();

  constructor(
    private readonly loader: FactsLoader,
    private readonly generationSize = 400_000,
  ) {}

  /** How many blobs were read from git and how many of them were scanned. */
  get counts(): { read: number; scanned: number } {
    return this.loader.counts;
  }

  /**
   * The facts of a source blob, scanned with these extra wrapper names; false when it cannot export.
   * `urgent` unless it is read ahead of the replay.
   */
  source(blob: string, extraNames: ReadonlySet<string>, urgent = true): Promise<SourceFacts | false> {
    const extra = [...extraNames].sort();
    const key = extra.length === 0 ? blob : `${blob}:${extra.join(',')}`;
    return this.cached(key, () => this.loader.load({ kind: 'source', blob, extraNames: extra, urgent })) as Promise<SourceFacts | false>;
  }

  /** The namespace settings of a Makefile or Kbuild blob; false when it sets none. */
  kbuild(blob: string, urgent = true): Promise<KbuildNamespace | false> {
    return this.cached(`kbuild:${blob}`, () => this.loader.load({ kind: 'kbuild', blob, urgent })) as Promise<KbuildNamespace | false>;
  }
  private cached(key: string, load: () => Cached): Cached {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (!value) {
      value = load();
      // Callers may ask for many before awaiting any; a failure still reaches each one that awaits.
      value.catch(() => {});
      if (this.current.size >= this.generationSize) {
        this.previous = this.current;
        this.current = new Map();
      }
      this.current.set(key, value);
    }
    return value;
  }
}
