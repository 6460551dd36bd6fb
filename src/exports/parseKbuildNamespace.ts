// Reads the DEFAULT_SYMBOL_NAMESPACE a kbuild file (Makefile or Kbuild) sets for the objects it builds.
import { unquote } from './scanSource.js';

export interface KbuildNamespace {
  /** `ccflags-y` (and `ccflags-$(CONFIG_...)`, `EXTRA_CFLAGS`): this directory's objects. */
  directory: string | null;
  /** `subdir-ccflags-y`: this directory and every directory below it. */
  subdirectories: string | null;
  /** `CFLAGS_foo.o`: one object, by its name without `.o`. */
  objects: Map<string, string>;
}

const ASSIGNMENT = /^\s*(subdir-ccflags-[\w$()-]+|ccflags-[\w$()-]+|EXTRA_CFLAGS|CFLAGS_([\w-]+)\.o)\s*[:+?]?=(.*)$/;
const DEFINE = /-DDEFAULT_SYMBOL_NAMESPACE=(\S+)/;

/**
 * @example
 * parseKbuildNamespace("ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE='\"CXL\"'\n").directory // → 'CXL'
 */
export function parseKbuildNamespace(text: string): KbuildNamespace {
  const result: KbuildNamespace = { directory: null, subdirectories: null, objects: new Map() };
  for (const line of text.replace(/\\\r?\n/g, ' ').split('\n')) {
    const assignment = ASSIGNMENT.exec(line);
    const define = assignment && DEFINE.exec(assignment[3]!);
    if (!assignment || !define) continue;
    // Shell quoting as kbuild passes it: '"CXL"', "CXL", \"CXL\" or a bare CXL.
    const value = unquote(define[1]!.replace(/^'(.*)'$/, '$1').replace(/\\"/g, '"'));
    const target = assignment[1]!;
    if (assignment[2]) result.objects.set(assignment[2], value);
    else if (target.startsWith('subdir-')) result.subdirectories = value;
    else result.directory = value;
  }
  return result;
}
