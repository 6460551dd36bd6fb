// Where a merge's base comes from: its best common ancestors, and every state the virtual base of a
// criss-cross merge folds. Known before the replay, so a mine can keep those states until the merge.
import type { CommitGraph } from './CommitGraph.js';
import { commitsVirtualBaseReads } from './virtualBase.js';

export interface BasePlan {
  /** The merge's best common ancestors (an octopus folds its parents into one); empty: no shared history. */
  bases: string[];
  /** Every commit whose state finding the base reads. */
  reads: string[];
}

export function basePlan(graph: CommitGraph, parents: readonly string[]): BasePlan {
  const bases = parents.length === 2 ? graph.mergeBases(parents[0]!, parents[1]!) : [graph.mergeBase(parents)].filter((b): b is string => b !== null);
  return { bases, reads: commitsVirtualBaseReads(bases, (a, b) => graph.mergeBases(a, b)) };
}
