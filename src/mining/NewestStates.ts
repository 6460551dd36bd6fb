// The states of the newest few commits offered (by committer time), for a mine to store at its end.
import type { TreeState } from '../snapshot/TreeState.js';

export interface DatedState {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  state: TreeState;
}

export class NewestStates {
  private kept: DatedState[] = [];

  constructor(private readonly size: number) {}

  offer(sha: string, time: number, state: TreeState): void {
    this.kept.push({ sha, time, state });
    this.kept.sort((a, b) => b.time - a.time || (a.sha < b.sha ? -1 : 1));
    this.kept.length = Math.min(this.kept.length, this.size);
  }

  /** Newest first. */
  all(): DatedState[] {
    return [...this.kept];
  }
}
