// Checks the repository builder itself, so fixture bugs show up here rather than as miner bugs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PEOPLE, RepoBuilder } from './RepoBuilder.js';

test('the repository builder writes authors, dates, merges and raw Latin-1 names as given', () => {
  const repo = RepoBuilder.create();
  try {
    repo.commit('base', { files: { 'a.c': 'EXPORT_SYMBOL(a);\n' }, date: '2003-01-02 10:00:00 +0100', author: PEOPLE.andrew });
    repo.branch('side', 'base');
    repo.commit('side1', { files: { 'b.c': 'EXPORT_SYMBOL(b);\n' }, date: '2003-01-03 10:00:00 -0800' });
    repo.switch('master');
    repo.commit('main1', {
      files: { 'a.c': 'EXPORT_SYMBOL_GPL(a);\n' }, date: '2003-01-04 10:00:00 +0000',
      author: { name: Buffer.from('Ren\xe9 Scharfe', 'latin1'), email: 'rene@example.org' },
    });
    repo.merge('merge', 'side', { date: '2003-01-05 10:00:00 +0000' });
    repo.tag('v2.5.60', 'merge');
    assert.equal(repo.git(['log', '-1', '--format=%an|%ad', '--date=iso', repo.id('base')]), 'Andrew Morton|2003-01-02 10:00:00 +0100');
    assert.equal(repo.git(['log', '-1', '--format=%P', repo.id('merge')]), `${repo.id('main1')} ${repo.id('side1')}`);
    assert.equal(repo.git(['show', 'v2.5.60:b.c']), 'EXPORT_SYMBOL(b);');
    const raw = repo.git(['cat-file', 'commit', repo.id('main1')]);
    assert.match(raw, /author Ren\uFFFD Scharfe/); // the byte 0xE9 is there raw, not UTF-8 encoded
  } finally {
    repo.cleanup();
  }
});
