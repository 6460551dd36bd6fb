// The graph of commits a mine knows, by index in topological order (parents before children), so
// merge bases are found in memory instead of one `git merge-base` process per merge. Commits mined
// before are read from the database only when a walk reaches them, a block of neighbouring ids at a
// time (a rerun's walks touch about 12,000 of linux-history's 62,000 commits, mostly in runs; one
// query per commit took 0.12 s, all commits 0.17 s, and all would take seconds on mainline): their
// database ids are topological too, so they are their indices, and the commits added here come after them.

/** A commit an earlier mine stored. */
export interface StoredCommit {
  id: number;
  sha: string;
  parents: string[];
  time: number;
}

/** The commits an earlier mine stored, by id; a commit's parents have smaller ids than it. */
export interface StoredCommits {
  /** The largest id in use, 0 when none. */
  maxId(): number;
  idOf(sha: string): number | undefined;
  /** The stored commits with ids from `first` to `last`, both included. */
  range(first: number, last: number): Iterable<StoredCommit>;
}

/** Stored commits are read in aligned blocks of this many ids: walks go down through neighbouring ids. */
const BLOCK = 256;

export class CommitGraph {
  private readonly index = new Map<string, number>();
  private readonly shas: string[];
  /** Each commit's parents' indices; undefined for a stored commit not read yet. */
  private readonly parents: (number[] | undefined)[];
  /** Committer dates (seconds), NaN where not given. */
  private readonly times: number[];
  /** The parents of stored commits read in a block, by sha, until a walk first needs them as indices. */
  private readonly storedParents = new Map<number, string[]>();
  /** Which blocks of stored ids were read. */
  private readonly blocksRead: Uint8Array;
  /** Indices below this are stored commits' ids; commits added here take the next ones. */
  private readonly firstAdded: number;
  private next: number;
  private flags = new Uint8Array(0);
  private queue = new MaxHeap(0);

  constructor(private readonly stored: StoredCommits | null = null, private readonly block = BLOCK) {
    this.firstAdded = this.next = stored ? stored.maxId() + 1 : 0;
    this.blocksRead = new Uint8Array(Math.ceil(this.firstAdded / block));
    this.shas = new Array<string>(this.firstAdded);
    this.parents = new Array<number[] | undefined>(this.firstAdded);
    this.times = new Array<number>(this.firstAdded);
  }

  /** Adds a commit whose parents were added or stored before it (or are unknown: shallow or unmined history). */
  add(sha: string, parentShas: readonly string[], time = NaN): void {
    if (this.indexOf(sha) !== undefined) return;
    const id = this.next++;
    this.index.set(sha, id);
    this.shas[id] = sha;
    this.parents[id] = parentShas.map((p) => this.indexOf(p)).filter((i): i is number => i !== undefined);
    this.times[id] = time;
  }

  /** A commit's index: added here, or a stored commit's id (read from the database once). */
  private indexOf(sha: string): number | undefined {
    const known = this.index.get(sha);
    if (known !== undefined || !this.stored) return known;
    const id = this.stored.idOf(sha);
    if (id === undefined || id >= this.firstAdded) return undefined;
    this.index.set(sha, id);
    this.shas[id] = sha;
    return id;
  }

  private parentsOf(id: number): number[] {
    return this.parents[id] ?? this.load(id);
  }

  private timeOf(id: number): number {
    if (this.parents[id] === undefined) this.load(id);
    return this.times[id]!;
  }

  /** A stored commit's parents and date, read (with its block) the first time a walk or a distance needs them. */
  private load(id: number): number[] {
    if (id < this.firstAdded) this.readBlock(Math.floor(id / this.block));
    const shas = this.storedParents.get(id);
    this.storedParents.delete(id);
    // A parent stored after its child (never seen) is left out, as a graph given every commit in id order leaves it.
    const parents = (shas ?? []).map((p) => this.indexOf(p)).filter((i): i is number => i !== undefined && i < id);
    this.parents[id] = parents;
    if (!shas) this.times[id] = NaN;
    return parents;
  }

  private readBlock(block: number): void {
    if (this.blocksRead[block]) return;
    this.blocksRead[block] = 1;
    const first = block * this.block;
    for (const commit of this.stored!.range(first, Math.min(first + this.block, this.firstAdded) - 1)) {
      if (this.parents[commit.id] !== undefined) continue;
      if (!this.index.has(commit.sha)) this.index.set(commit.sha, commit.id);
      this.shas[commit.id] = commit.sha;
      this.times[commit.id] = commit.time;
      this.storedParents.set(commit.id, commit.parents);
    }
  }

  /**
   * How far apart two commits' trees probably are, to pick where a rebuild starts: their committer
   * dates apart when both are known (a side branch mined late can be months older than its
   * neighbours in mining order), their distance in mining order when neither is; Infinity when
   * either commit is unknown or only one date is (the two measures do not compare).
   */
  distance(a: string, b: string): number {
    const x = this.indexOf(a);
    const y = this.indexOf(b);
    if (x === undefined || y === undefined) return Infinity;
    const [tx, ty] = [this.timeOf(x), this.timeOf(y)];
    if (Number.isNaN(tx) && Number.isNaN(ty)) return Math.abs(x - y);
    return Number.isNaN(tx) || Number.isNaN(ty) ? Infinity : Math.abs(tx - ty);
  }

  /**
   * How many commits one of the two reaches and the other does not: every change between their trees
   * was made by one of them, so this bounds how far apart the trees are. Infinity when either is unknown.
   */
  separation(a: string, b: string, limit = Infinity): number {
    const x = this.indexOf(a);
    const y = this.indexOf(b);
    if (x === undefined || y === undefined) return Infinity;
    let count = 0;
    this.paintDown(x, y, (_id, flag) => {
      if ((flag & 3) !== 3) count++;
      return count <= limit;
    });
    return count > limit ? Infinity : count;
  }

