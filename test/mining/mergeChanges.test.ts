// A merge's state is its first parent's with only some paths looked at again: those git's combined
// diff names (content unlike every parent's) and those where another parent's state differs. These
// histories put the merge's result where that shortcut could go wrong: a merge that keeps the side's
// old blob of a file mainline changed (its combined diff is empty there), a wrapper without EXPORT in
// its name that only one parent knows, and a wrapper that reaches two branches through two merges.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { PEOPLE } from '../helpers/kernelHistory.js';
import { RepoBuilder } from '../helpers/RepoBuilder.js';
import { tempDbDir } from '../helpers/storeRows.js';
import type { EventRow } from '../../src/storage/eventsTable.js';

after(isolateGit());
const { mineHistory } = await import('../../src/mining/mineHistory.js');
const { openStore } = await import('../../src/storage/openStore.js');
const { eventsTable } = await import('../../src/storage/eventsTable.js');
const { replayStore } = await import('../../src/mining/replayStore.js');
const { replayVersusScan } = await import('../helpers/replayVersusScan.js');
const { DiffTreeBatch } = await import('../../src/git/DiffTreeBatch.js');
const { SourceGrep } = await import('../../src/mining/SourceGrep.js');

const source = (...lines: string[]): string => `#include <linux/module.h>\n\n${lines.join('\n')}\n`;
const FOO_ANY = source('int foo(void) { return 0; }', 'EXPORT_SYMBOL(foo);');
const FOO_GPL = source('int foo(void) { return 0; }', 'EXPORT_SYMBOL_GPL(foo);');
const PROVIDES_H = '#define PROVIDES_THING(x) EXPORT_SYMBOL_GPL(x)\n';

/** Mines `repo` and gives its events as `commit kind(merge) symbol path`, and the replay-versus-scan differences at each named commit. */
async function mine(repo: RepoBuilder, names: string[], checkAt: string[]): Promise<{ events: string[]; mismatches: string[] }> {
  const dbs = tempDbDir();
  const db = openStore(dbs.file());
  try {
    await mineHistory({ repo: repo.dir, db, segmentSize: 3 });
    const byId = new Map(names.map((name) => [repo.id(name), name]));
    const show = (e: EventRow): string => `${byId.get(e.commit)} ${e.kind}${e.merge ? `(${e.merge})` : ''} ${e.symbol} ${e.path}`;
    const events = [...eventsTable(db).list()].map(show).sort();
    const { sets } = replayStore(db);
    const mismatches: string[] = [];
    for (const name of checkAt) {
      for (const difference of await replayVersusScan(repo.dir, repo.id(name), sets.get(repo.id(name))!)) mismatches.push(`${name}: ${JSON.stringify(difference)}`);
    }
    return { events, mismatches };
  } finally {
    db.close();
    dbs.remove();
  }
}

test('a merge that keeps the side\'s old blob of a file mainline tightened loosens it again, as a resolution', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('base', { date: '2003-01-01 10:00:00 +0000', files: { 'kernel/foo.c': FOO_ANY, 'kernel/plain.c': 'int plain;\n' } });
    repo.branch('side', 'base');
    repo.commit('side-edit', { author: PEOPLE.akpm, date: '2003-01-02 10:00:00 +0000', files: { 'kernel/plain.c': 'int plain = 1;\n', 'kernel/bar.c': source('int bar;', 'EXPORT_SYMBOL(bar);') } });
    repo.switch('master');
    repo.commit('tighten', { date: '2003-01-03 10:00:00 +0000', files: { 'kernel/foo.c': FOO_GPL } });
    repo.merge('merge', 'side', { date: '2003-01-04 10:00:00 +0000', files: { 'kernel/foo.c': FOO_ANY } });
    assert.equal(repo.git(['log', '-1', '--raw', '-c', '--format=', repo.id('merge')]), '', 'the merge has no path unlike both parents');
    const { events, mismatches } = await mine(repo, ['base', 'side-edit', 'tighten', 'merge'], ['merge', 'tighten', 'side-edit']);
    assert.deepEqual(events, [
      'base added foo kernel/foo.c',
      'merge loosened(resolution) foo kernel/foo.c',
      'side-edit added bar kernel/bar.c',
      'tighten tightened foo kernel/foo.c',
    ]);
    assert.deepEqual(mismatches, []);
  } finally {
    repo.cleanup();
  }
});

