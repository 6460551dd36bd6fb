// `npm run check:maintainers -- TREE [--compare N]`: parses a kernel tree's MAINTAINERS, maps every
// .c/.h/.S file to its subsystems, and (with --compare) checks the answers against get_maintainer.pl itself.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { formatError } from '../src/cli/formatError.js';
import { compileFilePattern } from '../src/subsystems/compileFilePattern.js';
import { compileGroups } from '../src/subsystems/compileGroups.js';
import { compileMaintainers, type MaintainersMatcher } from '../src/subsystems/compileMaintainers.js';
import { loadGroups } from '../src/subsystems/loadGroups.js';
import { parseMaintainers } from '../src/subsystems/parseMaintainers.js';
import { subsystemsForPath } from '../src/subsystems/subsystemsForPath.js';
import { treeOfPaths } from '../src/subsystems/treeOfPaths.js';

const GROUPS = new URL('../../data/subsystems.json', import.meta.url);
const EXPECTED: Array<[path: string, title: string]> = [
  ['drivers/vfio/vfio_main.c', 'VFIO DRIVER'],
  ['mm/hmm.c', 'HMM - Heterogeneous Memory Management'],
];

const program = new Command('check:maintainers')
  .argument('<tree>', 'an unpacked kernel source tree with MAINTAINERS at its top')
  .option('--compare <n>', 'run scripts/get_maintainer.pl on about n of the files and compare', '0')
  .action(async (tree: string, options: { compare: string }) => {
    const text = await readFile(join(tree, 'MAINTAINERS'), 'utf8');
    let started = performance.now();
    const parsed = parseMaintainers(text);
    const parseMs = performance.now() - started;
    const reasons = new Map<string, number>();
    for (const s of parsed.skippedLines) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    console.log(`MAINTAINERS: ${text.split('\n').length} lines, ${parsed.entries.length} entries, ${parsed.skipped} lines skipped${reasons.size ? ` (${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}; parsed in ${parseMs.toFixed(1)} ms`);
    for (const s of parsed.skippedLines.slice(0, 5)) console.log(`  skipped line ${s.line} (${s.reason}): ${s.text}`);

    const files = await listFiles(tree);
    const paths = treeOfPaths(files);
    const isDirectory = (p: string): boolean => paths.isDirectory(p);
    const fx = parsed.entries.flatMap((e) => [...e.files, ...e.excludes]);
    const slashed = fx.filter((f) => !f.pattern.endsWith('/') && compileFilePattern(f.pattern, { isDirectory }).recursive);
    const dotted = fx.filter((f) => !f.pattern.endsWith('/') && paths.isDirectory(f.pattern) && !compileFilePattern(f.pattern, { isDirectory }).recursive);
    console.log(`patterns: ${fx.length} F:/X:, ${parsed.entries.reduce((n, e) => n + e.regexes.length, 0)} N:; ${slashed.length} name a directory without the trailing slash, ${dotted.length} of them with a dot that keeps get_maintainer.pl from seeing it${dotted.length ? ` (${dotted.map((d) => d.pattern).join(', ')})` : ''}`);

    started = performance.now();
    const maintainers = compileMaintainers(parsed.entries, { isDirectory });
    const groups = compileGroups(loadGroups(await readFile(GROUPS, 'utf8'), 'data/subsystems.json'), { isDirectory });
    console.log(`compiled in ${(performance.now() - started).toFixed(1)} ms`);

    for (const [path, title] of EXPECTED) {
      const result = subsystemsForPath(path, { maintainers, groups, tree: paths });
      const best = result.entries.filter((m) => m.mostSpecific).map((m) => m.entry.title);
      const ok = best.includes(title);
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${path} → ${result.subsystems.map((s) => s.name).join(' | ')} (most specific: ${best.join(', ')})`);
      if (!ok) process.exitCode = 1;
    }

    const sources = files.filter((f) => /\.[chS]$/.test(f));
    started = performance.now();
    const results = sources.map((path) => subsystemsForPath(path, { maintainers, groups, tree: paths }));
    const matchMs = performance.now() - started;
    const noEntry = results.filter((r) => r.entries.every((m) => m.catchAll));
    const noSubsystem = noEntry.filter((r) => r.groups.length === 0);
    console.log(`tree: ${files.length} files, ${sources.length} .c/.h/.S; all matched in ${matchMs.toFixed(0)} ms (${((1000 * matchMs) / sources.length).toFixed(1)} µs a path)`);
    console.log(`only THE REST: ${noEntry.length} (${percent(noEntry.length, sources.length)}); no group either: ${noSubsystem.length}`);
    const byDirectory = new Map<string, number>();
    for (const r of noEntry) byDirectory.set(r.path.split('/').slice(0, 2).join('/'), (byDirectory.get(r.path.split('/').slice(0, 2).join('/')) ?? 0) + 1);
    console.log(`  most of them in: ${[...byDirectory].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([d, n]) => `${d} ${n}`).join(', ')}`);

    const wanted = Number(options.compare);
    if (wanted > 0) {
      // Half a plain sample of the tree, half the paths whose answer needs the finer rules: an N: line, an
      // entry with X: lines, a directory named without its slash, several lines of different depths, a tie.
      const tricky = results.filter((r) => r.entries.some((m) =>
        m.pattern.kind === 'N' || m.entry.excludes.length > 0 || new Set(m.patterns.map((p) => p.depth)).size > 1 ||
        m.patterns.some((p) => slashed.some((s) => s.line === p.line))) || r.entries.filter((m) => m.mostSpecific).length > 1);
      const every = <T>(list: T[], n: number): T[] => list.filter((_, i) => i % Math.max(1, Math.ceil(list.length / n)) === 0);
      const sample = [...new Set([...every(sources, wanted / 2), ...every(tricky, wanted / 2).map((r) => r.path)])].sort();
      console.log(`comparing ${sample.length} files with get_maintainer.pl, ${tricky.length} of the tree's being tricky`);
      await compare(tree, sample, maintainers);
    }
  });

