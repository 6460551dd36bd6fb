// `npm run check:symvers -- TREE MODULE.SYMVERS [--arch x86] [--list]`: how far a scan of a kernel
// tree agrees with the Module.symvers its build wrote, and the named cause of every difference.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { CAUSE_TEXT, type Cause, compareWithSymvers, type Occurrence } from '../src/symvers/compareWithSymvers.js';
import { parseSymvers } from '../src/symvers/parseSymvers.js';
import { scanTree } from '../src/snapshot/scanTree.js';
import { treeFromDirectory } from '../src/snapshot/treeFromDirectory.js';
import { formatError } from '../src/cli/formatError.js';

const program = new Command('check:symvers')
  .argument('<tree>', 'an unpacked kernel source tree')
  .argument('<symvers>', 'the Module.symvers of a build of that tree')
  .option('--arch <arch>', 'the architecture the build was for', 'x86')
  .option('--list', 'list every difference, not one example per cause')
  .action(async (tree: string, symversPath: string, options: { arch: string; list?: boolean }) => {
    const started = performance.now();
    const snapshot = await scanTree(treeFromDirectory(tree));
    const { entries, malformed } = parseSymvers(await readFile(symversPath, 'utf8'));
    const exportedNames = new Set(snapshot.exports.flatMap((e) => e.exported));
    const words = new Set<string>();
    for (const entry of entries) {
      if (exportedNames.has(entry.symbol)) continue;
      words.add(entry.symbol);
      for (let cut = entry.symbol.length - 1; cut > 2; cut--) {
        if (exportedNames.has(entry.symbol.slice(0, cut))) words.add(entry.symbol.slice(cut));
      }
    }
    for (const e of snapshot.exports) if (e.macro !== e.baseMacro) words.add(e.macro);
    const occurrences = await grepWords(tree, [...words]);
    const result = compareWithSymvers(snapshot.exports, entries, { templates: snapshot.templates, occurrences }, options.arch);

    const percent = ((100 * result.matching) / result.total).toFixed(2);
    console.log(`tree:      ${tree}: ${snapshot.exports.length} exports in ${snapshot.filesParsed} files`);
    console.log(`symvers:   ${symversPath}: ${result.total} symbols${malformed ? `, ${malformed} malformed lines skipped` : ''}`);
    console.log(`agreement: ${result.matching} / ${result.total} in Module.symvers (${percent}%) found with the right license and namespace`);
    console.log(`not built: ${result.notBuilt} exported names in the source are not in this build (other architectures, options off)`);
    const byCause = new Map<Cause, typeof result.differences>();
    for (const d of result.differences) (byCause.get(d.cause) ?? byCause.set(d.cause, []).get(d.cause)!).push(d);
    for (const [cause, differences] of [...byCause].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`\n${cause} (${differences.length}): ${CAUSE_TEXT[cause]}`);
      for (const d of options.list ? differences : differences.slice(0, 1)) {
        console.log(`  ${options.list ? '' : 'e.g. '}${d.entry.symbol} [${d.kind}, ${d.entry.macro}${d.entry.namespace ? ` ${d.entry.namespace}` : ''}]: ${d.evidence}`);
      }
    }
    console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (byCause.has('unexplained')) process.exitCode = 1;
  });

/** Every line of the tree's sources where one of `words` occurs as a whole word. */
async function grepWords(tree: string, words: string[]): Promise<Map<string, Occurrence[]>> {
  const found = new Map<string, Occurrence[]>();
  if (words.length === 0) return found;
  const patterns = words.flatMap((w) => ['-e', w]);
  const includes = ['*.c', '*.h', '*.S', '*_shipped'].flatMap((g) => ['--include', g]);
  const { stdout } = await promisify(execFile)('grep', ['-rnwF', ...includes, ...patterns, tree], { maxBuffer: 1 << 28 })
    .catch((error: { code?: number; stdout?: string }) => (error.code === 1 ? { stdout: '' } : Promise.reject(error)));
  for (const line of stdout.split('\n')) {
    const m = /^(.*?):(\d+):(.*)$/.exec(line);
    if (!m) continue;
    const occurrence = { path: m[1]!.slice(tree.replace(/\/$/, '').length + 1), line: Number(m[2]), text: m[3]! };
    for (const word of words) {
      if (new RegExp(`(^|\\W)${word}(\\W|$)`).test(occurrence.text)) (found.get(word) ?? found.set(word, []).get(word)!).push(occurrence);
    }
  }
  return found;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  const { line, status } = formatError(error);
  console.error(line);
  process.exitCode = status;
});
