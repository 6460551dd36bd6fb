// Blob facts are shared across wrapper name sets wherever the names cannot change them, equal a
// scan with the asked names everywhere, are known without waiting once read, and are forgotten a
// generation after they were last asked for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { BlobFacts } = await import('../../src/mining/BlobFacts.js');
const { factsLoader } = await import('../../src/mining/factsLoaders.js');
const { scanSource } = await import('../../src/exports/scanSource.js');
test.after(restore);

const FILES: Record<string, string> = {
  // EXPORT and no wrapper name: the same facts under any names.
  'kernel/plain.c': 'int a;\nEXPORT_SYMBOL(a);\n',
  // A wrapper's user that also exports directly: its facts depend on whether the wrapper is known.
  'net/user.c': 'int b;\nEXPORT_SYMBOL(b);\nint c;\nPROVIDES_THING(c);\n',
  // Only the wrapper: nothing to find unless it is known.
  'net/only.c': 'int d;\nPROVIDES_THING(d);\n',
  // The wrapper's name split by a backslash-newline: its bytes do not contain it, the lexer joins it.
  'net/split.c': 'int e;\nEXPORT_SYMBOL(e);\nint f;\nPROVIDES_TH\\\nING(f);\n',
  // Neither.
  'lib/none.c': 'int g(void) { return 0; }\n',
};

function fixture() {
  const repo = RepoBuilder.create();
  repo.commit('c1', { files: FILES, date: '2004-02-01 10:00:00 +0000' });
  const blob = (path: string): string => repo.git(['rev-parse', `${repo.id('c1')}:${path}`]);
  return { repo, blob };
}

const scanned = (path: string, names: string[]) => scanSource(FILES[path]!, names.length > 0 ? new Set(names) : undefined);

for (const jobs of [1, 2]) {
  test(`facts under each name set equal a scan with those names, each blob read again only where they can differ (--jobs ${jobs})`, async () => {
    const { repo, blob } = fixture();
    const loader = factsLoader(repo.dir, jobs);
    const facts = new BlobFacts(loader);
    const none = new Set<string>();
    const thing = new Set(['PROVIDES_THING']);
    try {
      // The wrapper is known before anything is read (another branch of the history defines it).
      assert.deepEqual(await facts.source(blob('kernel/plain.c'), thing), scanned('kernel/plain.c', ['PROVIDES_THING']));
      const first = { ...loader.counts };
      for (const path of Object.keys(FILES)) {
        for (const names of [none, thing]) {
          const expected = path === 'lib/none.c' || (path === 'net/only.c' && names.size === 0) ? false : scanned(path, [...names]);
          assert.deepEqual(await facts.source(blob(path), names), expected, `${path} under {${[...names]}}`);
        }
      }
      // kernel/plain.c and lib/none.c: one read each. The others: once per name set, as their
      // facts (or whether they have any) depend on the wrapper.
      assert.deepEqual({ read: loader.counts.read - first.read, scanned: loader.counts.scanned - first.scanned }, { read: 7, scanned: 5 });
      // Asked again, under either set: nothing is read.
      const before = loader.counts.read;
      for (const path of Object.keys(FILES)) for (const names of [none, thing]) await facts.source(blob(path), names);
      assert.equal(loader.counts.read, before);
    } finally {
      await loader.close();
      repo.cleanup();
    }
  });
}

test('a name new since a blob was read makes it read again, and asking twice at once reads once', async () => {
  const { repo, blob } = fixture();
  const loader = factsLoader(repo.dir, 1);
  const facts = new BlobFacts(loader);
  try {
    const [a, b] = await Promise.all([facts.source(blob('net/user.c'), new Set()), facts.source(blob('net/user.c'), new Set())]);
    assert.equal(a, b);
    assert.equal(loader.counts.read, 1);
    assert.deepEqual(await facts.source(blob('net/user.c'), new Set(['PROVIDES_THING'])), scanned('net/user.c', ['PROVIDES_THING']));
    assert.equal(loader.counts.read, 2);
    // Read first under no names: the universe was empty, so a new name makes it read again.
    assert.deepEqual(await facts.source(blob('kernel/plain.c'), new Set()), scanned('kernel/plain.c', []));
    assert.equal(loader.counts.read, 3);
    // plain.c was read with PROVIDES_THING in the universe now; a second new name reads it again.
    assert.deepEqual(await facts.source(blob('kernel/plain.c'), new Set(['OTHER_WRAPPER'])), scanned('kernel/plain.c', ['OTHER_WRAPPER']));
    assert.equal(loader.counts.read, 4);
  } finally {
    await loader.close();
    repo.cleanup();
  }
});

