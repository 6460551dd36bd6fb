// The symbols table after a rerun: made again only for the symbols the rerun can change, and made
// whole again when an earlier run stopped between writing events and updating it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { storeRows, tempDbDir } from '../helpers/storeRows.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const dbs = tempDbDir();
test.after(() => {
  dbs.remove();
  restore();
});

const day = (n: number): string => `2004-05-${String(n).padStart(2, '0')} 10:00:00 +0000`;

/** c1 on master; `grow` adds c2, which moves bar to another file (an event, the same license at the tip), and c3, which touches only baz. */
function history() {
  const repo = RepoBuilder.create();
  repo.commit('c1', { date: day(1), files: {
    'kernel/a.c': 'int foo;\nEXPORT_SYMBOL(foo);\nint bar;\nEXPORT_SYMBOL_GPL(bar);\n',
  } });
  const grow = (): void => {
    repo.commit('c2', { date: day(2), files: {
      'kernel/a.c': 'int foo;\nEXPORT_SYMBOL(foo);\n',
      'kernel/b.c': 'int bar;\nEXPORT_SYMBOL_GPL(bar);\n',
    } });
    repo.commit('c3', { date: day(3), files: { 'lib/c.c': 'int baz;\nEXPORT_SYMBOL(baz);\n' } });
  };
  return { repo, grow };
}

/** The symbols table of `db` is a fresh mine's of master, with bar's move counted; closes `db`. */
async function assertSymbolsOfFreshMine(db: ReturnType<typeof openStore>, dir: string): Promise<void> {
  const fresh = openStore(dbs.file());
  await mineHistory({ repo: dir, rev: 'master', db: fresh });
  assert.deepEqual(storeRows(db).symbols, storeRows(fresh).symbols);
  assert.deepEqual(storeRows(db).symbols.map((row) => [row.symbol, row.events]), [['bar', 2], ['baz', 1], ['foo', 1]]);
  for (const store of [fresh, db]) store.close();
}

/** Thrown from the progress callback: the mine stops right after a segment's transaction. */
class Stop extends Error {}

test('a rerun stopped after writing events leaves the next run to make every row of the symbols table again', async () => {
  const { repo, grow } = history();
  try {
    const db = openStore(dbs.file());
    // One ref throughout, so each later run may update the table in place.
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    grow();
    // Segments of one commit: the run stops with c2's move written, before the table is updated.
    await assert.rejects(mineHistory({ repo: repo.dir, rev: 'master', db, segmentSize: 1, onProgress: () => {
      throw new Stop();
    } }), Stop);
    assert.equal(db.prepare("SELECT count(*) FROM events WHERE symbol = 'bar'").pluck().get(), 2, 'c2 moved bar');
    // The next run's own events and tip changes name only baz; bar's count must still come out right.
    const next = await mineHistory({ repo: repo.dir, rev: 'master', db });
    assert.equal(next.mined, 1);
    await assertSymbolsOfFreshMine(db, repo.dir);
  } finally {
    repo.cleanup();
  }
});

test('a rerun that completes updates the rows of the symbols its events touched, as a mine from scratch has them', async () => {
  const { repo, grow } = history();
  try {
    const db = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    grow();
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    await assertSymbolsOfFreshMine(db, repo.dir);
  } finally {
    repo.cleanup();
  }
});

test('the current tip is the ref mined last, even when both refs were mined in the same second, and the symbols table follows it', async () => {
  const { currentTip } = await import('../../src/queries/currentTip.js');
  const { repo, grow } = history();
  try {
    repo.git(['branch', 'old']);
    grow();
    const db = openStore(dbs.file());
    for (const rev of ['master', 'old', 'master']) {
      await mineHistory({ repo: repo.dir, rev, db });
      assert.equal(currentTip(db)?.ref, rev);
      // baz is exported at master's tip only.
      assert.equal(db.prepare("SELECT license FROM symbols WHERE symbol = 'baz'").pluck().get(), rev === 'master' ? 'any' : 'none');
    }
    db.close();
  } finally {
    repo.cleanup();
  }
});
