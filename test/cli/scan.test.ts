// `ksymtrail scan`: a table or JSON lines of a tree's exports, from a directory or a rev of a repository,
// and one-line errors with exit status 2 for input the user can fix.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';
import { RepoBuilder } from '../helpers/RepoBuilder.js';

after(isolateGit());
const { runCli } = await import('../helpers/runCli.js');

const run = runCli;

const V1 = {
  // drivers/vfio/vfio_main.c and drivers/cxl/core/port.c, trimmed
  'drivers/vfio/vfio_main.c': '#include <linux/module.h>\n\nEXPORT_SYMBOL(vfio_pin_pages);\n',
  'drivers/cxl/core/port.c': '#include <linux/module.h>\n\nEXPORT_SYMBOL_NS_GPL(cxl_bus_type, CXL);\n',
};
const V2 = { 'drivers/vfio/vfio_main.c': '#include <linux/module.h>\n\nEXPORT_SYMBOL_GPL(vfio_pin_pages);\nEXPORT_SYMBOL_GPL(vfio_unpin_pages);\n' };

let scratch = '';
let tree = '';
let repo: RepoBuilder;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ksymtrail-cli-'));
  tree = join(scratch, 'linux');
  for (const [path, text] of Object.entries(V1)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  mkdirSync(join(scratch, 'not-a-repo'));
  repo = RepoBuilder.create();
  repo.commit('v6.1', { files: V1, date: '2022-12-11 14:15:00 -0800' });
  repo.tag('v6.1', 'v6.1');
  repo.commit('v6.12', { files: V2, date: '2024-11-17 14:15:00 -0800' });
  repo.tag('v6.12', 'v6.12');
});

after(() => {
  rmSync(scratch, { recursive: true, force: true });
  repo.cleanup();
});

const OURS = /^ksymtrail: /;

/** A user error: one line on stderr naming the problem, status 2, no stack trace, nothing on stdout. */
function assertOneLineError(result: Awaited<ReturnType<typeof runCli>>, prefix: RegExp, ...mentions: string[]): void {
  assert.equal(result.status, 2, result.stderr.join('\n'));
  assert.deepEqual(result.stdout, []);
  assert.equal(result.stderr.length, 1, result.stderr.join('\n'));
  const line = result.stderr[0]!;
  assert.match(line, prefix);
  assert.doesNotMatch(line, /\bat .*:\d+:\d+\)?$|unexpected failure/);
  for (const mention of mentions) assert.ok(line.includes(mention), `${JSON.stringify(line)} names ${mention}`);
}

test('scan DIR prints a table with a header and one row per export', async () => {
  const result = await run('scan', tree);
  assert.equal(result.status, 0, result.stderr.join('\n'));
  assert.match(result.stdout[0]!, /^SYMBOL\s+LICENSE\s+MACRO\s+NAMESPACE\s+WHERE$/);
  const rows = result.stdout.slice(1).filter((line) => !/^[-\s]+$/.test(line)).map((line) => line.split(/\s+/));
  assert.deepEqual(rows, [
    ['cxl_bus_type', 'gpl', 'EXPORT_SYMBOL_NS_GPL', 'CXL', 'drivers/cxl/core/port.c:3'],
    ['vfio_pin_pages', 'any', 'EXPORT_SYMBOL', '-', 'drivers/vfio/vfio_main.c:3'],
  ]);
});

test('scan ./DIR, a path relative to the working directory, prints the same table as the absolute path', async () => {
  const absolute = await run('scan', tree);
  const cwd = process.cwd();
  process.chdir(scratch);
  try {
    const relative = await run('scan', './linux');
    assert.equal(relative.status, 0, relative.stderr.join('\n'));
    assert.deepEqual(relative.stdout, absolute.stdout);
  } finally {
    process.chdir(cwd);
  }
});

test('scan DIR --json prints one JSON object per export with its symbol, names, place, macro, license and namespace', async () => {
  const result = await run('scan', tree, '--json');
  assert.equal(result.status, 0, result.stderr.join('\n'));
  const objects = result.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
  const fields = ['symbol', 'exported', 'path', 'line', 'macro', 'license', 'namespace'];
  assert.deepEqual(objects.map((o) => Object.fromEntries(fields.map((f) => [f, o[f]]))), [
    { symbol: 'cxl_bus_type', exported: ['cxl_bus_type'], path: 'drivers/cxl/core/port.c', line: 3, macro: 'EXPORT_SYMBOL_NS_GPL', license: 'gpl', namespace: 'CXL' },
    { symbol: 'vfio_pin_pages', exported: ['vfio_pin_pages'], path: 'drivers/vfio/vfio_main.c', line: 3, macro: 'EXPORT_SYMBOL', license: 'any', namespace: null },
  ]);
});

test('scan REV --repo REPO reads that rev of the repository', async () => {
  const at = async (rev: string): Promise<string[]> => {
    const result = await run('scan', rev, '--repo', repo.dir, '--json');
    assert.equal(result.status, 0, result.stderr.join('\n'));
    return result.stdout.map((line) => {
      const e = JSON.parse(line) as { symbol: string; license: string };
      return `${e.symbol}:${e.license}`;
    });
  };
  assert.deepEqual(await at('v6.1'), ['cxl_bus_type:gpl', 'vfio_pin_pages:any']);
  assert.deepEqual(await at('v6.12'), ['cxl_bus_type:gpl', 'vfio_pin_pages:gpl', 'vfio_unpin_pages:gpl']);
  assert.deepEqual(await at(repo.id('v6.1').slice(0, 12)), ['cxl_bus_type:gpl', 'vfio_pin_pages:any']);
});

test('scan of a path that is not a directory is a one-line error with status 2', async () => {
  const missing = join(scratch, 'no-such-tree');
  assertOneLineError(await run('scan', missing), OURS, missing);
  const file = join(tree, 'drivers/vfio/vfio_main.c');
  assertOneLineError(await run('scan', file), OURS, file);
});

test('scan --repo of a directory that is not a git repository is a one-line error with status 2', async () => {
  assertOneLineError(await run('scan', 'HEAD', '--repo', join(scratch, 'not-a-repo')), OURS, join(scratch, 'not-a-repo'), 'not a git repository');
});

test('scan --repo of a path that does not exist is a one-line error with status 2', async () => {
  assertOneLineError(await run('scan', 'HEAD', '--repo', join(scratch, 'nowhere')), OURS, join(scratch, 'nowhere'));
});

test('scan of an unknown rev is a one-line error naming the nearest tag', async () => {
  assertOneLineError(await run('scan', 'v6.13', '--repo', repo.dir), OURS, 'v6.13', 'v6.12');
});

test('scan without a target is a one-line usage error with status 2', async () => {
  assertOneLineError(await run('scan'), /^error: missing required argument 'target'$/);
});

test('--help lists the scan command and returns 0', async () => {
  const result = await run('--help');
  assert.equal(result.status, 0);
  assert.ok(result.stdout.some((line) => /^\s+scan\b/.test(line)), result.stdout.join('\n'));
});

test('scan --help documents --repo and --json', async () => {
  const result = await run('scan', '--help');
  assert.equal(result.status, 0);
  const text = result.stdout.join('\n');
  assert.match(text, /--repo <repo>/);
  assert.match(text, /--json/);
});
