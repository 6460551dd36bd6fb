// For npm run bench: the parsers' time against input size (it must grow linearly): parseExports on
// 5, 10 and 50 MB of C, and parseMaintainers on 1,000 to 10,000 entries.
import { parseExports } from '../src/exports/parseExports.js';
import { parseMaintainers } from '../src/subsystems/parseMaintainers.js';

export interface SizeTiming { size: string; ms: number; perUnitMs: number }

const C_CHUNK = `/*
 * A kernel-like function with comments, strings and an export.
 */
static const char *name = "EXPORT_SYMBOL(not_this) \\" inside a string";
int demo_%N(struct device *dev, unsigned long flags)
{
#ifdef CONFIG_DEMO
	return dev ? 0 : -ENODEV; /* EXPORT_SYMBOL(nor_this) */
#endif
	return 0;
}
EXPORT_SYMBOL_GPL(demo_%N);
`;

/** The best of three runs after a warm-up, so JIT tiers and GC pauses do not pass for size effects. */
function time(run: () => void): number {
  run();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function benchParsers(): { exports: SizeTiming[]; maintainers: SizeTiming[] } {
  const exports = [5, 10, 50].map((mb) => {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < mb * 1024 * 1024; i++) {
      const chunk = C_CHUNK.replaceAll('%N', String(i));
      parts.push(chunk);
      length += chunk.length;
    }
    const text = parts.join('');
    const ms = time(() => parseExports('drivers/demo/big.c', text));
    return { size: `${mb} MB`, ms, perUnitMs: ms / mb };
  });
  const maintainers = [1000, 10000].map((entries) => {
    const text = Array.from({ length: entries }, (_, i) => `DRIVER ${i}\nM:\tSomeone <s${i}@example.org>\nL:\tlist${i}@vger.kernel.org\nS:\tMaintained\nF:\tdrivers/d${i}/\nF:\tinclude/linux/d${i}*.h\nX:\tdrivers/d${i}/old/\nN:\td${i}_[a-z]+\n`).join('\n');
    const ms = time(() => parseMaintainers(text));
    return { size: `${entries.toLocaleString('en')} entries (${(text.split('\n').length).toLocaleString('en')} lines)`, ms, perUnitMs: ms / entries };
  });
  return { exports, maintainers };
}
