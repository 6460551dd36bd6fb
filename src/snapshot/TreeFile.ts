// A kernel tree as the snapshot reads it, wherever it comes from (a directory, a git commit).
export interface TreeFile {
  /** Relative to the tree's top, with `/` separators. */
  path: string;
  bytes: Buffer;
  /** The git blob id, when the tree comes from git. */
  blob?: string;
}

export interface TreeSource {
  /** The files `select` accepts whose bytes contain at least one of `needles`, in path order. */
  files(select: (path: string) => boolean, needles: readonly string[]): AsyncIterable<TreeFile>;
}
