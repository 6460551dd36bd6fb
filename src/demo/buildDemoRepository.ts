// The demo repository the main job mines when no kernel repository is given: a small kernel-like
// history with VFIO and HMM files, a MAINTAINERS, release tags, a merge, a tightening and a loosening.
// Everything in it is invented; every page and summary that shows it says so.
import { existsSync } from 'node:fs';
import { RepoBuilder } from './RepoBuilder.js';

const ALEX = { name: 'Alex Williamson', email: 'alex.williamson@example.org' };
const JASON = { name: 'Jason Gunthorpe', email: 'jgg@example.org' };
const JEROME = { name: 'Jérôme Glisse', email: 'jglisse@example.org' };
const LINUS = { name: 'Linus Torvalds', email: 'torvalds@example.org' };

const MAINTAINERS = `VFIO DRIVER
M:	Alex Williamson <alex.williamson@example.org>
L:	kvm@vger.kernel.org
S:	Maintained
F:	drivers/vfio/
F:	include/linux/vfio.h

HMM - Heterogeneous Memory Management
M:	Jason Gunthorpe <jgg@example.org>
L:	linux-mm@kvack.org
S:	Maintained
F:	include/linux/hmm*
F:	mm/hmm*
`;

const vfio = (pin: string, extra = ''): string => `// SPDX-License-Identifier: GPL-2.0-only
/* VFIO core (demo) */
#include <linux/vfio.h>

int vfio_pin_pages(struct vfio_device *device, dma_addr_t iova, int npage)
{
	return 0;
}
${pin}(vfio_pin_pages);

int vfio_register_group_dev(struct vfio_device *device)
{
	return 0;
}
EXPORT_SYMBOL_GPL(vfio_register_group_dev);
${extra}`;

const hmm = (macro: string): string => `// SPDX-License-Identifier: GPL-2.0-or-later
/* Heterogeneous memory management (demo) */
#include <linux/hmm.h>

int hmm_range_fault(struct hmm_range *range)
{
	return 0;
}
${macro}(hmm_range_fault);
`;

/** Creates the demo repository at `dir` unless it is already there; returns its path. */
export function buildDemoRepository(dir: string): string {
  if (existsSync(dir)) return dir;
  const repo = RepoBuilder.create(dir);
  repo.commit('base', {
    date: '2019-03-03 18:00:00 -0800', author: LINUS, message: 'Linux 5.0 (demo)\n',
    files: { MAINTAINERS, 'drivers/vfio/vfio_main.c': vfio('EXPORT_SYMBOL'), 'mm/hmm.c': hmm('EXPORT_SYMBOL'), 'include/linux/vfio.h': '/* demo */\n' },
  });
  repo.tag('v5.0', 'base');
  repo.commit('tighten', {
    date: '2019-04-10 09:12:00 -0600', author: ALEX, committer: ALEX,
    message: 'vfio: make vfio_pin_pages GPL-only (demo)\n\nThe pinning interface is internal to the VFIO drivers.\n\n'
      + 'Signed-off-by: Alex Williamson <alex.williamson@example.org>\nLink: https://lore.example.org/r/demo-vfio-1\n',
    files: { 'drivers/vfio/vfio_main.c': vfio('EXPORT_SYMBOL_GPL') },
  });
  repo.branch('hmm', 'base');
  repo.commit('hmm-gpl', {
    date: '2019-04-20 15:30:00 +0200', author: JEROME, committer: JASON,
    message: 'mm/hmm: export hmm_range_fault to GPL modules only (demo)\n\n'
      + 'Signed-off-by: J\u00e9r\u00f4me Glisse <jglisse@example.org>\nReviewed-by: Jason Gunthorpe <jgg@example.org>\nSigned-off-by: Jason Gunthorpe <jgg@example.org>\n',
    files: { 'mm/hmm.c': hmm('EXPORT_SYMBOL_GPL') },
  });
  repo.switch('master');
  repo.merge('merge-hmm', 'hmm', { date: '2019-05-06 11:00:00 -0700', author: LINUS, message: "Merge tag 'hmm-5.2' (demo)\n" });
  repo.commit('loosen', {
    date: '2019-05-12 10:00:00 -0600', author: ALEX,
    message: 'vfio: export vfio_pin_pages to all modules again (demo)\n\nSigned-off-by: Alex Williamson <alex.williamson@example.org>\n',
    files: { 'drivers/vfio/vfio_main.c': vfio('EXPORT_SYMBOL', 'EXPORT_SYMBOL_GPL(vfio_unpin_pages);\n') },
  });
  repo.commit('release', { date: '2019-07-07 15:00:00 -0700', author: LINUS, message: 'Linux 5.2 (demo)\n', files: { 'Makefile': 'VERSION = 5\nPATCHLEVEL = 2\n' } });
  repo.tag('v5.2', 'release');
  return dir;
}
