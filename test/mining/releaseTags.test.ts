// releaseTags: which tags are releases, their version order, and the first release of each commit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReleases, compareVersions, firstReleases, isReleaseTag, isVersionTag } from '../../src/mining/releaseTags.js';

const TAGS: [tag: string, release: boolean][] = [
  ['v2.6.12', true], ['2.4.0', true], ['v3.0', true], ['v6.12', true], ['0.99.11', true],
  ['v2.6.11.1', true], // a stable release
  ['v2.6.12-rc1', false], ['v2.6.0-test1', false], ['2.5.0-pre1', false], ['v2.6.12-rc2-mm1', false],
  ['v2', false], ['linux-2.6.12', false], ['next-20240101', false], ['v2.6.12^{}', false], ['', false],
];

for (const [tag, release] of TAGS) {
  test(`isReleaseTag(${JSON.stringify(tag)}) is ${release}`, () => {
    assert.equal(isReleaseTag(tag), release);
  });
}

test('version tags, whose states later mines start from, are the releases and their -rcs', () => {
  const versions = TAGS.filter(([tag]) => isVersionTag(tag)).map(([tag]) => tag);
  assert.deepEqual(versions, ['v2.6.12', '2.4.0', 'v3.0', 'v6.12', '0.99.11', 'v2.6.11.1', 'v2.6.12-rc1']);
});

test('versions are ordered part by part as numbers, with or without the v', () => {
  const ordered = ['2.4.9', '2.4.10', '2.5.0', 'v2.6.0', 'v2.6.9', 'v2.6.10', 'v2.6.11', 'v2.6.11.1', 'v2.6.11.12', 'v2.6.12', 'v2.6.39', 'v3.0', 'v3.0.1', 'v3.1', 'v6.12'];
  const shuffled = ['v2.6.10', 'v3.0', '2.5.0', 'v2.6.11.12', 'v6.12', '2.4.10', 'v2.6.9', 'v3.1', 'v2.6.0', 'v2.6.11.1', '2.4.9', 'v2.6.12', 'v3.0.1', 'v2.6.39', 'v2.6.11'];
  assert.deepEqual([...shuffled].sort(compareVersions), ordered);
});

test('a version compares equal to itself with or without the v, and a shorter version comes before its extensions', () => {
  assert.equal(compareVersions('v2.6.0', '2.6.0'), 0);
  assert.ok(compareVersions('v2.6.11', 'v2.6.11.1') < 0);
  assert.ok(compareVersions('2.4.10', '2.4.9') > 0);
});

/** A graph from `child: parents` lines. */
function graph(lines: Record<string, string[]>): (sha: string) => readonly string[] | undefined {
  return (sha) => lines[sha];
}

const claims = (map: Map<string, string>): Record<string, string> => Object.fromEntries([...map].sort());

test('on a line of history each commit belongs to the first tag after it, and commits after the last tag to none', () => {
  const parents = graph({ c1: [], c2: ['c1'], c3: ['c2'], c4: ['c3'], c5: ['c4'] });
  const releases = [{ tag: 'v2.6.1', sha: 'c4' }, { tag: 'v2.6.0', sha: 'c2' }];
  assert.deepEqual(claims(firstReleases(releases, parents)), { c1: 'v2.6.0', c2: 'v2.6.0', c3: 'v2.6.1', c4: 'v2.6.1' });
});

test('v2.6.9 claims its commits before v2.6.10 does, though "v2.6.10" sorts first as a string', () => {
  const parents = graph({ c1: [], c2: ['c1'], c3: ['c2'], c4: ['c3'] });
  const releases = [{ tag: 'v2.6.10', sha: 'c4' }, { tag: 'v2.6.9', sha: 'c2' }];
  assert.deepEqual(claims(firstReleases(releases, parents)), { c1: 'v2.6.9', c2: 'v2.6.9', c3: 'v2.6.10', c4: 'v2.6.10' });
});

test('a commit of an older series merged into mainline belongs to the lower version, even when that tag came later', () => {
  // r ─ m1 ─ m2 (v2.6.9, merges s1)      r ─ s1 ─ s2 (v2.4.21)
  const parents = graph({ r: [], s1: ['r'], m1: ['r'], m2: ['m1', 's1'], s2: ['s1'] });
  const releases = [{ tag: 'v2.6.9', sha: 'm2' }, { tag: 'v2.4.21', sha: 's2' }];
  assert.deepEqual(claims(firstReleases(releases, parents)), { m1: 'v2.6.9', m2: 'v2.6.9', r: 'v2.4.21', s1: 'v2.4.21', s2: 'v2.4.21' });
});

test('new tags claim only commits whose release so far is none or higher, and stop at a lower one', () => {
  // c1 (2.4.0) ─ c2 (v2.6.0) ─ c3 ─ c4, then v2.5.0 is tagged on c3 and v2.6.1 on c4
  const parents = graph({ c1: [], c2: ['c1'], c3: ['c2'], c4: ['c3'] });
  const current = new Map<string, string | null>([['c1', '2.4.0'], ['c2', 'v2.6.0'], ['c3', null], ['c4', null]]);
  const releases = [{ tag: 'v2.6.1', sha: 'c4' }, { tag: 'v2.5.0', sha: 'c3' }];
  assert.deepEqual(claims(firstReleases(releases, parents, (sha) => current.get(sha) ?? null)), { c2: 'v2.5.0', c3: 'v2.5.0', c4: 'v2.6.1' });
});

test('of two tags of one version, the first by name claims, whichever is given first', () => {
  const parents = graph({ c1: [], c2: ['c1'] });
  for (const releases of [[{ tag: 'v2.6.0', sha: 'c2' }, { tag: '2.6.0', sha: 'c2' }], [{ tag: '2.6.0', sha: 'c2' }, { tag: 'v2.6.0', sha: 'c2' }]]) {
    assert.deepEqual(claims(firstReleases(releases, parents)), { c1: '2.6.0', c2: '2.6.0' });
  }
  assert.ok(compareReleases('2.6.0', 'v2.6.0') < 0 && compareReleases('v2.6.0', '2.6.0') > 0 && compareReleases('v2.6.0', 'v2.6.0') === 0);
});

test('a tag on a commit the graph does not know claims nothing', () => {
  const parents = graph({ c1: [], c2: ['c1'] });
  assert.deepEqual(claims(firstReleases([{ tag: 'v2.6.0', sha: 'elsewhere' }], parents)), {});
});

test('no releases claim nothing', () => {
  assert.deepEqual(claims(firstReleases([], graph({ c1: [] }))), {});
});

test('two branches merged twice are each claimed once, by the lowest release that reaches them', () => {
  //      ┌─ a1 ─┐      ┌─ a2 ─┐
  // r ───┴──────m1 (v1.0) ───┴── m2 (v1.1)
  const parents = graph({ r: [], a1: ['r'], m1: ['r', 'a1'], a2: ['m1'], m2: ['m1', 'a2'] });
  const releases = [{ tag: 'v1.1', sha: 'm2' }, { tag: 'v1.0', sha: 'm1' }];
  assert.deepEqual(claims(firstReleases(releases, parents)), { a1: 'v1.0', a2: 'v1.1', m1: 'v1.0', m2: 'v1.1', r: 'v1.0' });
});
