// A mined record for server, page and report tests: VFIO, HMM and MM files under a MAINTAINERS, four
// release tags, a merge, additions, a removal, a move, tightenings, a loosening, a Latin-1 author, an
// author with quotes and an ampersand, and a commit whose subject is HTML that would run script if a
// page ever rendered it as markup.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepoBuilder } from './RepoBuilder.js';
import { mineHistory } from '../../src/mining/mineHistory.js';
import { openStore } from '../../src/storage/openStore.js';
import { listen } from '../../src/server/listen.js';

export const XSS_SUBJECT = '<img src=x onerror=alert(1)>';

const MAINTAINERS = `Maintainers List
----------------

HMM - Heterogeneous Memory Management
M:	Jason Gunthorpe <jgg@example.org>
S:	Maintained
F:	include/linux/hmm*
F:	mm/hmm*

MEMORY MANAGEMENT
M:	Andrew Morton <akpm@example.org>
S:	Maintained
F:	mm/

VFIO DRIVER
M:	Alex Williamson <alex.williamson@example.org>
S:	Maintained
F:	drivers/vfio/
F:	include/linux/vfio.h
`;

const ALEX = { name: 'Alex Williamson', email: 'alex.williamson@example.org' };
const JEROME = { name: 'Jérôme Glisse', email: 'jglisse@example.org' };
const ANDREW = { name: 'Andrew Morton', email: 'akpm@example.org' };
// git cuts an ident at its first '<', so markup cannot ride in a name; quotes and ampersands can.
const MALLORY = { name: 'Mallory & "Eve" O\'Hare', email: 'mallory@example.org' };

/** One exported function. */
function one(name: string, gpl = false): string {
  return `int ${name}(void) { return 0; }\n${gpl ? 'EXPORT_SYMBOL_GPL' : 'EXPORT_SYMBOL'}(${name});\n`;
}

/** `EXPORT_SYMBOL(name);` lines for names `prefix0..prefix(n-1)`, the GPL ones as given. */
function exportsOf(prefix: string, n: number, gpl: ReadonlySet<number> = new Set()): string {
  return Array.from({ length: n }, (_, i) => `int ${prefix}${i}(void) { return ${i}; }\n${gpl.has(i) ? 'EXPORT_SYMBOL_GPL' : 'EXPORT_SYMBOL'}(${prefix}${i});\n`).join('');
}

export interface ServerFixture {
  dir: string;
  db: string;
  repo: ReturnType<typeof RepoBuilder.create>;
  cleanup(): void;
}

/** Builds and mines the fixture history into a fresh database. */
export async function buildServerFixture(): Promise<ServerFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-server-'));
  const repo = RepoBuilder.create(join(dir, 'linux'));
  const day = (month: number, d: number, tz = '+0000'): string => `2019-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')} 10:00:00 ${tz}`;
  repo.commit('base', { date: day(1, 6), author: ANDREW, message: 'Linux 5.0\n', files: {
    MAINTAINERS,
    'drivers/vfio/vfio_main.c': `#include <linux/vfio.h>\n${one('vfio_pin_pages')}${exportsOf('vfio_group_', 12)}`,
    'drivers/vfio/pci/vfio_pci_core.c': exportsOf('vfio_pci_core_', 20, new Set([3, 4])),
    'mm/hmm.c': one('hmm_range_fault'),
    'mm/util.c': exportsOf('mm_util_', 6),
  } });
  repo.tag('v5.0', 'base');
  repo.commit('tighten', { date: day(2, 10, '-0600'), author: ALEX, files: {
    'drivers/vfio/vfio_main.c': `#include <linux/vfio.h>\n${one('vfio_pin_pages', true)}${exportsOf('vfio_group_', 12)}`,
  }, message: 'vfio: make vfio_pin_pages GPL-only\n\nSigned-off-by: Alex Williamson <alex.williamson@example.org>\nLink: https://lore.example.org/r/vfio-pin-1\n' });
  repo.commit('xss', { date: day(2, 20), author: MALLORY, message: `${XSS_SUBJECT}\n`, files: {
    'mm/util.c': `${exportsOf('mm_util_', 6)}EXPORT_SYMBOL(mm_script_test);\n`,
  } });
  repo.tag('v5.1', 'xss');
  repo.branch('hmm', 'xss');
  repo.commit('hmm-gpl', { date: day(3, 20, '+0200'), author: JEROME, files: { 'mm/hmm.c': one('hmm_range_fault', true) },
    message: 'mm/hmm: export hmm_range_fault to GPL modules only\n\nSigned-off-by: Jérôme Glisse <jglisse@example.org>\n' });
  repo.switch('master');
  repo.commit('move', { date: day(3, 25), author: ANDREW, files: {
    'mm/util.c': exportsOf('mm_util_', 5),
    'mm/util_extra.c': `${exportsOf('mm_util_', 6).split('\n').slice(-3).join('\n')}EXPORT_SYMBOL(mm_script_test);\n`,
  }, message: 'mm: move mm_util_5 to its own file\n' });
  repo.merge('merge-hmm', 'hmm', { date: day(4, 1, '-0700'), author: ANDREW, message: "Merge branch 'hmm'\n" });
  repo.tag('v5.2', 'merge-hmm');
  repo.commit('loosen', { date: day(5, 12, '-0600'), author: ALEX, files: {
    'drivers/vfio/vfio_main.c': `#include <linux/vfio.h>\n${one('vfio_pin_pages')}${exportsOf('vfio_group_', 11)}`,
  }, message: 'vfio: export vfio_pin_pages to all modules again\n\nLink: https://lore.example.org/r/vfio-pin-2\n' });
  repo.tag('v5.3', 'loosen');
  const db = join(dir, 'k.db');
  const store = openStore(db);
  try {
    await mineHistory({ repo: repo.dir, db: store });
  } finally {
    store.close();
  }
  return { dir, db, repo, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Serves a database read-only on a free loopback port. */
export async function startServer(dbPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const db = openStore(dbPath, { readonly: true });
  const { server, url } = await listen(db, '127.0.0.1', 0);
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      (server as Server).close(() => {
        db.close();
        resolve();
      });
      (server as Server).closeAllConnections();
    }),
  };
}
