// Which DEFAULT_SYMBOL_NAMESPACE the kbuild files of a tree give one source file.
import { posix } from 'node:path';
import type { FlagScope, KbuildNamespace } from '../exports/parseKbuildNamespace.js';

/**
 * `CFLAGS_<obj>.o` in the file's own directory wins, then that directory's `ccflags-y`, then the
 * nearest `subdir-ccflags-y` at or above it.
 */
export function namespaceForPath(path: string, kbuild: { get(file: string): { namespace: KbuildNamespace } | undefined }): string | null {
  // kbuild reads a directory's Kbuild file when there is one, its Makefile otherwise.
  // Assembly gets the assembler's flags (asflags-y, AFLAGS_foo.o), C the compiler's (ccflags-y, CFLAGS_foo.o).
  const assembly = /\.S(?:_shipped)?$/.test(path);
  const inDirectory = (dir: string): FlagScope | undefined => {
    const prefix = dir === '.' ? '' : `${dir}/`;
    const namespace = (kbuild.get(`${prefix}Kbuild`) ?? kbuild.get(`${prefix}Makefile`))?.namespace;
    return assembly ? namespace?.assembler : namespace;
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