test('the replay asking for a blob still being read ahead hurries it, once and only then', async () => {
  const { repo, blob } = fixture();
  const loader = factsLoader(repo.dir, 1);
  const hurried: string[] = [];
  const hurry = loader.hurry.bind(loader);
  loader.hurry = (id) => (hurried.push(id), hurry(id));
  const facts = new BlobFacts(loader);
  try {
    const ahead = facts.source(blob('kernel/plain.c'), new Set(), false);
    void facts.source(blob('kernel/plain.c'), new Set(), false);
    assert.deepEqual(hurried, [], 'the read-ahead asking again hurries nothing');
    const urgent = facts.source(blob('kernel/plain.c'), new Set());
    assert.deepEqual(hurried, [blob('kernel/plain.c')]);
    assert.deepEqual(await urgent, await ahead);
    assert.deepEqual(await urgent, scanned('kernel/plain.c', []));
    await facts.source(blob('kernel/plain.c'), new Set());
    assert.equal(hurried.length, 1, 'an answer already in is not hurried');
    // A scan with other names still being read ahead is hurried too.
    await facts.source(blob('net/only.c'), new Set(['PROVIDES_THING']), false);
    const user = blob('net/user.c');
    await facts.source(user, new Set(), false);
    const rescan = facts.source(user, new Set(['PROVIDES_THING']), false);
    assert.equal(hurried.length, 1);
    void facts.source(user, new Set(['PROVIDES_THING']));
    assert.deepEqual(hurried, [blob('kernel/plain.c'), user]);
    assert.deepEqual(await rescan, scanned('net/user.c', ['PROVIDES_THING']));
    hurried.length = 0;
    const makefile = repo.git(['rev-parse', `${repo.id('c1')}:net/user.c`]);
    const kbuild = facts.kbuild(makefile, false);
    void facts.kbuild(makefile);
    assert.deepEqual(hurried, [makefile]);
    await kbuild;
    assert.equal(loader.counts.read, 5);
  } finally {
    await loader.close();
    repo.cleanup();
  }
});

test('knownSource gives what source answered, without waiting, only once it is known under names that decide the same', async () => {
  const { repo, blob } = fixture();
  const loader = factsLoader(repo.dir, 1);
  const facts = new BlobFacts(loader);
  const none = new Set<string>();
  const thing = new Set(['PROVIDES_THING']);
  try {
    assert.equal(facts.knownSource(blob('net/user.c'), thing), undefined, 'never asked for');
    const pending = facts.source(blob('net/user.c'), thing);
    assert.equal(facts.knownSource(blob('net/user.c'), thing), undefined, 'still being read');
    const answer = await pending;
    assert.equal(facts.knownSource(blob('net/user.c'), thing), answer);
    // Read under no names while the wrapper was known, a blob without it in its bytes has the same
    // facts under the wrapper's name: known, the same object.
    const plain = await facts.source(blob('kernel/plain.c'), none);
    assert.notEqual(plain, false);
    assert.equal(facts.knownSource(blob('kernel/plain.c'), thing), plain);
    // Under no names its facts differ (the wrapper call is not an export then): not known until scanned so.
    assert.equal(facts.knownSource(blob('net/user.c'), none), undefined);
    assert.deepEqual(await facts.source(blob('net/user.c'), none), scanned('net/user.c', []));
    assert.deepEqual(facts.knownSource(blob('net/user.c'), none), scanned('net/user.c', []));
    // A blob with neither EXPORT nor the name: false under both sets once read under the wider one.
    assert.equal(await facts.source(blob('lib/none.c'), thing), false);
    assert.equal(facts.knownSource(blob('lib/none.c'), none), false);
    // A name the read did not look for: unknown, whatever the bytes hold.
    assert.equal(facts.knownSource(blob('lib/none.c'), new Set(['OTHER_WRAPPER'])), undefined);
    const reads = loader.counts.read;
    assert.equal(facts.knownKbuild(blob('kernel/plain.c')), undefined);
    const namespace = await facts.kbuild(blob('kernel/plain.c'));
    assert.equal(facts.knownKbuild(blob('kernel/plain.c')), namespace);
    assert.equal(loader.counts.read, reads + 1);
  } finally {
    await loader.close();
    repo.cleanup();
  }
});

test('a blob not asked for during a whole generation is forgotten and read again; one asked for stays', async () => {
  const { repo, blob } = fixture();
  const loader = factsLoader(repo.dir, 1);
  const facts = new BlobFacts(loader);
  const none = new Set<string>();
  try {
    await facts.source(blob('kernel/plain.c'), none);
    await facts.source(blob('net/user.c'), none);
    assert.equal(loader.counts.read, 2);
    facts.nextGeneration();
    // Asked for in the generation after its read: kept, and carried into this one.
    assert.deepEqual(await facts.source(blob('kernel/plain.c'), none), scanned('kernel/plain.c', []));
    assert.equal(loader.counts.read, 2);
    facts.nextGeneration();
    assert.deepEqual(await facts.source(blob('kernel/plain.c'), none), scanned('kernel/plain.c', []));
    assert.equal(loader.counts.read, 2);
    // net/user.c was not asked for during a whole generation: read again, with the same facts.
    assert.equal(facts.knownSource(blob('net/user.c'), none), undefined);
    assert.deepEqual(await facts.source(blob('net/user.c'), none), scanned('net/user.c', []));
    assert.equal(loader.counts.read, 3);
  } finally {
    await loader.close();
    repo.cleanup();
  }
});
