// Merges across a rename: one side renames a file (2.5's drivers/char/console.c → vt.c), the other
// tightens an export inside it, and git merges the two cleanly, following the rename. The merge wrote
// nothing of its own, so it must get no event (PRODUCT.md "What must be true" 3), and the replay of
// the events must still equal a scan of the merge.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { CONSOLE_C } from '../helpers/kernelHistorySources.js';
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

const TIGHTENED = CONSOLE_C.replace('EXPORT_SYMBOL(vc_resize);', 'EXPORT_SYMBOL_GPL(vc_resize);');

/** base ─ rename on one side, tighten on the other ─ a merge git makes cleanly. */
function history(renameOnMainline: boolean): RepoBuilder {
  const repo = RepoBuilder.create();
  repo.commit('base', { author: PEOPLE.linus, date: '2002-12-01 10:00:00 -0800', files: { 'drivers/char/console.c': CONSOLE_C } });
  const rename = { author: PEOPLE.jsimmons, date: '2002-12-12 19:30:00 +0000', message: '[PATCH] console.c is now vt.c\n', renames: { 'drivers/char/console.c': 'drivers/char/vt.c' } };
  const tighten = { author: PEOPLE.akpm, date: '2002-12-13 09:00:00 -0800', message: '[PATCH] vc_resize is GPL-only\n', files: { 'drivers/char/console.c': TIGHTENED } };
  repo.branch('side', 'base');
  if (renameOnMainline) repo.commit('tighten', tighten);
  else repo.commit('rename', rename);
  repo.switch('master');
  if (renameOnMainline) repo.commit('rename', rename);
  else repo.commit('tighten', tighten);
  repo.merge('merge', 'side', { author: PEOPLE.linus, date: '2002-12-15 20:05:00 -0800', message: 'Merge bk://linux-dj.bkbits.net/agpgart\n' });
  return repo;
}

for (const renameOnMainline of [true, false]) {
  const where = renameOnMainline ? 'mainline renames the file and a side branch tightens' : 'a side branch renames the file and mainline tightens';
  test(`when ${where}, the clean merge has no event and replaying the events equals a scan`, async () => {
    const repo = history(renameOnMainline);
    const dbs = tempDbDir();
    const db = openStore(dbs.file());
    try {
      assert.equal(repo.git(['show', `${repo.id('merge')}:drivers/char/vt.c`]), TIGHTENED.trimEnd(), 'git merged the tightening into the renamed file');
      await mineHistory({ repo: repo.dir, db });
      const names = new Map(['base', 'rename', 'tighten', 'merge'].map((name) => [repo.id(name), name]));
      const events = [...eventsTable(db).list()];
      const show = (e: EventRow): string => `${names.get(e.commit)} ${e.kind}${e.merge ? `(${e.merge})` : ''} ${e.symbol} ${e.path}`;
      // The side's and mainline's own commits made the change; the merge made none.
      assert.deepEqual(events.filter((e) => e.symbol === 'vc_resize').map(show).sort(), [
        'base added vc_resize drivers/char/console.c',
        'rename moved vc_resize drivers/char/vt.c',
        'tighten tightened vc_resize drivers/char/console.c',
      ]);

      const { sets } = replayStore(db);
      assert.deepEqual(await replayVersusScan(repo.dir, repo.id('merge'), sets.get(repo.id('merge'))!), []);
    } finally {
      db.close();
      dbs.remove();
      repo.cleanup();
    }
  });
}
