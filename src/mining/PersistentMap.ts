// An immutable string-keyed hash array mapped trie: `set` copies only the path to one leaf, so the
// tree state of every commit can be kept while sharing almost everything with its parent, and two
// states can be compared by skipping the subtrees they share.

const BITS = 5;
const MASK = (1 << BITS) - 1;
const MAX_DEPTH = 6; // 32-bit hashes: below this depth, equal-hash keys share a collision bucket

type Node<V> = Branch<V> | Bucket<V>;
interface Branch<V> {
  kind: 'branch';
  bitmap: number;
  children: Node<V>[];
}
interface Bucket<V> {
  kind: 'bucket';
  hash: number;
  keys: string[];
  values: V[];
}

function hashOf(key: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

export class PersistentMap<V> {
  private static readonly EMPTY = new PersistentMap<never>(null, 0);

  private constructor(
    private readonly root: Node<V> | null,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.EMPTY as PersistentMap<V>;
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get(key: string): V | undefined {
    const hash = hashOf(key);
    let node = this.root;
    for (let depth = 0; node; depth++) {
      if (node.kind === 'bucket') {
        const i = node.keys.indexOf(key);
        return i >= 0 ? node.values[i] : undefined;
      }
      const bit = 1 << ((hash >>> (depth * BITS)) & MASK);
      if (!(node.bitmap & bit)) return undefined;
      node = node.children[popcount(node.bitmap & (bit - 1))]!;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set; `value` undefined deletes. Returns `this` when nothing changes. */
  set(key: string, value: V | undefined): PersistentMap<V> {
    const hash = hashOf(key);
    const change = { delta: 0 };
    const root = update(this.root, 0, hash, key, value, change);
    return root === this.root ? this : new PersistentMap(root, this.size + change.delta);
  }

  delete(key: string): PersistentMap<V> {
    return this.set(key, undefined);
  }

  *entries(): IterableIterator<[string, V]> {
    yield* walk(this.root);
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  /** Calls `visit` for every entry: no iterator or pair per entry, for walks over whole states. */
  forEach(visit: (value: V, key: string) => void): void {
    visitNode(this.root, visit);
  }

  /**
   * Calls `visit` for every key whose value differs (by `===`) between `this` and `other`; shared
   * subtrees are skipped, so comparing a state with its parent costs what changed, not the whole map.
   */
  diff(other: PersistentMap<V>, visit: (key: string, mine: V | undefined, theirs: V | undefined) => void): void {
    diffNodes(this.root, other.root, visit);
  }
}

function update<V>(node: Node<V> | null, depth: number, hash: number, key: string, value: V | undefined, change: { delta: number }): Node<V> | null {
  if (!node) {
    if (value === undefined) return null;
    change.delta = 1;
    return leaf(depth, hash, key, value);
  }
  if (node.kind === 'bucket') {
    const i = node.keys.indexOf(key);
    // A key already in the bucket is found by itself: a deep bucket can hold several hashes.
    if (i >= 0 || node.hash === hash || depth >= MAX_DEPTH) {
      if (i >= 0) {
        if (node.values[i] === value) return node;
        if (value === undefined) {
          change.delta = -1;
          if (node.keys.length === 1) return null;
          return { ...node, keys: node.keys.filter((_, j) => j !== i), values: node.values.filter((_, j) => j !== i) };
        }
        const values = node.values.slice();
        values[i] = value;
        return { ...node, values };
      }
      if (value === undefined) return node;
      change.delta = 1;
      return { ...node, keys: [...node.keys, key], values: [...node.values, value] };
    }
    if (value === undefined) return node;
    // Two different hashes met in one leaf: push the existing bucket one level down.
    const pushed: Branch<V> = { kind: 'branch', bitmap: 1 << ((node.hash >>> (depth * BITS)) & MASK), children: [node] };
    return update(pushed, depth, hash, key, value, change);
  }
  const bit = 1 << ((hash >>> (depth * BITS)) & MASK);
  const index = popcount(node.bitmap & (bit - 1));
  const present = (node.bitmap & bit) !== 0;
  const child = present ? node.children[index]! : null;
  const updated = update(child, depth + 1, hash, key, value, change);
  if (updated === child) return node;
  const children = node.children.slice();
  if (!updated) {
    children.splice(index, 1);
    const bitmap = node.bitmap & ~bit;
    if (bitmap === 0) return null;
    // A branch left with a single one-key bucket collapses into it, so equal contents keep equal
    // shapes; a bucket of several keys stays where their shared hash bits put it.
    if (children.length === 1 && children[0]!.kind === 'bucket' && children[0]!.keys.length === 1) return children[0]!;
    return { kind: 'branch', bitmap, children };
  }
  if (present) children[index] = updated;
  else children.splice(index, 0, updated);
  return { kind: 'branch', bitmap: node.bitmap | bit, children };
}

function leaf<V>(_depth: number, hash: number, key: string, value: V): Bucket<V> {
  return { kind: 'bucket', hash, keys: [key], values: [value] };
}

function visitNode<V>(node: Node<V> | null, visit: (value: V, key: string) => void): void {
  if (!node) return;
  if (node.kind === 'bucket') {
    for (let i = 0; i < node.keys.length; i++) visit(node.values[i]!, node.keys[i]!);
  } else {
    for (const child of node.children) visitNode(child, visit);
  }
}

function* walk<V>(node: Node<V> | null): Generator<[string, V]> {
  if (!node) return;
  if (node.kind === 'bucket') {
    for (let i = 0; i < node.keys.length; i++) yield [node.keys[i]!, node.values[i]!];
  } else {
    for (const child of node.children) yield* walk(child);
  }
}

function diffNodes<V>(a: Node<V> | null, b: Node<V> | null, visit: (key: string, mine: V | undefined, theirs: V | undefined) => void): void {
  if (a === b) return;
  if (a && b && a.kind === 'branch' && b.kind === 'branch') {
    for (let bit = 1, union = a.bitmap | b.bitmap; union !== 0; bit <<= 1) {
      if (!(union & bit)) continue;
      union &= ~bit;
      const left = a.bitmap & bit ? a.children[popcount(a.bitmap & (bit - 1))]! : null;
      const right = b.bitmap & bit ? b.children[popcount(b.bitmap & (bit - 1))]! : null;
      diffNodes(left, right, visit);
    }
    return;
  }
  if (a && b && a.kind === 'bucket' && b.kind === 'bucket') {
    // Two leaves (most often one key whose value changed): compare their keys directly.
    for (let i = 0; i < a.keys.length; i++) {
      const j = b.keys.indexOf(a.keys[i]!);
      const theirs = j >= 0 ? b.values[j] : undefined;
      if (a.values[i] !== theirs) visit(a.keys[i]!, a.values[i], theirs);
    }
    for (let j = 0; j < b.keys.length; j++) if (!a.keys.includes(b.keys[j]!)) visit(b.keys[j]!, undefined, b.values[j]);
    return;
  }
  // Shapes differ (a bucket against a branch, or one side empty): compare the two subtrees entry by entry.
  const mine = new Map<string, V>();
  visitNode(a, (value, key) => mine.set(key, value));
  visitNode(b, (theirs, key) => {
    const value = mine.get(key);
    if (value !== theirs) visit(key, value, theirs);
    mine.delete(key);
  });
  for (const [key, value] of mine) visit(key, value, undefined);
}
