// A kbuild file's namespace settings, or null when it sets none (the common case: not worth keeping).
import { type KbuildNamespace, parseKbuildNamespace } from './parseKbuildNamespace.js';

export function kbuildNamespaceOf(text: string): KbuildNamespace | null {
  const namespace = parseKbuildNamespace(text);
  return namespace.directory || namespace.subdirectories || namespace.objects.size > 0 ? namespace : null;
}