test('a wrapper without EXPORT in its name reaches two branches through two merges: its users export from the side\'s commits only', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('base', { date: '2003-05-01 10:00:00 +0000', files: { 'kernel/foo.c': FOO_ANY, 'net/thing.c': 'int thing;\n' } });
    repo.branch('net', 'base');
    repo.commit('provides', { author: PEOPLE.greg, date: '2003-05-02 10:00:00 +0000', files: {
      'include/net/provides.h': PROVIDES_H,
      'net/thing.c': '#include <net/provides.h>\nint thing;\nPROVIDES_THING(thing);\n',
    } });
    repo.branch('one', 'base');
    repo.commit('one-edit', { date: '2003-05-03 10:00:00 +0000', files: { 'kernel/foo.c': FOO_GPL } });
    repo.merge('merge-one', 'net', { date: '2003-05-04 10:00:00 +0000' });
    repo.switch('net');
    repo.commit('provides-more', { author: PEOPLE.greg, date: '2003-05-05 10:00:00 +0000', files: {
      'net/thing.c': '#include <net/provides.h>\nint thing;\nPROVIDES_THING(thing);\nint thing2;\nPROVIDES_THING(thing2);\n',
      'net/other.c': '#include <net/provides.h>\nint other;\nPROVIDES_THING(other);\n',
    } });
    repo.switch('master');
    repo.commit('master-edit', { date: '2003-05-06 10:00:00 +0000', files: { 'kernel/plain.c': 'int plain;\n' } });
    repo.merge('merge-net', 'net', { date: '2003-05-07 10:00:00 +0000' });
    repo.merge('merge-one-in', 'one', { date: '2003-05-08 10:00:00 +0000' });
    const names = ['base', 'provides', 'one-edit', 'merge-one', 'provides-more', 'master-edit', 'merge-net', 'merge-one-in'];
    const { events, mismatches } = await mine(repo, names, ['merge-one', 'merge-net', 'merge-one-in']);
    assert.deepEqual(events, [
      'base added foo kernel/foo.c',
      'one-edit tightened foo kernel/foo.c',
      'provides added thing net/thing.c',
      'provides-more added other net/other.c',
      'provides-more added thing2 net/thing.c',
    ]);
    assert.deepEqual(mismatches, []);
  } finally {
    repo.cleanup();
  }
});

test('a side branch starts using a wrapper only mainline defines: the merge of the two exports it, and the replay equals a scan', async () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('base', { date: '2003-07-01 10:00:00 +0000', files: { 'kernel/foo.c': FOO_ANY, 'net/thing.c': 'int thing;\n' } });
    repo.commit('provides-h', { author: PEOPLE.greg, date: '2003-07-02 10:00:00 +0000', files: { 'include/net/provides.h': PROVIDES_H } });
    repo.branch('side', 'base');
    repo.commit('use', { author: PEOPLE.akpm, date: '2003-07-03 10:00:00 +0000', files: { 'net/thing.c': '#include <net/provides.h>\nint thing;\nPROVIDES_THING(thing);\n' } });
    repo.switch('master');
    repo.merge('merge', 'side', { date: '2003-07-04 10:00:00 +0000' });
    const { events, mismatches } = await mine(repo, ['base', 'provides-h', 'use', 'merge'], ['merge']);
    // No commit's own diff exports it: each parent's tree lacks half of what it takes. The merge carries it.
    assert.deepEqual(events, ['base added foo kernel/foo.c', 'merge added(evil) thing net/thing.c']);
    assert.deepEqual(mismatches, []);
  } finally {
    repo.cleanup();
  }
});

test('SourceGrep answers from the last answer and the diff since exactly what git grep answers', async () => {
  const repo = RepoBuilder.create();
  const differ = new DiffTreeBatch(repo.dir);
  const grep = new SourceGrep(repo.dir, differ);
  try {
    repo.commit('first', { date: '2003-06-01 10:00:00 +0000', files: {
      'a/uses.c': 'WRAP(a);\n', 'a/gone.c': 'WRAP(g);\n', 'a/stops.h': 'WRAP(s)\n', 'a/plain.c': 'int p;\n', 'Documentation/wrap.txt': 'WRAP\n',
    } });
    repo.commit('second', { date: '2003-06-02 10:00:00 +0000', files: {
      'a/gone.c': null, 'a/stops.h': 'nothing\n', 'a/plain.c': 'int p;\nOTHER(p);\n', 'b/new.S': 'WRAP(n)\n', 'b/moved.c': 'int m;\n',
    } });
    repo.commit('third', { date: '2003-06-03 10:00:00 +0000', renames: { 'a/uses.c': 'c/uses.c' }, files: { 'b/moved.c': 'int m;\nOTHER(m);\n' } });
    const gitGrep = (commit: string): string[] => {
      const out = repo.git(['grep', '-l', '-F', '-e', 'WRAP', '-e', 'OTHER', repo.id(commit), '--']);
      return out.split('\n').filter((line) => line !== '').map((line) => line.slice(repo.id(commit).length + 1)).filter((path) => /\.(c|h|S)$/.test(path)).sort();
    };
    for (const commit of ['first', 'second', 'third', 'first']) {
      assert.deepEqual((await grep.paths(repo.id(commit), ['WRAP', 'OTHER'])).sort(), gitGrep(commit), commit);
    }
  } finally {
    await grep.close();
    await differ.close();
    repo.cleanup();
  }
});
