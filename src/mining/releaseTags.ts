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
 * The first release of each commit: tags in version order, each claiming the commits it reaches that
 * no lower release reached. A commit already claimed stops the walk, since its ancestors are claimed too.
 */
export function firstReleases(
  releases: readonly { tag: string; sha: string }[],
  parentsOf: (sha: string) => readonly string[] | undefined,
  already: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const claimed = new Map<string, string>();
  const isClaimed = (sha: string): boolean => claimed.has(sha) || already.has(sha);
  for (const { tag, sha } of [...releases].sort((x, y) => compareVersions(x.tag, y.tag))) {
    const stack = [sha];
    while (stack.length > 0) {
      const current = stack.pop()!;
      const parents = parentsOf(current);
      if (parents === undefined || isClaimed(current)) continue;
      claimed.set(current, tag);
      for (const parent of parents) if (!isClaimed(parent)) stack.push(parent);
    }
  }
  return claimed;
}
