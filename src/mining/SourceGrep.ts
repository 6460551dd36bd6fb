// Which source files of a commit's tree contain some names (a new wrapper's users). A wrapper
// reaches each branch through a merge, and every such merge asks again: the first answer comes
// from `git grep` over the whole tree, later ones from the last answer and the diff since.
import { CatFileBatch } from '../git/CatFileBatch.js';
import type { DiffTreeBatch } from '../git/DiffTreeBatch.js';
import { candidates, grepHolding, grepSplits } from '../git/grepPaths.js';
import { ZERO_ID } from '../git/streamCommits.js';
import { isExportingSource } from '../exports/sourceKinds.js';
import { holdsNeedle, mayHoldNeedle } from '../exports/splices.js';

interface Answer {
  commit: string;
  paths: Set<string>;
}

export class SourceGrep {
  /** The last answer for each set of names. */
  private readonly answers = new Map<string, Answer>();
  private reader: CatFileBatch | null = null;

  constructor(private readonly repo: string, private readonly differ: DiffTreeBatch) {}

  /** Paths of source files in `commit`'s tree whose bytes contain one of `names`. */
  async paths(commit: string, names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const key = [...names].sort().join('\n');
    const last = this.answers.get(key);
    const paths = last ? await this.since(last, commit, names) : await this.grep(commit, names);
    this.answers.set(key, { commit, paths });
    return [...paths];
  }

  async close(): Promise<void> {
    await this.reader?.close();
  }

  /** The whole tree grepped; a file where a splice may split a name is looked at. */
  private async grep(commit: string, names: readonly string[]): Promise<Set<string>> {
    const [holding, maySplit] = await Promise.all([grepHolding(this.repo, names, commit), grepSplits(this.repo, commit)]);
    const { paths, splitOnly } = candidates(holding.filter(isExportingSource), maySplit.filter(isExportingSource));
    const contains = await Promise.all(paths.map((path) => !splitOnly.has(path) || this.contains(`${commit}:${path}`, names)));
    return new Set(paths.filter((_, i) => contains[i]));
  }

  /** The last answer, with every source file changed since it looked at again. */
  private async since(last: Answer, commit: string, names: readonly string[]): Promise<Set<string>> {
    const paths = new Set(last.paths);
    const changed = (await this.differ.diff(last.commit, commit)).filter((c) => isExportingSource(c.path));
    const contains = await Promise.all(changed.map((c) => (c.blob === ZERO_ID ? false : this.contains(c.blob, names))));
    changed.forEach((c, i) => (contains[i] ? paths.add(c.path) : paths.delete(c.path)));
    return paths;
  }

  /** Whether an object's bytes hold one of the names, also split by a splice. */
  private async contains(object: string, names: readonly string[]): Promise<boolean> {
    this.reader ??= new CatFileBatch(this.repo);
    return (await this.reader.readTaking(object, mayHoldNeedle(names), (bytes) => holdsNeedle(bytes, names))) === true;
  }
}
