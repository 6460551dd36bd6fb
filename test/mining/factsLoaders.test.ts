// Blob facts read on the main thread and on reader threads: the same facts, urgent reads first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { CatFileBatch } = await import('../../src/git/CatFileBatch.js');
const { FactsQueue } = await import('../../src/mining/loadFacts.js');
type Facts = import('../../src/mining/loadFacts.js').Facts;
const { factsLoader } = await import('../../src/mining/factsLoaders.js');
test.after(restore);

const DATE = '2004-02-01 10:00:00 +0000';

function fixture() {
  const repo = RepoBuilder.create();
  const files: Record<string, string> = {
    'kernel/plain.c': 'int plain(void) { return 0; }\n',
    'kernel/gpl.c': 'int g(void) { return 1; }\nEXPORT_SYMBOL_GPL(g);\n',
    'kernel/user.c': 'int u;\nDEFINE_WRAPPER(u);\n',
    'lib/any.c': '/* EXPORT_SYMBOL(hidden) */\nint a;\nEXPORT_SYMBOL(a);\n',
    'drivers/Makefile': 'ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=DRV\n',
  };
  for (let i = 0; i < 8; i++) files[`fs/f${i}.c`] = `int f${i};\nEXPORT_SYMBOL(f${i});\n`;
  repo.commit('c1', { files, date: DATE });
  const blob = (path: string): string => repo.git(['rev-parse', `${repo.id('c1')}:${path}`]);
  return { repo, blob, paths: Object.keys(files) };
}

test('reader threads find exactly the facts the main thread finds, for sources and kbuild files', async () => {
  const { repo, blob, paths } = fixture();
  const inline = factsLoader(repo.dir, 1);
  const threaded = factsLoader(repo.dir, 3);
  try {
    const requests = paths.map((path) => path.endsWith('Makefile')
      ? { kind: 'kbuild' as const, blob: blob(path), urgent: true }
      : { kind: 'source' as const, blob: blob(path), names: [], universe: ['DEFINE_WRAPPER'], urgent: false });
    const here = await Promise.all(requests.map((r) => inline.load(r)));
    const there = await Promise.all(requests.map((r) => threaded.load(r)));
    assert.deepEqual(there, here);
    assert.deepEqual(here[paths.indexOf('kernel/plain.c')], { facts: false, needle: false, present: [] },
      'a file without EXPORT is not scanned');
    const gpl = here[paths.indexOf('kernel/gpl.c')];
    assert.ok(gpl && 'facts' in gpl && gpl.facts && gpl.facts.invocations[0]!.name === 'EXPORT_SYMBOL_GPL');
    // It uses a wrapper of the universe without being asked to scan with it: not scanned, but noted.
    assert.deepEqual(here[paths.indexOf('kernel/user.c')], { facts: false, needle: false, present: ['DEFINE_WRAPPER'] });
    assert.deepEqual(threaded.counts, { read: paths.length, scanned: paths.length - 3 });
    assert.deepEqual(inline.counts, threaded.counts);
  } finally {
    await Promise.all([inline.close(), threaded.close()]);
    repo.cleanup();
  }
});

/** The first export invocation a read found: its macro and first argument. */
function firstInvocation(found: Facts): string | null {
  const invocation = found && 'facts' in found && found.facts ? found.facts.invocations[0] : undefined;
  return invocation ? `${invocation.name}(${invocation.args[0]!.join(' ')})` : null;
}

/**
 * A queue of one read in flight over real readers, each noting which blobs it was asked for, with
 * the eight fs/ blobs asked for ahead of the replay.
 */
function queueReadingAhead() {
  const { repo, blob, paths } = fixture();
  const asked: string[][] = [];
  const lanes: string[] = [];
  const queue = new FactsQueue((lane) => {
    const reader = new CatFileBatch(repo.dir);
    const blobs: string[] = [];
    asked.push(blobs);
    lanes.push(lane);
    const readTaking = reader.readTaking.bind(reader);
    reader.readTaking = ((object, test, take) => (blobs.push(object), readTaking(object, test, take))) as typeof reader.readTaking;
    return reader;
  }, { read: 0, scanned: 0 }, 1);
  const ahead = paths.filter((p) => p.startsWith('fs/')).map((path) => blob(path));
  const reads = ahead.map((b) => queue.read({ kind: 'source', blob: b, names: [], universe: [], urgent: false }));
  const done = async (): Promise<void> => {
    await queue.close();
    repo.cleanup();
  };
  return { blob, asked, lanes, queue, ahead, reads, done };
}

test('urgent reads go through a git of their own, opened by the first of them', async () => {
  const { blob, asked, lanes, queue, ahead, reads, done } = queueReadingAhead();
  try {
    assert.deepEqual(lanes, ['ahead'], 'reading ahead needs one git');
    const urgent = await queue.read({ kind: 'source', blob: blob('kernel/gpl.c'), names: [], universe: [], urgent: true });
    assert.equal(firstInvocation(urgent), 'EXPORT_SYMBOL_GPL(g)');
    await Promise.all(reads);
    assert.deepEqual(lanes, ['ahead', 'urgent']);
    assert.deepEqual(asked, [ahead, [blob('kernel/gpl.c')]]);
  } finally {
    await done();
  }
});

test('a blob still queued for reading ahead is hurried to the urgent git when the replay needs it', async () => {
  const { blob, asked, lanes, queue, ahead, reads, done } = queueReadingAhead();
  try {
    // One read in flight at a time: the first was sent and stays; nothing else asked for moves.
    queue.hurry(ahead[0]!);
    queue.hurry(blob('kernel/plain.c'));
    assert.deepEqual(lanes, ['ahead'], 'nothing to hurry opens no git');
    // The last is still queued, and is moved.
    queue.hurry(ahead[7]!);
    const facts = await Promise.all(reads);
    assert.deepEqual(asked, [ahead.slice(0, 7), [ahead[7]]]);
    assert.deepEqual(facts.map(firstInvocation), ahead.map((_, i) => `EXPORT_SYMBOL(f${i})`));
  } finally {
    await done();
  }
});

test('a closed queue opens no git again: a read is refused, a hurry does nothing', async () => {
  const { blob, lanes, queue, reads, done } = queueReadingAhead();
  try {
    await Promise.all(reads);
    await queue.close();
    await assert.rejects(queue.read({ kind: 'source', blob: blob('kernel/gpl.c'), names: [], universe: [], urgent: true }), /after the mine closed/);
    queue.hurry(blob('kernel/gpl.c'));
    assert.deepEqual(lanes, ['ahead']);
  } finally {
    await done();
  }
});

test('a hurry sent to reader threads leaves every read answered once, with its facts', async () => {
  const { repo, blob, paths } = fixture();
  const threaded = factsLoader(repo.dir, 3);
  try {
    const ahead = paths.filter((p) => p.startsWith('fs/')).map((path) => blob(path));
    const reads = ahead.map((b) => threaded.load({ kind: 'source', blob: b, names: [], universe: [], urgent: false }));
    threaded.hurry(ahead[5]!);
    const facts = await Promise.all(reads);
    assert.deepEqual(facts.map(firstInvocation), ahead.map((_, i) => `EXPORT_SYMBOL(f${i})`));
    assert.deepEqual(threaded.counts, { read: 8, scanned: 8 });
  } finally {
    await threaded.close();
    repo.cleanup();
  }
});
