// Several best common ancestors (a criss-cross merge) folded into one virtual base, as git's
// recursive merge builds it: the bases merged pairwise over their own merge base, itself virtual
// when they have several. Generic over what a state is, so the miner (tree states) and the replay
// (export sets) fold the same way and stay in agreement.

export interface VirtualBaseSource<S> {
  /** Best common ancestors of two commits, ordered by commit id (empty: no shared history). */
  mergeBases(a: string, b: string): string[];
  stateOf(sha: string): S;
  /**
   * The clean merge of two states over their base, file by file, the same rule on both sides: where
   * `a` and `b` export differently from a file, `b`'s version when `a` still has the base's, else `a`'s
   * (its own change, or both changed it: git leaves conflict markers in a virtual base, `a` stands in).
   */
  merge(a: S, b: S, base: S): S;
  empty: S;
}

/** Deep enough for real histories; beyond it the first base stands for the rest. */
const MAX_DEPTH = 6;

/** The state to merge over when `bases` are a merge's best common ancestors. */
export function virtualBase<S>(bases: readonly string[], source: VirtualBaseSource<S>, depth = 0): S {
  if (bases.length === 0) return source.empty;
  let folded = source.stateOf(bases[0]!);
  if (depth >= MAX_DEPTH) return folded;
  for (const next of bases.slice(1)) {
    folded = source.merge(folded, source.stateOf(next), virtualBase(source.mergeBases(bases[0]!, next), source, depth + 1));
  }
  return folded;
}

/** Every commit whose state virtualBase reads for `bases`, so a caller can have them ready first. */
export function commitsVirtualBaseReads(bases: readonly string[], mergeBases: (a: string, b: string) => string[], depth = 0): string[] {
  if (bases.length === 0) return [];
  if (depth >= MAX_DEPTH) return [bases[0]!];
  const reads = [...bases];
  for (const next of bases.slice(1)) reads.push(...commitsVirtualBaseReads(mergeBases(bases[0]!, next), mergeBases, depth + 1));
  return [...new Set(reads)];
}
