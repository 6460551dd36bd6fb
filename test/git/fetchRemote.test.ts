// Which remote's fetch moves a followed rev, what --fetch warns about, and a fetch that hangs ends.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { fetchPlan, fetchRemote } = await import('../../src/git/fetchRemote.js');
const { checkFetch } = await import('../../src/cli/checkFetch.js');

/** An upstream with one commit tagged v1, an ordinary clone and a mirror clone of it. */
function clones() {
  const upstream = RepoBuilder.create();
  upstream.commit('c1', { date: '2004-01-01 10:00:00 +0000', files: { 'kernel/a.c': 'EXPORT_SYMBOL(a);\n' } });
  upstream.tag('v1', 'c1');
  const work = mkdtempSync(join(tmpdir(), 'ksymtrail-fetch-'));
  const clone = join(work, 'clone');
  const mirror = join(work, 'mirror.git');
  execFileSync('git', ['clone', '-q', upstream.dir, clone]);
  execFileSync('git', ['clone', '-q', '--mirror', upstream.dir, mirror]);
  return { upstream, clone, mirror, c1: upstream.id('c1'), cleanup: () => (upstream.cleanup(), rmSync(work, { recursive: true, force: true })) };
}

test('a fetch moves a remote-tracking branch, a mirror\'s branch, and not a local branch, a tag or a commit id', async () => {
  const { clone, mirror, c1, cleanup } = clones();
  try {
    assert.deepEqual(await fetchPlan(clone, 'origin/master'), { remote: 'origin', ref: 'refs/remotes/origin/master' });
    assert.deepEqual(await fetchPlan(mirror, 'master'), { remote: 'origin', ref: 'refs/heads/master' });
    assert.deepEqual(await fetchPlan(clone, 'master'), { remote: null, ref: 'refs/heads/master' });
    assert.deepEqual(await fetchPlan(clone, 'HEAD'), { remote: null, ref: 'refs/heads/master' });
    assert.deepEqual(await fetchPlan(clone, 'v1'), { remote: null, ref: 'refs/tags/v1' });
    assert.deepEqual(await fetchPlan(clone, c1), { remote: null, ref: null });
  } finally {
    cleanup();
  }
});

test('--fetch is refused without a remote, warns where no fetch moves the rev, and is silent where one does', async () => {
  const { upstream, clone, c1, cleanup } = clones();
  try {
    await assert.rejects(checkFetch(upstream.dir, 'master'), /^BadInput: repository ".*": has no remote to fetch from/);
    assert.equal(await checkFetch(clone, 'origin/master'), null);
    assert.equal(await checkFetch(clone, 'master'),
      "ksymtrail: warning: --fetch: no remote's fetch moves refs/heads/master: the commits a fetch brings stay out of the mine (its new tags count); to mine them, follow a remote-tracking branch (--rev origin/master)");
    assert.match((await checkFetch(clone, c1))!, new RegExp(`--fetch: ${c1} is not a branch: the commits a fetch brings stay out of the mine`));
  } finally {
    cleanup();
  }
});

test('a fetch that outlasts its time is ended with a one-line reason', async () => {
  const { clone, cleanup } = clones();
  try {
    // The remote answers only after 5 s.
    execFileSync('git', ['-C', clone, 'config', 'remote.origin.uploadpack', 'sleep 5; git-upload-pack']);
    const started = performance.now();
    await assert.rejects(fetchRemote(clone, 'origin', undefined, 300), { code: 'FetchTimedOut', message: 'git fetch of origin took more than 300 ms and was stopped' });
    assert.ok(performance.now() - started < 4000, 'ended before the remote answered');
    const controller = new AbortController();
    const stopped = fetchRemote(clone, 'origin', controller.signal);
    controller.abort();
    await assert.rejects(stopped, /^GitFailed: /);
  } finally {
    cleanup();
  }
});
