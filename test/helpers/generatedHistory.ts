// A long generated history for the kill-and-resume tests, written in one `git fast-import` stream
// (hundreds of commits in a fraction of a second): mainline commits that tighten, loosen, add,
// remove and move exports or only edit comments, and side branches merged back, some merges evil.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface GeneratedHistory {
  commits: number;
  merges: number;
}

/** A small deterministic generator (mulberry32), so a seed names one history. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Exports = Map<string, string>; // symbol → macro

function source(path: string, exports: Exports, revision: number): string {
  const parts = [`/*\n * ${path}\n *\n * revision ${revision}\n */\n#include <linux/module.h>\n`];
  for (const [symbol, macro] of exports) parts.push(`\nint ${symbol}(void)\n{\n\treturn 0;\n}\n${macro}(${symbol});\n`);
  return parts.join('');
}

/**
 * Creates a repository at `dir` with about `commits` commits on master (merges included).
 * Each side branch touches only its own directory, so its merge is the union of both sides.
 */
export function generateHistory(dir: string, commits: number, seed = 2003): GeneratedHistory {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'master', dir]);

  const chunks: Buffer[] = [];
  const emit = (text: string | Buffer): void => void chunks.push(Buffer.isBuffer(text) ? text : Buffer.from(text));
  const data = (text: string): void => emit(`data ${Buffer.byteLength(text)}\n${text}\n`);
  let mark = 0;
  let time = 1041379200; // 2003-01-01
  let symbolCount = 0;
  const files = new Map<string, { exports: Exports; revision: number }>();
  for (let i = 0; i < 12; i++) files.set(`drivers/gen/gen${String(i).padStart(2, '0')}.c`, { exports: new Map(), revision: 0 });
  const newSymbol = (): string => `gen_symbol_${++symbolCount}`;

  const commit = (branch: string, from: number | null, merge: number | null, changed: Map<string, string | null>, subject: string): number => {
    time += 600 + Math.floor(next() * 3600);
    emit(`commit refs/heads/${branch}\nmark :${++mark}\n`);
    emit(`author Gen Author <gen@example.org> ${time} -0800\ncommitter Gen Committer <committer@example.org> ${time + 60} +0100\n`);
    data(`${subject}\n\nSigned-off-by: Gen Author <gen@example.org>\n`);
    if (from !== null) emit(`from :${from}\n`);
    if (merge !== null) emit(`merge :${merge}\n`);
    for (const [path, content] of changed) {
      if (content === null) emit(`D ${path}\n`);
      else {
        emit(`M 100644 inline ${path}\n`);
        data(content);
      }
    }
    emit('\n');
    return mark;
  };

  // The root: every mainline file with two exports.
  const root = new Map<string, string>();
  for (const [path, file] of files) {
    file.exports.set(newSymbol(), 'EXPORT_SYMBOL').set(newSymbol(), 'EXPORT_SYMBOL_GPL');
    root.set(path, source(path, file.exports, 0));
  }
  let master = commit('master', null, null, root, 'initial');
  let made = 1;
  let merges = 0;

  while (made < commits) {
    if (made % 25 === 24) {
      // A side branch of 3 to 5 commits in its own directory, merged back.
      const branch = `side${merges}`;
      const path = `drivers/${branch}/core.c`;
      const exports: Exports = new Map([[newSymbol(), 'EXPORT_SYMBOL']]);
      let tip = commit(branch, master, null, new Map([[path, source(path, exports, 0)]]), `${branch}: new driver`);
      const length = 3 + Math.floor(next() * 3);
      for (let i = 1; i < length; i++) {
        const [symbol, macro] = pick([...exports]);
        if (next() < 0.5) exports.set(symbol, macro === 'EXPORT_SYMBOL' ? 'EXPORT_SYMBOL_GPL' : 'EXPORT_SYMBOL');
        else exports.set(newSymbol(), 'EXPORT_SYMBOL_GPL');
        tip = commit(branch, tip, null, new Map([[path, source(path, exports, i)]]), `${branch}: change ${i}`);
      }
      made += length;
      // Every third merge is evil: it exports one more symbol than the side branch did.
      if (merges % 3 === 2) exports.set(newSymbol(), 'EXPORT_SYMBOL');
      master = commit('master', master, tip, new Map([[path, source(path, exports, length)]]), `Merge ${branch}`);
      made++;
      merges++;
      continue;
    }
    const [path, file] = pick([...files]);
    const changed = new Map<string, string | null>();
    const roll = next();
    file.revision++;
    if (roll < 0.35 && file.exports.size > 0) {
      const [symbol, macro] = pick([...file.exports]);
      file.exports.set(symbol, macro === 'EXPORT_SYMBOL' ? 'EXPORT_SYMBOL_GPL' : 'EXPORT_SYMBOL');
    } else if (roll < 0.55) {
      file.exports.set(newSymbol(), pick(['EXPORT_SYMBOL', 'EXPORT_SYMBOL_GPL']));
    } else if (roll < 0.65 && file.exports.size > 1) {
      file.exports.delete(pick([...file.exports.keys()]));
    } else if (roll < 0.8 && file.exports.size > 0) {
      // A move: the export leaves this file for another in the same commit.
      const [otherPath, other] = pick([...files].filter(([p]) => p !== path));
      const [symbol, macro] = pick([...file.exports]);
      file.exports.delete(symbol);
      other.exports.set(symbol, macro);
      other.revision++;
      changed.set(otherPath, source(otherPath, other.exports, other.revision));
    }
    // Otherwise only the revision comment changes: no event.
    changed.set(path, source(path, file.exports, file.revision));
    master = commit('master', master, null, changed, `gen: change ${made}`);
    made++;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks) });
  execFileSync('git', ['reset', '-q', '--hard', 'master'], { cwd: dir });
  return { commits: made, merges };
}
