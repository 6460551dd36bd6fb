// treeOfPaths: which files and directories a tree has, from the list of its files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { treeOfPaths } from '../../src/subsystems/treeOfPaths.js';

test('knows every directory above every file, however deep', () => {
  const tree = treeOfPaths(['drivers/vfio/pci/mlx5/main.c', 'drivers/vfio/vfio_main.c', 'Makefile']);
  assert.deepEqual(['drivers', 'drivers/vfio', 'drivers/vfio/pci', 'drivers/vfio/pci/mlx5'].filter((d) => !tree.isDirectory(d)), []);
});

test('does not take a file, a missing directory or the top for a directory', () => {
  const tree = treeOfPaths(['drivers/vfio/vfio_main.c', 'Makefile']);
  assert.deepEqual(['drivers/vfio/vfio_main.c', 'Makefile', 'drivers/net', 'drivers/vf', '', '.'].filter((d) => tree.isDirectory(d)), []);
});

test('knows files by their exact path', () => {
  const tree = treeOfPaths(['drivers/vfio/vfio_main.c']);
  assert.equal(tree.hasFile('drivers/vfio/vfio_main.c'), true);
  assert.equal(tree.hasFile('drivers/vfio'), false);
  assert.equal(tree.hasFile('vfio_main.c'), false);
});

test('finds a directory whose first file came after a file of a subdirectory', () => {
  const tree = treeOfPaths(['a/b/c/d.c', 'a/x.c', 'a/b/e/f.c']);
  assert.deepEqual(['a', 'a/b', 'a/b/c', 'a/b/e'].filter((d) => !tree.isDirectory(d)), []);
});
