// Which DEFAULT_SYMBOL_NAMESPACE the kbuild files of a tree give one source file.
import { posix } from 'node:path';
import type { KbuildNamespace } from '../exports/parseKbuildNamespace.js';

/**
 * `CFLAGS_<obj>.o` in the file's own directory wins, then that directory's `ccflags-y`, then the
 * nearest `subdir-ccflags-y` at or above it.
 */
export function namespaceForPath(path: string, kbuild: { get(dir: string): { namespace: KbuildNamespace } | undefined }): string | null {
  let directory = posix.dirname(path);
  const own = kbuild.get(directory)?.namespace;
  const object = posix.basename(path).replace(/\.[^.]*$/, '');
  const direct = own?.objects.get(object) ?? own?.directory;
  if (direct) return direct;
  for (;;) {
    const inherited = kbuild.get(directory)?.namespace.subdirectories;
    if (inherited) return inherited;
    if (directory === '.' || directory === '/') return null;
    directory = posix.dirname(directory);
  }
}
