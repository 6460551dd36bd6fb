// Each merge's diff against its first parent, asked of git as its segment streams in: asked only
// when the replay reaches the merge, each would wait a round trip through a busy git.
import type { DiffTreeBatch } from '../git/DiffTreeBatch.js';
import type { CommitRecord, RawChange } from '../git/streamCommits.js';

export class MergeDiffs {
  private readonly pending = new Map<string, Promise<RawChange[]>>();

  constructor(private readonly differ: DiffTreeBatch) {}

  /** Starts reading a merge's first-parent diff; other commits need none. */
  ahead(record: CommitRecord): void {
    if (record.parents.length < 2 || this.pending.has(record.sha)) return;
    const diff = this.differ.diff(record.parents[0]!, record.sha);
    diff.catch(() => {}); // a failure reaches whoever takes it
    this.pending.set(record.sha, diff);
  }

  /** The merge's first-parent diff (read now when it was not read ahead), forgotten once taken. */
  take(record: CommitRecord): Promise<RawChange[]> {
    const diff = this.pending.get(record.sha) ?? this.differ.diff(record.parents[0]!, record.sha);
    this.pending.delete(record.sha);
    return diff;
  }
}
