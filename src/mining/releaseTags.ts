// Release tags and their order: the first release that contains a commit is the lowest version
// among the release tags it is reachable from.

/** `v2.6.12`, `2.4.0`, `0.99.11`, a stable `2.6.11.1`; not `-rc`, `-pre` or `-test` tags. */
export function isReleaseTag(tag: string): boolean {
  return /^v?\d+(?:\.\d+)+$/.test(tag);
}

/** A release tag or one of its release candidates (`v2.6.12-rc3`): the points side branches fork from. */
export function isVersionTag(tag: string): boolean {
  return /^v?\d+(?:\.\d+)+(?:-rc\d+)?$/.test(tag);
}

/** Orders release tags by version number, part by part: 2.4.9 < 2.4.10 < 2.5.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Orders release tags by version, and tags of equal versions (`v2.6.0` and `2.6.0`) by name, so
 * which one a commit belongs to never depends on the order the tags were found in.
 */
export function compareReleases(a: string, b: string): number {
  return compareVersions(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The commits whose first release becomes one of `releases`: tags in order, each claiming the
 * commits it reaches whose release so far (`current`, none by default) is none or higher. A commit
 * that keeps a lower one stops the walk, since every commit it reaches has one as low.
 */
export function firstReleases(
  releases: readonly { tag: string; sha: string }[],
  parentsOf: (sha: string) => readonly string[] | undefined,
  current: (sha: string) => string | null = () => null,
): Map<string, string> {
  const claimed = new Map<string, string>();
  for (const { tag, sha } of [...releases].sort((x, y) => compareReleases(x.tag, y.tag))) {
    const stack = [sha];
    while (stack.length > 0) {
      const commit = stack.pop()!;
      const parents = parentsOf(commit);
      const release = claimed.get(commit) ?? current(commit);
      if (parents === undefined || (release !== null && compareReleases(release, tag) <= 0)) continue;
      claimed.set(commit, tag);
      stack.push(...parents);
    }
  }
  return claimed;
}
