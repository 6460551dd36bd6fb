// compileFilePattern: F:/X: patterns with scripts/get_maintainer.pl's semantics (read_maintainer_file,
// file_match_pattern, and the pattern depth of get_maintainers).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileFilePattern, matchesFilePattern } from '../../src/subsystems/compileFilePattern.js';

const DIRECTORIES = new Set(['drivers', 'drivers/vfio', 'drivers/vfio/pci', 'drivers/foo.bar']);
const isDirectory = (path: string): boolean => DIRECTORIES.has(path);

const CASES: Array<{ behaviour: string; pattern: string; tree?: boolean; matches: string[]; misses: string[] }> = [
  {
    behaviour: 'a pattern with a trailing slash matches everything below the directory, at any depth',
    pattern: 'drivers/vfio/',
    matches: ['drivers/vfio/vfio_main.c', 'drivers/vfio/pci/mlx5/main.c', 'drivers/vfio/'],
    misses: ['drivers/vfio', 'drivers/vfio_main.c', 'drivers/vfiox/a.c', 'include/drivers/vfio/a.c'],
  },
  {
    behaviour: 'dir/* matches only the files directly in dir, not below it',
    pattern: 'drivers/vfio/*',
    matches: ['drivers/vfio/vfio_main.c', 'drivers/vfio/Kconfig', 'drivers/vfio/'],
    misses: ['drivers/vfio/pci/vfio_pci_core.c', 'drivers/vfio/mdev/mdev_core.c', 'drivers/vfio'],
  },
  {
    behaviour: 'a pattern naming a directory without its trailing slash matches below it when the tree has that directory',
    pattern: 'drivers/vfio', tree: true,
    matches: ['drivers/vfio/vfio_main.c', 'drivers/vfio/pci/mlx5/main.c'],
    misses: ['drivers/vfio_main.c', 'drivers/vfio'],
  },
  {
    behaviour: 'a pattern naming a directory without its trailing slash is a same-depth prefix when the tree does not know it',
    pattern: 'drivers/vfio',
    matches: ['drivers/vfio', 'drivers/vfio_main.c'],
    misses: ['drivers/vfio/vfio_main.c'],
  },
  {
    // get_maintainer.pl tests -d on the converted text (drivers/foo\.bar), which never exists.
    behaviour: 'a directory whose name has a dot gets no trailing slash, as in get_maintainer.pl',
    pattern: 'drivers/foo.bar', tree: true,
    matches: ['drivers/foo.bar', 'drivers/foo.bar.c'],
    misses: ['drivers/foo.bar/x.c'],
  },
  {
    behaviour: 'a file pattern is a prefix within its own directory',
    pattern: 'include/linux/vfio.h',
    matches: ['include/linux/vfio.h', 'include/linux/vfio.hx'],
    misses: ['include/linux/vfio_pci_core.h', 'include/linux/vfio.h/x', 'xinclude/linux/vfio.h', 'include/linux/vfioXh'],
  },
  {
    behaviour: '* matches within a name but never reaches a deeper directory',
    pattern: 'tools/testing/selftests/mm/*hmm*',
    matches: ['tools/testing/selftests/mm/hmm-tests.c', 'tools/testing/selftests/mm/test_hmm.sh'],
    misses: ['tools/testing/selftests/mm/sub/hmm.c', 'tools/testing/selftests/mm/memfd.c'],
  },
  {
    behaviour: '* matches any directory name in the middle of a pattern',
    pattern: '*/net/*',
    matches: ['drivers/net/Kconfig', 'include/net/sock.h'],
    misses: ['net/core/dev.c', 'drivers/net/ethernet/intel/e1000e.c'],
  },
  {
    behaviour: '? matches exactly one character',
    pattern: 'drivers/input/misc/da72??.[ch]',
    matches: ['drivers/input/misc/da7280.c', 'drivers/input/misc/da7280.h'],
    misses: ['drivers/input/misc/da728.c', 'drivers/input/misc/da7280.o'],
  },
  {
    behaviour: 'a bracketed class is a character class, as the regex get_maintainer.pl builds',
    pattern: 'drivers/irqchip/irq-gic*.[ch]',
    matches: ['drivers/irqchip/irq-gic-v3.c', 'drivers/irqchip/irq-gic.h'],
    misses: ['drivers/irqchip/irq-gic-v3.S', 'drivers/irqchip/irq-gic-v3/its.c'],
  },
  {
    // ** becomes .*.*: no different from *, because the slash count still has to agree.
    behaviour: '** is no different from * and does not cross directories without a trailing slash',
    pattern: 'Documentation/**/hmm.rst',
    matches: ['Documentation/mm/hmm.rst'],
    misses: ['Documentation/mm/sub/hmm.rst', 'Documentation/hmm.rst'],
  },
  {
    behaviour: '** with a trailing slash matches at any depth, like * with one',
    pattern: 'drivers/**/',
    matches: ['drivers/vfio/vfio_main.c', 'drivers/vfio/pci/mlx5/main.c'],
    misses: ['drivers/Kconfig'],
  },
  {
    behaviour: 'THE REST\'s * matches only files at the top of the tree',
    pattern: '*',
    matches: ['Makefile', 'MAINTAINERS'],
    misses: ['mm/hmm.c'],
  },
  {
    behaviour: 'THE REST\'s */ matches every path below the top',
    pattern: '*/',
    matches: ['mm/hmm.c', 'drivers/vfio/pci/mlx5/main.c'],
    misses: ['Makefile'],
  },
];

