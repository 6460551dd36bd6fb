// A kbuild file's namespace settings, or null when it sets none (the common case: not worth keeping).
import { type FlagScope, type KbuildNamespace, parseKbuildNamespace } from './parseKbuildNamespace.js';

const sets = (scope: FlagScope): boolean => !!scope.directory || !!scope.subdirectories || scope.objects.size > 0;

export function kbuildNamespaceOf(text: string): KbuildNamespace | null {
  const namespace = parseKbuildNamespace(text);
  return sets(namespace) || sets(namespace.assembler) ? namespace : null;
}
