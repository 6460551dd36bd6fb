// Which DEFAULT_SYMBOL_NAMESPACE the kbuild files of a tree give one source file.
import { posix } from 'node:path';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';

/**
 * `CFLAGS_<obj>.o` in the file's own directory wins, then that directory's `ccflags-y`, then the
 * nearest `subdir-ccflags-y` at or above it.
 */
export function namespaceForPath(path: string, kbuild: { get(file: string): { namespace: KbuildNamespace } | undefined }): string | null {
  // kbuild reads a directory's Kbuild file when there is one, its Makefile otherwise.
  const inDirectory = (dir: string): KbuildNamespace | undefined => {
    const prefix = dir === '.' ? '' : `${dir}/`;
    return (kbuild.get(`${prefix}Kbuild`) ?? kbuild.get(`${prefix}Makefile`))?.namespace;
  };
  let directory = posix.dirname(path);
  const own = inDirectory(directory);
  const object = posix.basename(path).replace(/\.[^.]*$/, '');
  const direct = own?.objects.get(object) ?? own?.directory;
  if (direct) return direct;
  for (;;) {
    const inherited = inDirectory(directory)?.subdirectories;
    if (inherited) return inherited;
    if (directory === '.' || directory === '/') return null;
    directory = posix.dirname(directory);
  }
}
