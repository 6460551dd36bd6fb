// A trimmed copy of the 6.12 MAINTAINERS that the subsystem tests share: the real preamble's shape,
// the VFIO and HMM entries, MEMORY MANAGEMENT with its many F: lines, entries with X: and N:, two
// `dir/*` entries (FILESYSTEMS, LIBRARY CODE), THE REST.
import { compileMaintainers } from '../../src/subsystems/compileMaintainers.js';
import { parseMaintainers } from '../../src/subsystems/parseMaintainers.js';
import { treeOfPaths, type PathTree } from '../../src/subsystems/treeOfPaths.js';

export const MAINTAINERS_6_12 = `List of maintainers
===================

Descriptions of section entries and preferred order
---------------------------------------------------

\tM: *Mail* patches to: FullName <address@domain>
\tR: Designated *Reviewer*: FullName <address@domain>
\tF: *Files* and directories wildcard patterns.
\t   A trailing slash includes all files and subdirectory files.
\t   F:\tdrivers/net/\tall files in and below drivers/net
\t   F:\tdrivers/net/*\tall files in drivers/net, but not below
\tX: *Excluded* files and directories that are NOT maintained, same
\t   rules as F:. Files exclusions are tested before file matches.
\tN: Files and directories *Regex* patterns.
\t   N:\t[^a-z]tegra\tall files whose path contains tegra

Maintainers List
----------------

.. note:: When reading this list, please look for the most precise areas
          first. When adding to this list, please keep the entries in
          alphabetical order.

ABI/API
L:\tlinux-api@vger.kernel.org
F:\tinclude/linux/syscalls.h
F:\tkernel/sys_ni.c
X:\tarch/*/include/uapi/
X:\tinclude/uapi/

FILESYSTEMS (VFS and infrastructure)
M:\tAlexander Viro <viro@zeniv.linux.org.uk>
M:\tChristian Brauner <brauner@kernel.org>
R:\tJan Kara <jack@suse.cz>
L:\tlinux-fsdevel@vger.kernel.org
S:\tMaintained
T:\tgit https://git.kernel.org/pub/scm/linux/kernel/git/vfs/vfs.git
F:\tfs/*

HMM - Heterogeneous Memory Management
M:\tJérôme Glisse <jglisse@redhat.com>
L:\tlinux-mm@kvack.org
S:\tMaintained
F:\tDocumentation/mm/hmm.rst
F:\tinclude/linux/hmm*
F:\tlib/test_hmm*
F:\tmm/hmm*
F:\ttools/testing/selftests/mm/*hmm*

LIBRARY CODE
M:\tAndrew Morton <akpm@linux-foundation.org>
L:\tlinux-kernel@vger.kernel.org
S:\tSupported
F:\tlib/*

MEMORY MANAGEMENT
M:\tAndrew Morton <akpm@linux-foundation.org>
L:\tlinux-mm@kvack.org
S:\tMaintained
W:\thttp://www.linux-mm.org
T:\tgit git://git.kernel.org/pub/scm/linux/kernel/git/akpm/mm
T:\tquilt git://git.kernel.org/pub/scm/linux/kernel/git/akpm/25-new
F:\tinclude/linux/gfp.h
F:\tinclude/linux/gfp_types.h
F:\tinclude/linux/memfd.h
F:\tinclude/linux/memory.h
F:\tinclude/linux/mm.h
F:\tinclude/linux/mm_*.h
F:\tinclude/linux/mmzone.h
F:\tinclude/linux/mmu_notifier.h
F:\tinclude/linux/rmap.h
F:\tmm/
F:\ttools/mm/
F:\ttools/testing/selftests/mm/
N:\tinclude/linux/page[-_]*

TEGRA ARCHITECTURE SUPPORT
M:\tThierry Reding <thierry.reding@gmail.com>
L:\tlinux-tegra@vger.kernel.org
S:\tSupported
Q:\thttp://patchwork.ozlabs.org/project/linux-tegra/list/
N:\t[^a-z]tegra

VFIO DRIVER
M:\tAlex Williamson <alex.williamson@redhat.com>
L:\tkvm@vger.kernel.org
S:\tMaintained
T:\tgit https://github.com/awilliam/linux-vfio.git
F:\tDocumentation/driver-api/vfio.rst
F:\tdrivers/vfio/
F:\tinclude/linux/vfio.h
F:\tinclude/linux/vfio_pci_core.h
F:\tinclude/uapi/linux/vfio.h

VFIO MEDIATED DEVICE DRIVERS
M:\tKirti Wankhede <kwankhede@nvidia.com>
L:\tkvm@vger.kernel.org
S:\tMaintained
F:\tDocumentation/driver-api/vfio-mediated-device.rst
F:\tdrivers/vfio/mdev/
F:\tinclude/linux/mdev.h
F:\tsamples/vfio-mdev/

VFIO MLX5 PCI DRIVER
M:\tYishai Hadas <yishaih@nvidia.com>
L:\tkvm@vger.kernel.org
S:\tMaintained
F:\tdrivers/vfio/pci/mlx5/

VFIO PCI DEVICE SPECIFIC DRIVERS
R:\tJason Gunthorpe <jgg@nvidia.com>
L:\tkvm@vger.kernel.org
S:\tMaintained
P:\tDocumentation/driver-api/vfio-pci-device-specific-driver-acceptance.rst
F:\tdrivers/vfio/pci/*/

THE REST
M:\tLinus Torvalds <torvalds@linux-foundation.org>
L:\tlinux-kernel@vger.kernel.org
S:\tBuried alive in reporters
T:\tgit git://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git
F:\t*
F:\t*/
`;

/** Files of a 6.12 tree around those entries, as \`git ls-tree -r --name-only\` would list them. */
export const TREE_6_12 = [
  'Makefile',
  'drivers/vfio/vfio_main.c',
  'drivers/vfio/mdev/mdev_core.c',
  'drivers/vfio/pci/vfio_pci_core.c',
  'drivers/vfio/pci/mlx5/main.c',
  'drivers/gpu/host1x/dev.c',
  'fs/namei.c',
  'include/linux/hmm.h',
  'include/linux/mm.h',
  'include/linux/syscalls.h',
  'include/linux/vfio.h',
  'include/uapi/linux/vfio.h',
  'kernel/sys_ni.c',
  'kernel/fork.c',
  'lib/sort.c',
  'lib/test_hmm.c',
  'mm/hmm.c',
  'mm/memory.c',
];

/** The matcher and tree most subsystem tests start from. */
export function maintainers612(): { tree: PathTree; matcher: ReturnType<typeof compileMaintainers> } {
  const tree = treeOfPaths(TREE_6_12);
  const matcher = compileMaintainers(parseMaintainers(MAINTAINERS_6_12).entries, { isDirectory: (p) => tree.isDirectory(p) });
  return { tree, matcher };
}