for (const { behaviour, pattern, tree, matches, misses } of CASES) {
  test(behaviour, () => {
    const compiled = compileFilePattern(pattern, tree ? { isDirectory } : {});
    assert.deepEqual(matches.filter((path) => !matchesFilePattern(compiled, path)), [], 'should match');
    assert.deepEqual(misses.filter((path) => matchesFilePattern(compiled, path)), [], 'should not match');
  });
}

const DEPTHS: Array<[pattern: string, depth: number]> = [
  ['drivers/vfio/', 2],
  ['drivers/vfio/*', 3],
  ['drivers/vfio', 2],
  ['include/linux/vfio.h', 3],
  ['mm/hmm*', 2],
  ['drivers/vfio/pci/*/', 4],
  ['*', -1],
  ['*/', -1],
  ['*/net/*', -1],
];

test('gives each pattern get_maintainer.pl\'s depth: its slashes, one more without a trailing slash, -1 from a leading *', () => {
  assert.deepEqual(DEPTHS.map(([pattern]) => [pattern, compileFilePattern(pattern, { isDirectory }).depth]), DEPTHS);
});

// The index skips every pattern whose literal start does not fit the path, so that start must be a prefix
// of every path the pattern matches, whatever regex syntax the pattern holds.
const INDEXED: Array<[pattern: string, directory: string, next: string, matching: string]> = [
  ['drivers/vfio/', 'drivers/vfio/', '', 'drivers/vfio/a.c'],
  ['include/linux/vfio*.h', 'include/linux/', 'v', 'include/linux/vfio_pci_core.h'],
  ['drivers/irqchip/irq-gic*.[ch]', 'drivers/irqchip/', 'i', 'drivers/irqchip/irq-gic.c'],
  ['lib/c+/', 'lib/', '', 'lib/cccc/x'],
  ['lib/x/+/', 'lib/', 'x', 'lib/x////y'],
  ['lib/ab{2}/', 'lib/', 'a', 'lib/abb/x'],
  ['drivers/a|b/', '', '', 'b/x'],
  ['drivers/v?fio/', 'drivers/', 'v', 'drivers/vxfio/a.c'],
  ['drivers/?fio/', 'drivers/', '', 'drivers/vfio/a.c'],
  ['lib/[ab]x/', 'lib/', '', 'lib/bx/y'],
  ['*/net/*', '', '', 'drivers/net/x'],
  ['arch/x86/foo.d/', 'arch/x86/foo.d/', '', 'arch/x86/foo.d/a.c'],
  ['.foo', '', '.', '.foo'],
];

test('indexes each pattern under a literal start that every path it matches has', () => {
  for (const [pattern, directory, next, matching] of INDEXED) {
    const compiled = compileFilePattern(pattern);
    assert.deepEqual([compiled.directory, compiled.next], [directory, next], pattern);
    assert.ok(matchesFilePattern(compiled, matching), `${pattern} should match ${matching}`);
    assert.ok(matching.startsWith(compiled.directory + compiled.next), pattern);
  }
});

test('throws on a pattern that is not a valid regex once converted', () => {
  assert.throws(() => compileFilePattern('drivers/foo['), SyntaxError);
});
