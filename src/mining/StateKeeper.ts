// Which commit states a mine keeps in memory, and for how long.
import type { CommitLink } from '../git/listCommits.js';
import type { TreeState } from '../snapshot/TreeState.js';

/**
 * Keeps each commit's state while a child still needs it (and the tip's to the end), and the last
 * few thousand beyond that for merge bases; states of commits mined in an earlier run are rebuilt
 * from their trees when first needed. States share structure, so a kept one costs only what it changed.
 */
export class StateKeeper {
  private static readonly RECENT = 3000;
  private readonly states = new Map<string, Promise<TreeState>>();
  private readonly recentStates = new Map<string, TreeState>();
  private readonly waitingChildren = new Map<string, number>();
  private latest: TreeState | null = null;

  constructor(todo: readonly CommitLink[], private readonly tip: string, private readonly rebuild: (sha: string) => Promise<TreeState>) {
    for (const c of todo) for (const p of c.parents) this.waitingChildren.set(p, (this.waitingChildren.get(p) ?? 0) + 1);
  }

  get(sha: string): Promise<TreeState> {
    let state = this.states.get(sha);
    if (!state) {
      state = this.rebuild(sha);
      this.states.set(sha, state);
    }
    return state;
  }

  /** The state of a commit mined recently in this run, if still kept. */
  recent(sha: string): TreeState | undefined {
    return this.recentStates.get(sha);
  }

  /** Keeps a state among the recent ones (a merge base rebuilt for a merge may serve the next merge too). */
  keepRecent(sha: string, state: TreeState): TreeState {
    this.recentStates.set(sha, state);
    if (this.recentStates.size > StateKeeper.RECENT) this.recentStates.delete(this.recentStates.keys().next().value!);
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
    this.states.set(link.sha, Promise.resolve(state));
    this.keepRecent(link.sha, state);
    this.latest = state;
    for (const parent of link.parents) {
      const left = (this.waitingChildren.get(parent) ?? 1) - 1;
      this.waitingChildren.set(parent, left);
      if (left === 0 && parent !== this.tip) {
        this.states.delete(parent);
        this.waitingChildren.delete(parent);
      }
    }
  }

  latestExtraNames(): ReadonlySet<string> {
    return this.latest?.context.extraNames ?? new Set();
  }
}

