// The miner's invariants over the kernel-like fixture history: replaying the events along the graph
// equals a whole-tree scan (PRODUCT.md "What must be true" 3), and mining at once, in pieces, in
// small segments, again with nothing new, or after a force-push all give the same store (4).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { buildKernelHistory, KERNEL_COMMITS, KERNEL_TAGS, type KernelCommit, PEOPLE } from '../helpers/kernelHistory.js';
import { DATAGRAM_C, HOSTS_C } from '../helpers/kernelHistoryDriverSources.js';
import type { RepoBuilder } from '../helpers/RepoBuilder.js';
import type { ExportSet } from '../../src/mining/replayEvents.js';
import { type StoreRows, storeRows, tempDbDir } from '../helpers/storeRows.js';

after(isolateGit());
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');
const { replayStore } = await import('../../src/mining/replayStore.js');
const { replayVersusScan } = await import('../helpers/replayVersusScan.js');
const { scanTree } = await import('../../src/snapshot/scanTree.js');
const { treeFromCommit } = await import('../../src/snapshot/treeFromCommit.js');

type MineOptions = Parameters<typeof mineHistory>[0];

let repo: RepoBuilder;
let dbs: ReturnType<typeof tempDbDir>;
/** The store of one uninterrupted mine of the whole fixture, which every other way of mining must equal. */
let atOnce: StoreRows;
let replayed: Map<string, ExportSet>;

/** Mines into a new database, step by step (each step a set of options), and reads the store back. */
async function mineInSteps(history: RepoBuilder, steps: Omit<MineOptions, 'repo' | 'db'>[]): Promise<{ rows: StoreRows; summaries: Awaited<ReturnType<typeof mineHistory>>[] }> {
  const db = openStore(dbs.file());
  try {
    const summaries = [];
    for (const step of steps) summaries.push(await mineHistory({ repo: history.dir, db, ...step }));
    return { rows: storeRows(db), summaries };
  } finally {
    db.close();
  }
}

function assertSameStore(actual: StoreRows, expected: StoreRows): void {
  assert.deepEqual(actual.events, expected.events, 'events');
  assert.deepEqual(actual.symbolStates, expected.symbolStates, 'symbol states');
  assert.deepEqual(actual.commits, expected.commits, 'commits and their releases');
  assert.deepEqual(actual.tipExports, expected.tipExports, 'tip exports');
  assert.deepEqual(actual.releases, expected.releases, 'releases and their counts by license');
  assert.deepEqual(actual.releaseLicenses, expected.releaseLicenses, 'licenses at releases');
  assert.deepEqual(actual.symbols, expected.symbols, 'the symbols table');
}

before(async () => {
  repo = buildKernelHistory();
  dbs = tempDbDir();
  const db = openStore(dbs.file());
  try {
    await mineHistory({ repo: repo.dir, db });
    atOnce = storeRows(db);
    replayed = replayStore(db).sets;
  } finally {
    db.close();
  }
});

after(() => {
  repo?.cleanup();
  dbs?.remove();
});

async function replayVersusScanAt(rev: string): Promise<string[]> {
  const sha = repo.git(['rev-parse', `${rev}^{commit}`]);
  const set = replayed.get(sha);
  assert.ok(set, `${rev} was mined`);
  return replayVersusScan(repo.dir, sha, set);
}

test('replaying the events along the graph gives the export set a scan finds at the tip and at every tag', async () => {
  for (const rev of ['HEAD', ...Object.keys(KERNEL_TAGS)]) assert.deepEqual(await replayVersusScanAt(rev), [], rev);
});

test('replaying the events gives a scan\'s export set at every commit: the prefilter drops no change a whole-tree comparison finds', async () => {
  // This covers the continuation-line edit (class-uevent), the deleted file (ftape-remove) and the
  // wrappers redefined in headers (acpi-gpl, bpf-dispatcher) commit by commit, merges included.
  for (const name of KERNEL_COMMITS) assert.deepEqual(await replayVersusScanAt(repo.id(name)), [], name);
});

test('the exports stored for the tip are exactly those a scan of the tip finds', async () => {
  const scan = await scanTree(treeFromCommit(repo.dir, 'HEAD'));
  const stored = atOnce.tipExports.map((e) => `${e.path}:${e.line} ${e.symbol} ${e.macro} ${e.license} ${e.namespace ?? '-'}`).sort();
  assert.deepEqual(stored, scan.exports.map((e) => `${e.path}:${e.line} ${e.symbol} ${e.macro} ${e.license} ${e.namespace ?? '-'}`).sort());
});

test('each event of a non-merge commit names the line where the export stands, after the change or, for a removal, before it', async () => {
  const lines = new Map<string, Promise<Map<string, number[]>>>();
  const linesAt = (sha: string) => {
    if (!lines.has(sha)) {
      lines.set(sha, scanTree(treeFromCommit(repo.dir, sha)).then((scan) => {
        const byExport = new Map<string, number[]>();
        for (const e of scan.exports) (byExport.get(`${e.path} ${e.symbol}`) ?? byExport.set(`${e.path} ${e.symbol}`, []).get(`${e.path} ${e.symbol}`)!).push(e.line);
        return byExport;
      }));
    }
    return lines.get(sha)!;
  };
  for (const e of atOnce.events.filter((row) => row.parents.length <= 1)) {
    const at = e.kind === 'removed' ? e.parents[0]! : e.commit;
    const where = (await linesAt(at)).get(`${e.path} ${e.symbol}`) ?? [];
    assert.ok(e.line !== null && where.includes(e.line), `${e.kind} ${e.symbol} ${e.path}: line ${e.line}, the tree has ${where.join(', ')}`);
  }
});

