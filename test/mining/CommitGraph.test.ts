// CommitGraph: merge bases in memory, as the miner asks for them at each merge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommitGraph } from '../../src/mining/CommitGraph.js';

/** A graph from `[sha, parents]` pairs given parents first. */
function graphOf(commits: [string, string[]][]): CommitGraph {
  const graph = new CommitGraph();
  for (const [sha, parents] of commits) graph.add(sha, parents);
  return graph;
}

// r ─ a ─ b                  a line
//      └─ c ─ d              a fork at a
//  m = merge(b, d); e = child of d
const FORK = graphOf([['r', []], ['a', ['r']], ['b', ['a']], ['c', ['a']], ['d', ['c']], ['m', ['b', 'd']], ['e', ['d']]]);

// Criss-cross: two merges of the same two commits in both directions have two best bases, a1 and b1.
//   r ─ a1 ─ a2 = merge(a1, b1)
//    └─ b1 ─ b2 = merge(b1, a1)
const CRISS_CROSS = graphOf([['r', []], ['a1', ['r']], ['b1', ['r']], ['a2', ['a1', 'b1']], ['b2', ['b1', 'a1']]]);

// Two root commits that share no history (like the 2005 import of git's own history into another).
const UNRELATED = graphOf([['r1', []], ['x1', ['r1']], ['r2', []], ['x2', ['r2']]]);

// An octopus: three branches, two of them forked later from x.
const OCTOPUS = graphOf([['r', []], ['x', ['r']], ['a', ['x']], ['b', ['x']], ['c', ['r']]]);

const CASES: { behaviour: string; graph: CommitGraph; shas: string[]; base: string | null }[] = [
  { behaviour: 'a commit with itself is its own base', graph: FORK, shas: ['b', 'b'], base: 'b' },
  { behaviour: 'a single commit is its own base', graph: FORK, shas: ['d'], base: 'd' },
  { behaviour: 'an ancestor and its descendant have the ancestor as base', graph: FORK, shas: ['r', 'b'], base: 'r' },
  { behaviour: 'a descendant and its ancestor have the ancestor as base, either way round', graph: FORK, shas: ['b', 'r'], base: 'r' },
  { behaviour: 'two branches have their fork point as base', graph: FORK, shas: ['b', 'd'], base: 'a' },
  { behaviour: 'after a merge, the merged side\'s tip is the base with that side\'s later work', graph: FORK, shas: ['m', 'e'], base: 'd' },
  { behaviour: 'a criss-cross merge has, of its best bases, the one with the smallest commit id', graph: CRISS_CROSS, shas: ['a2', 'b2'], base: 'a1' },
  { behaviour: 'a criss-cross merge has the same base whichever side comes first', graph: CRISS_CROSS, shas: ['b2', 'a2'], base: 'a1' },
  { behaviour: 'unrelated histories have no base', graph: UNRELATED, shas: ['x1', 'x2'], base: null },
  { behaviour: 'two roots have no base', graph: UNRELATED, shas: ['r1', 'r2'], base: null },
  { behaviour: 'an unknown commit has no base', graph: FORK, shas: ['b', 'nowhere'], base: null },
  { behaviour: 'an octopus has the base common to all its branches', graph: OCTOPUS, shas: ['a', 'b', 'c'], base: 'r' },
  { behaviour: 'an octopus has that base whatever the order of its parents', graph: OCTOPUS, shas: ['c', 'a', 'b'], base: 'r' },
  { behaviour: 'two of the octopus\'s branches alone have their own later fork point', graph: OCTOPUS, shas: ['a', 'b'], base: 'x' },
];

for (const { behaviour, graph, shas, base } of CASES) {
  test(behaviour, () => {
    assert.equal(graph.mergeBase(shas), base);
  });
}

test('a criss-cross merge has the same base whatever order its commits were added in (mined at once or in pieces)', () => {
  // r; a1 and b1 fork from r; a2 merges b1 into a1, b2 merges a1 into b1
  const one = graphOf([['r', []], ['a1', ['r']], ['b1', ['r']], ['a2', ['a1', 'b1']], ['b2', ['b1', 'a1']]]);
  const other = graphOf([['r', []], ['b1', ['r']], ['a1', ['r']], ['b2', ['b1', 'a1']], ['a2', ['a1', 'b1']]]);
  assert.equal(one.mergeBase(['a2', 'b2']), other.mergeBase(['a2', 'b2']));
  assert.equal(one.mergeBase(['a2', 'b2']), 'a1');
});

test('a criss-cross base is never an ancestor of another common ancestor', () => {
  // Both a1 and b1 are best; r is common too, but worse than either.
  assert.notEqual(CRISS_CROSS.mergeBase(['a2', 'b2']), 'r');
});

