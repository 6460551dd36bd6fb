// Which commit states a mine keeps in memory, and for how long.
import type { CommitLink } from '../git/listCommits.js';
import type { TreeState } from '../snapshot/TreeState.js';

/**
 * Keeps each commit's state while a replay still reads it: until its last child is mined, and until
 * the last merge whose base it is (or whose virtual base reads it) is mined; the tip's to the end.
 * The last few thousand are kept beyond that, as starting points for rebuilds. States of commits
 * mined in an earlier run are rebuilt when first needed. States share structure, so a kept one
 * costs only what it changed.
 */
export class StateKeeper {
  private static readonly RECENT = 3000;
  private readonly states = new Map<string, Promise<TreeState>>();
  private readonly recentStates = new Map<string, TreeState>();
  /** How many replays still to come read each commit's state. */
  private readonly readers = new Map<string, number>();
  private latest: TreeState | null = null;

  /** @param baseReads the states a merge's replay reads to find its merge base. */
  constructor(
    todo: readonly CommitLink[], private readonly tip: string, private readonly rebuild: (sha: string) => Promise<TreeState>,
    private readonly baseReads: (merge: string) => readonly string[] = () => [],
  ) {
    for (const c of todo) for (const read of this.readsOf(c)) this.readers.set(read, (this.readers.get(read) ?? 0) + 1);
  }

  get(sha: string): Promise<TreeState> {
    let state = this.states.get(sha);
    if (!state) {
      const recent = this.recentStates.get(sha);
      state = recent ? Promise.resolve(recent) : this.rebuild(sha).then((rebuilt) => this.remember(sha, rebuilt));
      if (this.readers.has(sha)) this.states.set(sha, state);
    }
    return state;
  }

  /** The kept state closest to `sha` by `distance` (smaller is closer; Infinity for unknown). */
  nearest(sha: string, distance: (other: string) => number): { sha: string; state: TreeState } | undefined {
    let best: { sha: string; state: TreeState } | undefined;
    let bestDistance = Infinity;
    for (const [other, state] of this.recentStates) {
      const d = distance(other);
      if (d < bestDistance) [best, bestDistance] = [{ sha: other, state }, d];
    }
    return best;
  }

  done(link: CommitLink, state: TreeState): void {
    if (this.readers.has(link.sha) || link.sha === this.tip) this.states.set(link.sha, Promise.resolve(state));
    this.remember(link.sha, state);
    this.latest = state;
    for (const read of this.readsOf(link)) {
      const left = (this.readers.get(read) ?? 1) - 1;
      if (left > 0) {
        this.readers.set(read, left);
      } else {
        this.readers.delete(read);
        if (read !== this.tip) this.states.delete(read);
      }
    }
  }

  latestExtraNames(): ReadonlySet<string> {
    return this.latest?.context.extraNames ?? new Set();
  }

  /** Keeps a state among the recent ones, where rebuilds start from. */
  private remember(sha: string, state: TreeState): TreeState {
    this.recentStates.set(sha, state);
    if (this.recentStates.size > StateKeeper.RECENT) this.recentStates.delete(this.recentStates.keys().next().value!);
    return state;
  }

  private readsOf(link: CommitLink): string[] {
    return link.parents.length > 1 ? [...link.parents, ...this.baseReads(link.sha)] : link.parents;
  }
}