// Each split stops the first mine somewhere else: on mainline before a merge, on a side branch that
// is merged later, on the 2.4 branch, and at a release tag whose older branch is merged only later.
const SPLITS: KernelCommit[] = ['namei-cleanup', 'datagram-gpl', 'crc32-export', 'crc32-comment', 'merge-net', 'merge-scsi', 'bpf-dispatcher-stub'];

for (const split of SPLITS) {
  test(`mining up to ${split} and then to the tip gives exactly the store mining at once gives`, async () => {
    const { rows, summaries } = await mineInSteps(repo, [{ rev: repo.id(split) }, {}]);
    assert.equal(summaries[0]!.mined + summaries[1]!.mined, KERNEL_COMMITS.length, 'every commit mined once');
    assert.deepEqual(rows.events, atOnce.events, 'events');
    assert.deepEqual(rows.symbolStates, atOnce.symbolStates, 'symbol states');
    assert.deepEqual(rows.commits, atOnce.commits, 'commits and their releases');
    assert.deepEqual(rows.releases, atOnce.releases, 'releases and their counts by license');
    assert.deepEqual(rows.releaseLicenses, atOnce.releaseLicenses, 'licenses at releases');
  });
}

test('mining in segments of 1 and of 4 commits gives exactly the store one segment gives', async () => {
  for (const segmentSize of [1, 4]) {
    const { rows } = await mineInSteps(repo, [{ segmentSize }]);
    assertSameStore(rows, atOnce);
  }
});

test('a release tagged after its commits were mined reaches them on the next run, though no commit is new', async () => {
  repo.git(['tag', '-d', 'v2.6.10']);
  try {
    const db = openStore(dbs.file());
    try {
      await mineHistory({ repo: repo.dir, db });
      repo.git(['tag', '-a', '-m', 'Linux 2.6.10', 'v2.6.10', repo.id('merge-scsi')]);
      const summary = await mineHistory({ repo: repo.dir, db });
      assert.equal(summary.mined, 0);
      assertSameStore(storeRows(db), atOnce);
    } finally {
      db.close();
    }
  } finally {
    if (!repo.git(['tag', '-l', 'v2.6.10'])) repo.git(['tag', '-a', '-m', 'Linux 2.6.10', 'v2.6.10', repo.id('merge-scsi')]);
  }
});

test('rerunning with nothing new mines 0 commits, records no event and leaves the store as it was', async () => {
  const { rows, summaries } = await mineInSteps(repo, [{}, {}]);
  assert.deepEqual([summaries[1]!.mined, summaries[1]!.events, summaries[1]!.rewrittenFrom], [0, 0, null]);
  assertSameStore(rows, atOnce);
});

/**
 * A force-push: master goes back to settimeofday-move, the tags and branches of the dropped history
 * go with it, and the net tree's change comes in again as a plain commit, with a new release on top.
 */
function rewrite(history: RepoBuilder): void {
  history.git(['reset', '-q', '--hard', history.id('settimeofday-move')]);
  for (const tag of ['v2.6.9', 'v2.6.10-rc1', 'v2.6.10']) history.git(['tag', '-d', tag]);
  history.git(['branch', '-q', '-D', 'net', 'scsi']);
  history.commit('datagram-gpl-again', {
    author: PEOPLE.davem, date: '2003-03-01 10:00:00 -0800', message: '[NET]: skb_copy_datagram_iovec is GPL-only\n',
    files: { 'net/core/datagram.c': DATAGRAM_C('EXPORT_SYMBOL_GPL') },
  });
  history.commit('scsi-host-lookup', {
    author: PEOPLE.jejb, date: '2003-03-02 10:00:00 -0600', message: '[SCSI] export scsi_host_lookup\n',
    files: { 'drivers/scsi/hosts.c': HOSTS_C(true) },
  });
  history.tag('v2.6.8', 'scsi-host-lookup');
}

for (const pruned of [false, true]) {
  const how = pruned ? ', even once gc has pruned the old commits,' : '';
  test(`a rewritten history is reported${how} and the store then equals a mine from scratch of the new history`, async () => {
    const history = buildKernelHistory();
    const db = openStore(dbs.file());
    try {
      await mineHistory({ repo: history.dir, db });
      const oldTip = history.id('cxl-default-ns');
      rewrite(history);
      if (pruned) {
        history.git(['reflog', 'expire', '--expire=now', '--all']);
        history.git(['gc', '-q', '--prune=now']);
        assert.throws(() => history.git(['cat-file', '-e', oldTip]), 'the old tip is gone');
      }
      const commitCount = (): number => db.prepare('SELECT count(*) FROM commits').pluck().get() as number;
      const before = commitCount();
      const summary = await mineHistory({ repo: history.dir, db });
      assert.equal(summary.rewrittenFrom, oldTip);
      assert.equal(summary.tip, history.id('scsi-host-lookup'));
      assert.ok(summary.dropped > 0);
      assert.equal(commitCount(), before - summary.dropped + summary.mined, 'the commits dropped are the ones the summary counts');
      const afterRewrite = storeRows(db);
      const { rows: fromScratch } = await mineInSteps(history, [{}]);
      assertSameStore(afterRewrite, fromScratch);
    } finally {
      db.close();
      history.cleanup();
    }
  });
}

test('mining with --jobs 2 (blobs read and scanned on a reader thread) gives exactly the store --jobs 1 gives', async () => {
  const { rows } = await mineInSteps(repo, [{ jobs: 2 }]);
  assert.deepEqual(rows, atOnce);
});
