// The graph of commits a mine knows, by index in topological order (parents before children), so
// merge bases are found in memory instead of one `git merge-base` process per merge.

export class CommitGraph {
  private readonly index = new Map<string, number>();
  private readonly shas: string[] = [];
  private readonly parents: number[][] = [];

  /** Adds a commit whose parents were added before it (or are unknown: shallow or unmined history). */
  add(sha: string, parentShas: readonly string[]): void {
    if (this.index.has(sha)) return;
    this.index.set(sha, this.shas.length);
    this.shas.push(sha);
    this.parents.push(parentShas.map((p) => this.index.get(p)).filter((i): i is number => i !== undefined));
  }

  has(sha: string): boolean {
    return this.index.has(sha);
  }

  get size(): number {
    return this.shas.length;
  }

  /**
   * The best common ancestor of `shas` (for an octopus, of all of them), as git picks it: of the
   * merge bases, the one latest in topological order. Null when they share no history.
   */
  mergeBase(shas: readonly string[]): string | null {
    const ids = shas.map((sha) => this.index.get(sha));
    if (ids.some((id) => id === undefined)) return null;
    let base = ids[0]!;
    for (const other of ids.slice(1)) {
      const found = this.pairBase(base, other!);
      if (found === null) return null;
      base = found;
    }
    return this.shas[base]!;
  }

  /** Paints down from both sides in descending index order; the first commit reached by both wins. */
  private pairBase(a: number, b: number): number | null {
    if (a === b) return a;
    const flags = new Map<number, number>([[a, 1], [b, 2]]);
    const heap = new MaxHeap();
    heap.push(a);
    heap.push(b);
    while (heap.size > 0) {
      const id = heap.pop();
      const flag = flags.get(id)!;
      if (flag === 3) return id; // highest index reached from both sides: no better base exists above it
      for (const parent of this.parents[id]!) {
        const before = flags.get(parent) ?? 0;
        const after = before | flag;
        if (after !== before) {
          flags.set(parent, after);
          if (before === 0) heap.push(parent);
        }
      }
    }
    return null;
  }
}

class MaxHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (items[parent]! >= items[i]!) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < items.length && items[left]! > items[largest]!) largest = left;
        if (right < items.length && items[right]! > items[largest]!) largest = right;
        if (largest === i) break;
        [items[largest], items[i]] = [items[i]!, items[largest]!];
        i = largest;
      }
    }
    return top;
  }
}
