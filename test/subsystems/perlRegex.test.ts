// perlRegex: the Perl regex of an N: line, tested with /x, as a JavaScript RegExp.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { perlRegex } from '../../src/subsystems/perlRegex.js';

const CASES: Array<{ behaviour: string; source: string; matches: string[]; misses: string[] }> = [
  // TEGRA ARCHITECTURE SUPPORT: the example MAINTAINERS itself gives for N:
  { behaviour: 'matches anywhere in the path', source: '[^a-z]tegra', matches: ['drivers/gpu/host1x/tegra.c', 'arch/arm/mach-tegra/x.c'], misses: ['drivers/video/integrator.c'] },
  // BROADCOM BCM2711/BCM2835 ARM ARCHITECTURE
  { behaviour: 'keeps Perl\'s regex meaning of * in N: lines, unlike F: globs', source: 'bcm283*', matches: ['drivers/soc/bcm/bcm2835-power.c', 'x/bcm28'], misses: ['x/bcm2'] },
  // VDSO GETRANDOM
  { behaviour: 'honours anchors', source: '^.*/vdso/[^/]*getrandom[^/]+$', matches: ['arch/x86/entry/vdso/vgetrandom.c'], misses: ['arch/x86/entry/vdso/sub/vgetrandom.c', 'lib/vdso/getrandom'] },
  { behaviour: 'ignores whitespace and # comments as /x does', source: 'sun [45] i   # Allwinner A10 and A20', matches: ['arch/arm/boot/dts/sun4i-a10.dtsi'], misses: ['sun 4 i', 'sun3i'] },
  { behaviour: 'keeps whitespace inside a bracketed class and after a backslash', source: 'a[ ]b\\ c', matches: ['x/a b c'], misses: ['x/abc'] },
  { behaviour: 'reads ] right after [ as a member of the class, as Perl does', source: 'x[]a]y', matches: ['x]y', 'xay'], misses: ['xy'] },
];

for (const { behaviour, source, matches, misses } of CASES) {
  test(behaviour, () => {
    const regex = perlRegex(source);
    assert.deepEqual(matches.filter((p) => !regex.test(p)), [], 'should match');
    assert.deepEqual(misses.filter((p) => regex.test(p)), [], 'should not match');
  });
}

test('throws on a regex JavaScript cannot compile', () => {
  assert.throws(() => perlRegex('foo('), SyntaxError);
});