/** Every file of the tree, relative to its top, as git would list them (symlinks are files too). */
async function listFiles(tree: string): Promise<string[]> {
  const entries = await readdir(tree, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(tree.replace(/\/$/, '').length + 1))
    .filter((p) => !p.startsWith('.git/'))
    .sort();
}

/**
 * get_maintainer.pl --sections prints, for each file in sorted order, the title and lines of every entry
 * it matched, deepest first. THE REST comes last for every file (its depth, -1, is the only negative one
 * in 6.12), which is how the output of one run over many files is cut back into files.
 */
async function compare(tree: string, sample: string[], maintainers: MaintainersMatcher): Promise<void> {
  const started = performance.now();
  let agree = 0;
  const differences: string[] = [];
  for (let i = 0; i < sample.length; i += 200) {
    const batch = [...new Set(sample.slice(i, i + 200))].sort();
    const { stdout } = await promisify(execFile)('perl', ['scripts/get_maintainer.pl', '--no-git', '--no-git-fallback', '--sections', '-f', ...batch], { cwd: tree, maxBuffer: 1 << 28 });
    const titles = stdout.split('\n').filter((l) => l !== '' && !/^[A-Z]:\t/.test(l));
    const perFile: string[][] = [[]];
    for (const title of titles) {
      perFile[perFile.length - 1]!.push(title);
      if (title === 'THE REST') perFile.push([]);
    }
    batch.forEach((path, j) => {
      const theirs = perFile[j] ?? [];
      const ours = maintainers.match(path);
      const depth = new Map(ours.map((m) => [m.entry.title, m.depth]));
      // Same entries, and theirs in an order ours allows: equal depths may come in any order (Perl hash order).
      const sameSet = theirs.length === ours.length && theirs.every((t) => depth.has(t));
      const ordered = theirs.every((t, k) => k === 0 || depth.get(theirs[k - 1]!)! >= depth.get(t)!);
      if (sameSet && ordered) agree++;
      else differences.push(`${path}: get_maintainer.pl ${theirs.join(' | ')}; ours ${ours.map((m) => `${m.entry.title} (${m.depth})`).join(' | ')}`);
    });
  }
  console.log(`get_maintainer.pl: ${agree} / ${sample.length} sampled files agree (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const d of differences.slice(0, 10)) console.log(`  ${d}`);
  if (differences.length > 0) process.exitCode = 1;
}

function percent(n: number, of: number): string {
  return `${((100 * n) / of).toFixed(1)}%`;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  const { line, status } = formatError(error);
  console.error(line);
  process.exitCode = status;
});
