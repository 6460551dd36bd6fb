// Buckets F:/X: patterns by their literal start, so a path is tested only against patterns that can match it.
import type { FilePattern } from './compileFilePattern.js';

/**
 * A pattern that starts with `include/linux/vfio` can only match paths in `include/linux/` whose name
 * starts with `v`, so a path looks in the buckets of its own ancestors (`''`, `include/`,
 * `include/linux/`), each for patterns whose next character varies and for those that need the path's
 * own next character: about twenty lookups and a few regex tests instead of ten thousand. The second
 * character matters: 6.12's MAINTAINERS has some 700 patterns in `include/linux/` alone.
 */
export class PatternIndex<T> {
  readonly #buckets = new Map<string, Array<{ pattern: FilePattern; value: T }>>();

  add(pattern: FilePattern, value: T): void {
    const key = `${pattern.directory}\n${pattern.next}`;
    const bucket = this.#buckets.get(key);
    if (bucket) bucket.push({ pattern, value });
    else this.#buckets.set(key, [{ pattern, value }]);
  }

  /** Calls `visit` for every pattern that may match `path`; the caller still tests each one. */
  forEachCandidate(path: string, visit: (pattern: FilePattern, value: T) => void): void {
    for (let end = 0; ; ) {
      const directory = path.slice(0, end);
      this.#visit(`${directory}\n`, visit);
      if (end < path.length) this.#visit(`${directory}\n${path[end]}`, visit);
      const slash = path.indexOf('/', end);
      if (slash === -1) return;
      end = slash + 1;
    }
  }

  #visit(key: string, visit: (pattern: FilePattern, value: T) => void): void {
    const bucket = this.#buckets.get(key);
    if (bucket) for (const { pattern, value } of bucket) visit(pattern, value);
  }
}
