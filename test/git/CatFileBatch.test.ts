// Reading blobs through one git cat-file: what a caller takes from the bytes while git's buffer is
// in hand is exactly what the blob holds, however many chunks it came in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

const restore = isolateGit();
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { CatFileBatch, containing } = await import('../../src/git/CatFileBatch.js');
test.after(restore);

const DATE = '2004-02-01 10:00:00 +0000';

function fixture() {
  const repo = RepoBuilder.create();
  // Far larger than one read of git's output, with the needle only at the end.
  const large = Buffer.concat([Buffer.alloc(700_000, 'int x;\n'), Buffer.from('EXPORT_SYMBOL(x);\n')]);
  const files = {
    'kernel/large.c': large,
    'kernel/plain.c': 'int plain(void) { return 0; }\n',
    'kernel/small.c': 'int s;\nEXPORT_SYMBOL_GPL(s);\n',
  };
  repo.commit('c1', { files, date: DATE });
  const blob = (path: string): string => repo.git(['rev-parse', `${repo.id('c1')}:${path}`]);
  return { repo, blob, large };
}

test('readTaking hands the whole content to take, and answers what take made of it', async () => {
  const { repo, blob, large } = fixture();
  const reader = new CatFileBatch(repo.dir);
  try {
    const taken: number[] = [];
    const take = (bytes: Buffer): string => {
      taken.push(bytes.length);
      return bytes.toString('latin1');
    };
    const [big, plain, small, missing] = await Promise.all([
      reader.readTaking(blob('kernel/large.c'), containing(['EXPORT_']), take),
      reader.readTaking(blob('kernel/plain.c'), containing(['EXPORT_']), take),
      reader.readTaking(blob('kernel/small.c'), containing(['EXPORT_']), take),
      reader.readTaking('0123456789012345678901234567890123456789', containing(['EXPORT_']), take),
    ]);
    assert.equal(big, large.toString('latin1'));
    assert.equal(small, 'int s;\nEXPORT_SYMBOL_GPL(s);\n');
    assert.equal(plain, false, 'a blob without the needle is not taken');
    assert.equal(missing, null);
    assert.deepEqual(taken, [large.length, small!.length], 'take runs once for each blob that has the needle');
  } finally {
    await reader.close();
    repo.cleanup();
  }
});

test('a take that throws fails its own read only', async () => {
  const { repo, blob, large } = fixture();
  const reader = new CatFileBatch(repo.dir);
  try {
    const failing = reader.readTaking(blob('kernel/small.c'), containing(['EXPORT_']), () => {
      throw new Error('cannot take');
    });
    // Another blob after it, so that an answer out of line would show.
    const after = reader.readTaking(blob('kernel/large.c'), containing(['EXPORT_']), (bytes) => bytes.length);
    await assert.rejects(failing, /cannot take/);
    assert.equal(await after, large.length);
  } finally {
    await reader.close();
    repo.cleanup();
  }
});
