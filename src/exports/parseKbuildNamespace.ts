// Reads the DEFAULT_SYMBOL_NAMESPACE a kbuild file (Makefile or Kbuild) sets for the objects it builds.
import { unquote } from './scanSource.js';

/** Where one family of flags applies. */
export interface FlagScope {
  /** `ccflags-y` (and `ccflags-$(CONFIG_...)`, `EXTRA_CFLAGS`): this directory's objects. */
  directory: string | null;
  /** `subdir-ccflags-y`: this directory and every directory below it. */
  subdirectories: string | null;
  /** `CFLAGS_foo.o`: one object, by its name without `.o`. */
  objects: Map<string, string>;
}

/** kbuild passes C flags to .c files and assembler flags (`asflags-y`, `AFLAGS_foo.o`) to .S files. */
export interface KbuildNamespace extends FlagScope {
  assembler: FlagScope;
}

const C_FLAGS = /^\s*(subdir-ccflags-[\w$()-]+|ccflags-[\w$()-]+|EXTRA_CFLAGS|CFLAGS_([\w-]+)\.o)\s*[:+?]?=(.*)$/;
const AS_FLAGS = /^\s*(subdir-asflags-[\w$()-]+|asflags-[\w$()-]+|EXTRA_AFLAGS|AFLAGS_([\w-]+)\.o)\s*[:+?]?=(.*)$/;
const DEFINE = /-DDEFAULT_SYMBOL_NAMESPACE=(\S+)/;

/**
 * @example
 * parseKbuildNamespace("ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE='\"CXL\"'\n").directory // → 'CXL'
 */
export function parseKbuildNamespace(text: string): KbuildNamespace {
  const lines = text.replace(/\\\r?\n/g, ' ').split('\n');
  return { ...scope(lines, C_FLAGS), assembler: scope(lines, AS_FLAGS) };
}

function scope(lines: string[], assignment: RegExp): FlagScope {
  const result: FlagScope = { directory: null, subdirectories: null, objects: new Map() };
  for (const line of lines) {
    const m = assignment.exec(line);
    const define = m && DEFINE.exec(m[3]!);
    if (!m || !define) continue;
    // Shell quoting as kbuild passes it: '"CXL"', "CXL", \"CXL\" or a bare CXL.
    const value = unquote(define[1]!.replace(/^'(.*)'$/, '$1').replace(/\\"/g, '"'));
    if (m[2]) result.objects.set(m[2], value);
    else if (m[1]!.startsWith('subdir-')) result.subdirectories = value;
    else result.directory = value;
  }
  return result;
}
