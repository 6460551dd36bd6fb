// A CommitGraph over the commits a mine stored reads them as its walks reach them, and answers as
// a graph given every commit at once.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { buildKernelHistory } from '../helpers/kernelHistory.js';
import { tempDbDir } from '../helpers/storeRows.js';

after(isolateGit());
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { commitsTable } = await import('../../src/storage/commitsTable.js');
const { CommitGraph } = await import('../../src/mining/CommitGraph.js');

test('a graph that reads stored commits on demand finds the merge bases, separations and distances of one given them all', async () => {
  const repo = buildKernelHistory();
  const dbs = tempDbDir();
  const db = openStore(dbs.file());
  try {
    await mineHistory({ repo: repo.dir, db });
    const table = commitsTable(db);
    const all = [...table.graph()];
    const eager = new CommitGraph();
    for (const c of all) eager.add(c.sha, c.parents, c.time);
    // One new commit on top of two old ones, as a rerun adds them. Stored commits are read in blocks
    // of ids: blocks of 2 and 3 put block edges between children and parents, and the default takes all at once.
    const [first, last] = [all[3]!.sha, all.at(-1)!.sha];
    eager.add('new-merge', [last, first], all.at(-1)!.time + 60);
    const shas = [...all.map((c) => c.sha), 'new-merge'];
    for (const block of [2, 3, 256]) {
      const lazy = new CommitGraph(table, block);
      lazy.add('new-merge', [last, first], all.at(-1)!.time + 60);
      assert.equal(lazy.size, table.maxId() + 2, 'indices up to the largest id, then the new commit');
      for (const a of shas) {
        for (const b of shas) {
          assert.deepEqual(lazy.mergeBases(a, b), eager.mergeBases(a, b), `${a} ${b} (blocks of ${block})`);
          assert.equal(lazy.separation(a, b), eager.separation(a, b), `${a} ${b} (blocks of ${block})`);
          assert.equal(lazy.distance(a, b), eager.distance(a, b), `${a} ${b} (blocks of ${block})`);
        }
      }
    }
    const lazy = new CommitGraph(table, 2);
    assert.equal(lazy.has('unknown'), false);
    assert.deepEqual(lazy.mergeBases('unknown', first), []);
  } finally {
    db.close();
    dbs.remove();
    repo.cleanup();
  }
});

test('reading stored commits in blocks leaves out ids without a commit and a parent stored after its child, as the eager graph does', () => {
  // Ids 1..12 with holes (a rewrite deleted 4 and 9), a merge, and a commit whose second parent has a
  // larger id than itself (only a contrived history stores one).
  const rows = new Map<number, { sha: string; parents: string[]; time: number }>();
  const put = (id: number, parents: number[]): void => void rows.set(id, { sha: `c${id}`, parents: parents.map((p) => `c${p}`), time: 1000 + id });
  put(1, []); put(2, [1]); put(3, [2]); put(5, [3]); put(6, [5, 11]); put(7, [3]); put(8, [6, 7]); put(10, [8]); put(11, [10]); put(12, [11, 7]);
  const stored = {
    maxId: () => 12,
    idOf: (sha: string) => [...rows].find(([, row]) => row.sha === sha)?.[0],
    range: (first: number, last: number) => [...rows].filter(([id]) => id >= first && id <= last).map(([id, row]) => ({ id, ...row })),
  };
  const eager = new CommitGraph();
  for (const [, row] of [...rows].sort((a, b) => a[0] - b[0])) eager.add(row.sha, row.parents, row.time);
  const shas = [...rows.values()].map((row) => row.sha);
  for (const block of [1, 2, 3, 5, 256]) {
    const lazy = new CommitGraph(stored, block);
    for (const a of shas) {
      for (const b of shas) {
        assert.deepEqual(lazy.mergeBases(a, b), eager.mergeBases(a, b), `${a} ${b} (blocks of ${block})`);
        assert.equal(lazy.separation(a, b), eager.separation(a, b), `${a} ${b} (blocks of ${block})`);
        assert.equal(lazy.distance(a, b), eager.distance(a, b), `${a} ${b} (blocks of ${block})`);
      }
    }
    assert.equal(lazy.has('c4'), false);
  }
});
