// parseMessage: a commit message's subject and its trailers, as kernel commits write them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMessage } from '../../src/mining/parseMessage.js';

const CASES: { behaviour: string; message: string; subject: string; trailers: [string, string][] }[] = [
  { behaviour: 'a subject alone has no trailers', message: 'Linux 2.6.12\n', subject: 'Linux 2.6.12', trailers: [] },
  { behaviour: 'an empty message has an empty subject', message: '', subject: '', trailers: [] },
  {
    behaviour: 'the subject is the first non-empty line, trimmed',
    message: '\n\n   [PATCH] sched: fix wake_up_process   \n\nBody.\n', subject: '[PATCH] sched: fix wake_up_process', trailers: [],
  },
  {
    behaviour: 'a one-paragraph message that looks like a trailer has no trailers',
    message: 'Fixes: build on sparc64\n', subject: 'Fixes: build on sparc64', trailers: [],
  },
  {
    behaviour: 'the trailers of the last paragraph are kept in order, repeated keys included',
    message: 'vfio: export vfio_pin_pages\n\nExternal drivers need it.\n\nSigned-off-by: Kirti Wankhede <kwankhede@nvidia.com>\nReviewed-by: Jike Song <jike.song@intel.com>\nLink: https://lore.kernel.org/r/1477517366-27871-1-git-send-email-kwankhede@nvidia.com\nSigned-off-by: Alex Williamson <alex.williamson@redhat.com>\n',
    subject: 'vfio: export vfio_pin_pages',
    trailers: [
      ['Signed-off-by', 'Kirti Wankhede <kwankhede@nvidia.com>'],
      ['Reviewed-by', 'Jike Song <jike.song@intel.com>'],
      ['Link', 'https://lore.kernel.org/r/1477517366-27871-1-git-send-email-kwankhede@nvidia.com'],
      ['Signed-off-by', 'Alex Williamson <alex.williamson@redhat.com>'],
    ],
  },
  {
    behaviour: 'Fixes:, Cc: with a comment and compound keys are trailers too',
    message: 'mm: fix a leak\n\nFixes: 1da177e4c3f4 ("Linux-2.6.12-rc2")\nCc: <stable@vger.kernel.org> # 4.9+\nReported-and-tested-by: A Tester <t@example.org>\n',
    subject: 'mm: fix a leak',
    trailers: [['Fixes', '1da177e4c3f4 ("Linux-2.6.12-rc2")'], ['Cc', '<stable@vger.kernel.org> # 4.9+'], ['Reported-and-tested-by', 'A Tester <t@example.org>']],
  },
  {
    behaviour: 'an indented continuation line belongs to the trailer above it, joined by one space',
    message: 'x86: fix\n\nSigned-off-by: A <a@example.org>\nLink: https://lore.kernel.org/r/\n  20240101-long-message-id@example.org\nCc: b@example.org\n\tc@example.org\n',
    subject: 'x86: fix',
    trailers: [['Signed-off-by', 'A <a@example.org>'], ['Link', 'https://lore.kernel.org/r/ 20240101-long-message-id@example.org'], ['Cc', 'b@example.org c@example.org']],
  },
  {
    behaviour: 'a last paragraph of prose has no trailers, even after a trailer-like line in the body',
    message: 'net: fix\n\nSigned-off-by: Not Really <n@example.org>\n\nThis is the end of the explanation.\n', subject: 'net: fix', trailers: [],
  },
  {
    behaviour: 'blank lines and spaces after the trailer block do not hide it',
    message: 'scsi: fix\n\nSigned-off-by: James Bottomley <James.Bottomley@SteelEye.com>\n\n \n', subject: 'scsi: fix',
    trailers: [['Signed-off-by', 'James Bottomley <James.Bottomley@SteelEye.com>']],
  },
  {
    behaviour: 'a message with CRLF line ends has the same subject and trailers as with LF',
    message: '[PATCH] sx: fix\r\n\r\nBody.\r\n\r\nSigned-off-by: R.E.Wolff <R.E.Wolff@BitWizard.nl>\r\nSigned-off-by: Andrew Morton <akpm@osdl.org>\r\n',
    subject: '[PATCH] sx: fix',
    trailers: [['Signed-off-by', 'R.E.Wolff <R.E.Wolff@BitWizard.nl>'], ['Signed-off-by', 'Andrew Morton <akpm@osdl.org>']],
  },
  {
    // 2.6.x -mm patches: Andrew Morton noted his fixups inside the sign-off chain; `git interpret-trailers`
    // still reads the block as trailers (Signed-off-by lines, and at most 3 others for each one).
    behaviour: 'a sign-off chain with a bracketed maintainer note keeps its trailers',
    message: '[PATCH] ext3: fix a race\n\nBody.\n\nSigned-off-by: Jan Kara <jack@suse.cz>\n[akpm@osdl.org: cleanups]\nSigned-off-by: Andrew Morton <akpm@osdl.org>\nSigned-off-by: Linus Torvalds <torvalds@osdl.org>\n',
    subject: '[PATCH] ext3: fix a race',
    trailers: [['Signed-off-by', 'Jan Kara <jack@suse.cz>'], ['Signed-off-by', 'Andrew Morton <akpm@osdl.org>'], ['Signed-off-by', 'Linus Torvalds <torvalds@osdl.org>']],
  },
  {
    // Stable and vendor trees: `git cherry-pick -x` appends this line to the trailer block.
    behaviour: 'a trailer block that ends with git\'s "(cherry picked from commit ...)" line keeps its trailers',
    message: 'ext4: fix a leak\n\nBody.\n\nSigned-off-by: Ted Ts\'o <tytso@mit.edu>\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n',
    subject: 'ext4: fix a leak',
    trailers: [['Signed-off-by', 'Ted Ts\'o <tytso@mit.edu>']],
  },
];

for (const { behaviour, message, subject, trailers } of CASES) {
  test(behaviour, () => {
    assert.deepEqual(parseMessage(message), { subject, trailers });
  });
}