test('a parent that was never added (a shallow or unmined history) is left out', () => {
  const graph = graphOf([['grafted', ['missing']], ['child', ['grafted']], ['other', ['missing']]]);
  assert.equal(graph.mergeBase(['child', 'grafted']), 'grafted');
  assert.equal(graph.mergeBase(['child', 'other']), null);
  assert.equal(graph.has('missing'), false);
});

test('adding a commit twice keeps the first and counts it once', () => {
  const graph = graphOf([['r', []], ['a', ['r']], ['a', []]]);
  assert.equal(graph.size, 2);
  assert.equal(graph.mergeBase(['a', 'r']), 'r');
});

test('a long history with many merges finds a merged side branch as the base with its later work', () => {
  // mainline c1..c2000, and every 10 commits a side commit s forked 5 back and merged by m
  const graph = new CommitGraph();
  let head = 'c0';
  graph.add(head, []);
  for (let i = 1; i <= 2000; i++) {
    graph.add(`c${i}`, [head]);
    head = `c${i}`;
    if (i % 10 === 0) {
      graph.add(`s${i}`, [`c${i - 5}`]);
      graph.add(`m${i}`, [head, `s${i}`]);
      head = `m${i}`;
    }
  }
  graph.add('left', [head]);
  graph.add('right', ['s1990']);
  assert.equal(graph.mergeBase(['left', 'right']), 's1990');
  assert.equal(graph.mergeBase(['right', 'c1990']), 'c1985');
});

test('distance is committer dates apart when both are known (a side branch mined late is old), mining order apart when neither is', () => {
  const graph = new CommitGraph();
  graph.add('fork', [], 1_000);
  graph.add('mainline', ['fork'], 9_000);
  graph.add('side', ['fork'], 1_500); // mined after mainline, but its tree is the fork's, nearly
  graph.add('undated', ['side']);
  graph.add('undated-too', ['undated']);
  assert.equal(graph.distance('side', 'fork'), 500);
  assert.equal(graph.distance('side', 'mainline'), 7_500);
  assert.equal(graph.distance('undated-too', 'undated'), 1, 'without dates, one commit apart in mining order');
  assert.equal(graph.distance('undated', 'fork'), Infinity, 'seconds and commits do not compare');
  assert.equal(graph.distance('side', 'unknown'), Infinity);
});

/** Best common ancestors by definition: common ancestors that are not ancestors of another one. */
function bestCommonAncestorsByDefinition(parents: number[][], a: number, b: number): number[] {
  const ancestors = (start: number): Set<number> => {
    const seen = new Set<number>();
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...parents[id]!);
    }
    return seen;
  };
  const fromB = ancestors(b);
  const common = [...ancestors(a)].filter((id) => fromB.has(id));
  return common.filter((x) => !common.some((y) => y !== x && ancestors(y).has(x))).sort((x, y) => x - y);
}

/** A random history of `size` commits (parents before children), some of them merges, with a seeded random source. */
function randomHistory(seed: number, size: number, mergeOneIn: number) {
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const parents: number[][] = [[]];
  for (let i = 1; i < size; i++) {
    const first = Math.max(0, i - 1 - random(20));
    parents.push(random(mergeOneIn) === 0 && i > 2 ? [...new Set([first, random(i)])] : [first]);
  }
  const name = (i: number): string => `c${String(i).padStart(4, '0')}`;
  return { parents, random, name, graph: graphOf(parents.map((p, i) => [name(i), p.map(name)])) };
}

test('merge bases of many pairs in a row in a random history with merges match their definition (walks share their buffers)', () => {
  const { parents, random, name, graph } = randomHistory(7, 400, 4);
  for (let k = 0; k < 600; k++) {
    const [a, b] = [random(400), random(400)];
    assert.deepEqual(graph.mergeBases(name(a), name(b)), bestCommonAncestorsByDefinition(parents, a, b).map(name), `${name(a)} and ${name(b)}`);
  }
});

test('the separation of two commits is the number of commits exactly one of them reaches', () => {
  const { parents, random, name, graph } = randomHistory(11, 300, 3);
  const reach = (start: number): Set<number> => {
    const seen = new Set<number>();
    for (const stack = [start]; stack.length > 0;) {
      const id = stack.pop()!;
      if (!seen.has(id)) seen.add(id) && stack.push(...parents[id]!);
    }
    return seen;
  };
  for (let k = 0; k < 400; k++) {
    const [a, b] = [random(300), random(300)];
    const [ra, rb] = [reach(a), reach(b)];
    const expected = [...ra].filter((x) => !rb.has(x)).length + [...rb].filter((x) => !ra.has(x)).length;
    assert.equal(graph.separation(name(a), name(b)), expected, `${name(a)} and ${name(b)}`);
    assert.equal(graph.separation(name(a), name(b), 10), expected <= 10 ? expected : Infinity, 'stopped past a limit');
  }
  assert.equal(graph.separation(name(5), 'unknown'), Infinity);
});
