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

/** Runs `body` on a fresh history and removes it afterwards. */
async function withHistory(body: (made: ReturnType<typeof history>) => Promise<void>): Promise<void> {
  const made = history();
  try {
    await body(made);
  } finally {
    made.repo.cleanup();
  }
}

/** The whole history on branch side, and master still at c1. */
function sideAheadOfMaster({ repo, grow }: ReturnType<typeof history>): void {
  grow();
  repo.git(['branch', 'side']);
  repo.git(['update-ref', 'refs/heads/master', repo.id('c1')]);
}

/** Thrown from the progress callback: the mine stops right after a segment's transaction. */
class Stop extends Error {}

test('a rerun stopped after writing events leaves the next run to make every row of the symbols table again', async () => {
  await withHistory(async ({ repo, grow }) => {
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
  });
});

test('a rerun that completes updates the rows of the symbols its events touched, as a mine from scratch has them', async () => {
  await withHistory(async ({ repo, grow }) => {
    const db = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    grow();
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    await assertSymbolsOfFreshMine(db, repo.dir);
  });
});

test('the current tip is the ref mined last, even when both refs were mined in the same second, and the symbols table follows it', async () => {
  const { currentTip } = await import('../../src/queries/currentTip.js');
  await withHistory(async ({ repo, grow }) => {
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
  });
});

test('a rerun of the same ref leaves the rows of symbols it did not touch as they were: it does not make the whole table again', async () => {
  await withHistory(async ({ repo, grow }) => {
    const db = openStore(dbs.file());
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    grow();
    // A mark no mine would write, on foo, which c2 and c3 leave alone.
    db.prepare("UPDATE symbols SET events = 99 WHERE symbol = 'foo'").run();
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    assert.deepEqual(db.prepare('SELECT symbol, events FROM symbols ORDER BY symbol').raw().all(), [['bar', 2], ['baz', 1], ['foo', 99]]);
    db.close();
  });
});

test('a mine stopped after storing its tip exports, before the symbols table, leaves the next run to make every row again', async () => {
  await withHistory(async ({ repo, grow }) => {
    sideAheadOfMaster({ repo, grow });
    const db = openStore(dbs.file());
    for (const ref of ['side', 'master']) await mineHistory({ repo: repo.dir, rev: ref, db });
    // master moves onto commits side brought: no segment is written, only the tip's exports. The
    // mine stops when it records the ref, after those and before the symbols table.
    repo.git(['update-ref', 'refs/heads/master', repo.id('c3')]);
    db.exec("CREATE TRIGGER stop_here BEFORE INSERT ON refs BEGIN SELECT RAISE(ABORT, 'stopped'); END");
    await assert.rejects(mineHistory({ repo: repo.dir, rev: 'master', db }), /stopped/);
    db.exec('DROP TRIGGER stop_here');
    // The next run stores the same tip exports again, so they name no change: only the mark says the table is behind.
    await mineHistory({ repo: repo.dir, rev: 'master', db });
    await assertSymbolsOfFreshMine(db, repo.dir);
  });
});

test('after every mine of a sequence of refs the table is what making every row gives, also when a ref moves to commits another ref mined', async () => {
  const { updateSymbols } = await import('../../src/mining/updateSymbols.js');
  await withHistory(async ({ repo, grow }) => {
    sideAheadOfMaster({ repo, grow });
    const db = openStore(dbs.file());
    const steps: [string, () => void][] = [
      ['side', () => {}],
      ['master', () => {}],
      // master moves onto c2 and c3, which side brought: no commit is new, only the tip's exports change.
      ['master', () => repo.git(['update-ref', 'refs/heads/master', repo.id('c3')])],
      ['master', () => {}],
    ];
    for (const [i, [ref, before]] of steps.entries()) {
      before();
      await mineHistory({ repo: repo.dir, rev: ref, db });
      const rows = storeRows(db).symbols;
      updateSymbols(db, null);
      assert.deepEqual(rows, storeRows(db).symbols, `after step ${i + 1} (${ref})`);
    }
    assert.deepEqual(storeRows(db).symbols.map((row) => [row.symbol, row.license]), [['bar', 'gpl'], ['baz', 'any'], ['foo', 'any']]);
    db.close();
  });
});
