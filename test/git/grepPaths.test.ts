// git grep for files that hold needles, and for those where a splice may split one: in a commit's
// tree and in a directory, with PCRE and with the POSIX regex git falls back to without PCRE.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { candidates, grepHolding, grepSplits, grepSplitsWith } = await import('../../src/git/grepPaths.js');

const FILES: Record<string, string> = {
  'a/holds.c': 'EXPORT_SYMBOL(x);\n',
  'a/split.c': 'EXP\\\nORT_SYMBOL(x);\n',
  'a/crlf.c': 'EX\\\r\nPORT(x);\r\n',
  'a/both.c': 'EXPORT_SYMBOL(y);\nfoo\\\nbar\n',
  'a/spaced.c': '#define A(x) \\\n\tx\n',
  'a/none.c': 'int x;\n',
};

test('git grep lists the files holding a needle, and those where an identifier byte ends a line before a splice, with either regex engine', async () => {
  const repo = RepoBuilder.create();
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-grep-'));
  try {
    repo.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: FILES });
    mkdirSync(join(dir, 'a'));
    for (const [path, text] of Object.entries(FILES)) writeFileSync(join(dir, path), text);
    for (const [cwd, target] of [[repo.dir, repo.id('c1')], [dir, null]] as const) {
      const holding = await grepHolding(cwd, ['EXPORT'], target);
      assert.deepEqual([...holding].sort(), ['a/both.c', 'a/holds.c']);
      const maySplit = await grepSplits(cwd, target);
      assert.deepEqual([...maySplit].sort(), ['a/both.c', 'a/crlf.c', 'a/split.c']);
      assert.deepEqual((await grepSplitsWith('pcre', cwd, target)).sort(), [...maySplit].sort());
      assert.deepEqual((await grepSplitsWith('ere', cwd, target)).sort(), [...maySplit].sort());
      const { paths, splitOnly } = candidates(holding, maySplit);
      assert.deepEqual(paths, ['a/both.c', 'a/crlf.c', 'a/holds.c', 'a/split.c']);
      assert.deepEqual([...splitOnly].sort(), ['a/crlf.c', 'a/split.c']);
    }
    assert.deepEqual(await grepHolding(repo.dir, [], repo.id('c1')), []);
  } finally {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
