// Each blob read and scanned once, keyed by its id: a blob's text never changes, so neither do its
// facts. Blobs that cannot export (no needle in their bytes) are remembered as `false` and never
// assembled. The cache keeps two generations, so memory stays bounded on any history.
import type { CatFileBatch } from '../git/CatFileBatch.js';
import { decodeText } from '../git/decodeText.js';
import { kbuildNamespaceOf } from '../exports/kbuildNamespaceOf.js';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';
import type { SourceFacts } from '../exports/scanSource.js';
import { INLINE_SCANNER, type Scanner } from './ScanPool.js';
import { KBUILD_NEEDLE, SOURCE_NEEDLE } from '../exports/sourceKinds.js';

type Cached = Promise<SourceFacts | KbuildNamespace | false>;

export class BlobFacts {
  private current = new Map<string, Cached>();
  private previous = new Map<string, Cached>();
  /** How many blobs were read from git and how many of them were scanned. */
  readonly counts = { read: 0, scanned: 0 };

  constructor(
    private readonly reader: CatFileBatch,
    private readonly scanner: Scanner = INLINE_SCANNER,
    private readonly generationSize = 400_000,
  ) {}

  /** The facts of a source blob, scanned with these extra wrapper names; false when it cannot export. */
  source(blob: string, extraNames: ReadonlySet<string>): Promise<SourceFacts | false> {
    const extra = [...extraNames];
    const key = extra.length === 0 ? blob : `${blob}:${extra.sort().join(',')}`;
    return this.cached(key, async () => {
      const bytes = await this.reader.readIfContains(blob, [SOURCE_NEEDLE, ...extra]);
      this.counts.read++;
      if (!bytes) return false;
      this.counts.scanned++;
      return this.scanner.scan(decodeText(bytes), extraNames.size > 0 ? extraNames : undefined);
    }) as Promise<SourceFacts | false>;
  }

  /** The namespace settings of a Makefile or Kbuild blob; false when it sets none. */
  kbuild(blob: string): Promise<KbuildNamespace | false> {
    return this.cached(`kbuild:${blob}`, async () => {
      const bytes = await this.reader.readIfContains(blob, [KBUILD_NEEDLE]);
      this.counts.read++;
      return bytes ? (kbuildNamespaceOf(decodeText(bytes)) ?? false) : false;
    }) as Promise<KbuildNamespace | false>;
  }

  private cached(key: string, load: () => Cached): Cached {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (!value) {
      value = load();
      if (this.current.size >= this.generationSize) {
        this.previous = this.current;
        this.current = new Map();
      }
      this.current.set(key, value);
    }
    return value;
  }
}
