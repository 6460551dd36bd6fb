// The files and directories of one tree, as the subsystem matcher needs to know them.

/** What the subsystem code asks of a tree: paths are relative to its top, directories without a trailing `/`. */
export interface PathTree {
  hasFile(path: string): boolean;
  isDirectory(path: string): boolean;
}

/**
 * A PathTree from the list of a tree's files (`git ls-tree -r --name-only`, or a walk of a checkout);
 * every directory that holds a file, however deep, counts as existing.
 *
 * @example
 * const tree = treeOfPaths(['drivers/vfio/vfio_main.c']);
 * tree.isDirectory('drivers') // → true
 * tree.isDirectory('drivers/vfio/vfio_main.c') // → false
 */
export function treeOfPaths(files: Iterable<string>): PathTree {
  const fileSet = new Set<string>();
  const directories = new Set<string>();
  for (const file of files) {
    fileSet.add(file);
    // Walk up only until a directory already known: its ancestors are known too, so this stays linear.
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const directory = file.slice(0, slash);
      if (directories.has(directory)) break;
      directories.add(directory);
    }
  }
  return { hasFile: (path) => fileSet.has(path), isDirectory: (path) => directories.has(path) };
}
