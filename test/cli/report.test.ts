// ksymtrail report on the fixture record: counts, formats, files, escaping, and the html in chromium.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { buildServerFixture } = await import('../helpers/serverFixture.js');
const { runCli } = await import('../helpers/runCli.js');
const { launchChromium } = await import('../helpers/chromium.js');
const { renderReport } = await import('../../src/reports/renderReport.js');

let fixture: Awaited<ReturnType<typeof buildServerFixture>>;
before(async () => (fixture = await buildServerFixture()));
after(() => fixture.cleanup());

test('the json report counts exports at both ends, events per subsystem, changes and who made them', async () => {
  const run = await runCli('report', 'v5.0..v5.3', '--db', fixture.db, '--format', 'json', '--subsystem', 'VFIO', '--subsystem', 'HMM');
  assert.equal(run.status, 0, run.stderr.join('\n'));
  const r = JSON.parse(run.stdout.join('\n'));
  assert.deepEqual(r.exports, { from: { any: 32, gpl: 2, mixed: 0 }, to: { any: 30, gpl: 3, mixed: 0 } });
  assert.deepEqual(r.counts.map((c: Record<string, unknown>) => [c.subsystem, c.added, c.removed, c.tightened, c.loosened, c.moved]), [
    ['VFIO', 0, 1, 1, 1, 0], ['HMM', 0, 0, 1, 0, 0],
  ]);
  assert.deepEqual(r.changes.map((c: { kind: string; symbol: string }) => `${c.kind} ${c.symbol}`), ['tightened vfio_pin_pages', 'tightened hmm_range_fault', 'loosened vfio_pin_pages']);
  assert.deepEqual(r.authors.map((a: { name: string; authored: number; committed: number }) => [a.name, a.authored, a.committed]), [
    ['Alex Williamson', 2, 2], ['Jérôme Glisse', 1, 1],
  ]);
  assert.deepEqual(r.domains, [{ domain: 'example.org', authored: 3, committed: 3 }]);
  assert.deepEqual(r.shares.map((s: { release: string; gplShare: number }) => [s.release, Number(s.gplShare.toFixed(4))]), [
    ['v5.0', Number((2 / 34).toFixed(4))], ['v5.1', Number((3 / 34).toFixed(4))], ['v5.2', Number((4 / 34).toFixed(4))], ['v5.3', Number((3 / 33).toFixed(4))],
  ]);
});

test('dates work as range ends, and a bad range or subsystem is one line with exit status 2', async () => {
  const r = JSON.parse((await runCli('report', '2019-03-01..2019-04-30', '--db', fixture.db, '--format', 'json')).stdout.join('\n'));
  assert.deepEqual([r.from.release, r.to.release, r.changes.length], ['v5.1', 'v5.2', 1]);
  for (const args of [['v5.0'], ['v5.0..v9'], ['v5.0..v5.3', '--subsystem', 'NOPE'], ['v5.0..v5.3', '--format', 'pdf']]) {
    const bad = await runCli('report', ...args, '--db', fixture.db);
    assert.deepEqual([bad.status, bad.stderr.length], [2, 1], args.join(' '));
  }
});

