// A symbol's license over a whole tree from the licenses of its exports there.
import type { TreeLicense } from '../model.js';

export function treeLicenseOf(licenses: Iterable<string>): TreeLicense {
  const seen = new Set(licenses);
  if (seen.size === 0) return 'none';
  return seen.size > 1 ? 'mixed' : ([...seen][0] as TreeLicense);
}
