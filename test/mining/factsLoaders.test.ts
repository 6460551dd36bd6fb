// Blob facts read on the main thread and on reader threads: the same facts, urgent reads first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { CatFileBatch } = await import('../../src/git/CatFileBatch.js');
const { FactsQueue } = await import('../../src/mining/loadFacts.js');
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

test('an urgent read is answered before read-ahead requests that were queued earlier', async () => {
  const { repo, blob, paths } = fixture();
  const reader = new CatFileBatch(repo.dir);
  try {
    const queue = new FactsQueue(reader, { read: 0, scanned: 0 }, 1);
    const order: string[] = [];
    const ahead = paths.filter((p) => p.startsWith('fs/')).map((path) =>
      queue.read({ kind: 'source', blob: blob(path), names: [], universe: [], urgent: false }).then(() => order.push(path)));
    const urgent = queue.read({ kind: 'source', blob: blob('kernel/gpl.c'), names: [], universe: [], urgent: true }).then(() => order.push('kernel/gpl.c'));
    await Promise.all([...ahead, urgent]);
    // One read in flight at a time: the first read-ahead one was already sent, the urgent one goes next.
    assert.deepEqual(order.slice(0, 2), ['fs/f0.c', 'kernel/gpl.c']);
    assert.equal(order.length, 9);
  } finally {
    await reader.close();
    repo.cleanup();
  }
});