test('csv has one row per event and md writes its chart beside it', async () => {
  const csv = await runCli('report', 'v5.0..v5.3', '--db', fixture.db, '--format', 'csv');
  const events = JSON.parse((await runCli('report', 'v5.0..v5.3', '--db', fixture.db, '--format', 'json')).stdout.join('\n')).events;
  assert.equal(csv.stdout.length, events.length + 1);
  assert.equal(csv.stdout[0], 'commit,author_name,author_email,author_date,committer_name,committer_email,committer_date,subject,release,symbol,path,from_path,kind,merge,before_macro,after_macro,before_namespace,after_namespace');
  const stdout = (await runCli('report', 'v5.0..v5.3', '--db', fixture.db)).stdout.join('\n');
  assert.doesNotMatch(stdout, /!\[/, 'Markdown on stdout names no chart file it did not write');
  assert.match(stdout, /^\| v5\.3 \| 40 \| 7\.5 % \|$/m);
  const out = join(fixture.dir, 'summit.md');
  assert.equal((await runCli('report', 'v5.0..v5.3', '--db', fixture.db, '--out', out)).status, 0);
  assert.match(readFileSync(out, 'utf8'), /!\[GPL-only share per release\]\(summit\.svg\)/);
  assert.match(readFileSync(join(fixture.dir, 'summit.svg'), 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
});

test('names and subjects are escaped in html and md, never markup', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const data = {
    from: { given: 'v1', release: 'v1' }, to: { given: 'v2', release: 'v2' }, subsystems: [hostile],
    exports: { from: { any: 1, gpl: 0, mixed: 0 }, to: { any: 0, gpl: 1, mixed: 0 } },
    counts: [{ subsystem: hostile, added: 0, removed: 0, tightened: 1, loosened: 0, moved: 0, other: 0 }],
    changes: [], switches: [], authors: [{ name: hostile, email: 'a@b', authored: 1, committed: 0 }], domains: [],
    shares: [{ release: hostile, date: null, gplShare: 1, total: 1 }], events: [],
  };
  for (const format of ['html', 'md'] as const) {
    const text = renderReport(data, format).text + [...renderReport(data, format).extra.values()].join('');
    assert.ok(!text.includes('<img'), format);
    assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'), format);
  }
});

test('the html report is one self-contained file that chromium opens without errors or requests', async () => {
  const out = join(fixture.dir, 'summit.html');
  assert.equal((await runCli('report', 'v5.0..v5.3', '--db', fixture.db, '--format', 'html', '--out', out)).status, 0);
  const html = readFileSync(out, 'utf8');
  assert.ok(!/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg|lore\.example\.org)/.test(html), 'no script and no external resource');
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request ${r.url()}`));
    await page.goto(pathToFileURL(out).href);
    assert.equal(await page.locator('h1').textContent(), 'Export licensing report: v5.0..v5.3');
    assert.equal(await page.locator('svg circle').count(), 4);
    assert.equal(await page.locator('pre').count(), 3);
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/report.png', fullPage: true });
    assert.deepEqual(problems, []);
    assert.ok(existsSync('screenshots/report.png'));
  } finally {
    await close();
  }
});

test('tightened and loosened count switches of a symbol over the whole tree, not per-file events', async () => {
  const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
  const repo = RepoBuilder.create();
  try {
    const day = (n: number): string => `2006-01-0${n} 10:00:00 +0000`;
    repo.commit('c1', { date: day(1), files: { 'arch/a/x.c': 'EXPORT_SYMBOL(foo);\n', 'arch/b/x.c': 'EXPORT_SYMBOL(foo);\n' } });
    repo.tag('v2.6.15', 'c1');
    repo.commit('c2', { date: day(2), files: { 'arch/a/x.c': 'EXPORT_SYMBOL_GPL(foo);\n', 'arch/b/x.c': 'EXPORT_SYMBOL_GPL(foo);\n' } });
    repo.commit('c3', { date: day(3), files: { 'arch/b/x.c': 'EXPORT_SYMBOL(foo);\n' } });
    repo.tag('v2.6.16', 'c3');
    const db = join(fixture.dir, 'switches.db');
    assert.equal((await runCli('mine', repo.dir, '--db', db, '--quiet')).status, 0);
    const r = JSON.parse((await runCli('report', 'v2.6.15..v2.6.16', '--db', db, '--format', 'json')).stdout.join('\n'));
    assert.deepEqual(r.changes.map((c: { kind: string; path: string }) => `${c.kind} ${c.path}`), ['tightened arch/a/x.c', 'tightened arch/b/x.c', 'loosened arch/b/x.c']);
    assert.deepEqual([r.counts[0].tightened, r.counts[0].loosened], [1, 0], 'one switch to GPL-only; any → mixed is no switch');
    assert.deepEqual(r.authors.map((a: { authored: number }) => a.authored), [1]);
  } finally {
    repo.cleanup();
  }
});