  has(sha: string): boolean {
    return this.indexOf(sha) !== undefined;
  }

  /** How many indices are in use: the stored commits' ids and the commits added. */
  get size(): number {
    return this.next;
  }

  /** Every best common ancestor of two commits, ordered by commit id; empty when they share no history or one is unknown. */
  mergeBases(a: string, b: string): string[] {
    const x = this.indexOf(a);
    const y = this.indexOf(b);
    if (x === undefined || y === undefined) return [];
    return this.bestCommonAncestors(x, y).map((i) => this.shas[i]!).sort();
  }

  /**
   * The merge base of `shas` (for an octopus, folded pairwise), null when they share no history.
   * Of several best common ancestors (a criss-cross merge), the one with the smallest commit id: a
   * rule that does not depend on the order commits were mined in, so mining at once and in pieces agree.
   */
  mergeBase(shas: readonly string[]): string | null {
    const ids = shas.map((sha) => this.indexOf(sha));
    if (ids.some((id) => id === undefined)) return null;
    let base = ids[0]!;
    for (const other of ids.slice(1)) {
      const bases = this.bestCommonAncestors(base, other!);
      if (bases.length === 0) return null;
      base = bases.reduce((a, b) => (this.shas[a]! < this.shas[b]! ? a : b));
    }
    return this.shas[base]!;
  }

  /**
   * Every best common ancestor of two commits, as git's paint-down finds them: commits reached from
   * both sides, minus those below another such commit. Walks in descending index order and stops once
   * only commits below a found one remain.
   */
  private bestCommonAncestors(a: number, b: number): number[] {
    if (a === b) return [a];
    const found: number[] = [];
    this.paintDown(a, b, (id, flag) => {
      if ((flag & 3) === 3) found.push(id);
      return true;
    });
    return found.filter((x) => !found.some((y) => y !== x && this.isAncestor(x, y)));
  }

  /**
   * git's paint-down from two commits: each commit reached is flagged with the sides that reach it,
   * and `visit` sees every one that is not below a common ancestor already found, with its final
   * flags (1, 2 or both), in descending index order. Common ancestors mark what lies below them
   * stale; the walk stops once only stale commits are left, or when `visit` returns false.
   */
  private paintDown(a: number, b: number, visit: (id: number, flag: number) => boolean): void {
    if (a === b) {
      visit(a, 3);
      return;
    }
    const STALE = 4;
    // One flags array and one queue for every walk (each commit is queued at most once per walk):
    // the walks of a mine's merges visit millions of commits, so nothing is allocated per visit.
    if (this.flags.length < this.next) {
      this.flags = new Uint8Array(this.next * 2);
      this.queue = new MaxHeap(this.next * 2);
    }
    const flags = this.flags;
    const heap = this.queue;
    flags[a] = 1;
    flags[b] = 2;
    heap.push(a);
    heap.push(b);
    let live = 2; // queued commits that are not yet known to lie below a found one
    while (live > 0 && heap.size > 0) {
      const id = heap.pop();
      let flag = flags[id]!;
      if (!(flag & STALE)) {
        live--;
        // Its children were all popped before it (indices are topological): its flags are final.
        if (!visit(id, flag)) break;
        if ((flag & 3) === 3) flag |= STALE;
      }
      for (const parent of this.parentsOf(id)) {
        const before = flags[parent]!;
        const after = before | flag;
        if (after === before) continue;
        flags[parent] = after;
        if (before === 0) {
          heap.push(parent);
          if (!(after & STALE)) live++;
        } else if (after & STALE && !(before & STALE)) {
          live--;
        }
      }
    }
    // Every commit this walk flagged was queued once: the queue's storage lists them all.
    heap.forEachEverPushed((id) => (flags[id] = 0));
    heap.clear();
  }

  /** Whether `x` is reachable from `y` (indices are topological, so the walk stops below `x`). */
  private isAncestor(x: number, y: number): boolean {
    const stack = [y];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === x) return true;
      if (id < x || seen.has(id)) continue;
      seen.add(id);
      stack.push(...this.parentsOf(id));
    }
    return false;
  }
}

/**
 * A max-heap of commit indices in a fixed typed array. Popped items stay behind the live part, so
 * until `clear` the array holds every index pushed since (each at most once per walk).
 */
class MaxHeap {
  private readonly items: Int32Array;
  private length = 0;
  private pushed = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(value: number): void {
    const items = this.items;
    // The live heap is items[0, length); popped items were moved to items[length, pushed).
    if (this.pushed > this.length) items[this.pushed] = items[this.length]!;
    this.pushed++;
    let i = this.length++;
    items[i] = value;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! >= items[i]!) break;
      const swap = items[parent]!;
      items[parent] = items[i]!;
      items[i] = swap;
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const end = --this.length;
    const last = items[end]!;
    // The popped item is kept at the end of the live part, where forEachEverPushed finds it.
    items[end] = top;
    if (end > 0) {
      items[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < end && items[left]! > items[largest]!) largest = left;
        if (right < end && items[right]! > items[largest]!) largest = right;
        if (largest === i) break;
        const swap = items[largest]!;
        items[largest] = items[i]!;
        items[i] = swap;
        i = largest;
      }
    }
    return top;
  }

  forEachEverPushed(visit: (value: number) => void): void {
    for (let i = 0; i < this.pushed; i++) visit(this.items[i]!);
  }

  clear(): void {
    this.length = 0;
    this.pushed = 0;
  }
}
