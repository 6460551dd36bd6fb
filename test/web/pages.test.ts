// The d3 pages in a real headless Chromium against a server on the mined fixture: each page loads
// cleanly, the timeline matches the API, state lives in the URL, citations copy exactly, and
// untrusted text never becomes markup. Screenshots of each page go to screenshots/ (gitignored).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { buildServerFixture, startServer, XSS_SUBJECT, type ServerFixture } from '../helpers/serverFixture.js';
import { launchPageBrowser, type CheckedPage, type PageBrowser } from '../helpers/pageBrowser.js';

const SCREENSHOTS = fileURLToPath(new URL('../../../screenshots/', import.meta.url));

let fixture: ServerFixture;
let server: Awaited<ReturnType<typeof startServer>>;
let demoServer: Awaited<ReturnType<typeof startServer>>;
let browser: PageBrowser;

before(async () => {
  fixture = await buildServerFixture();
  server = await startServer(fixture.db);
  // The same record marked as demo data, for the banner.
  const demoDb = join(fixture.dir, 'demo.db');
  copyFileSync(fixture.db, demoDb);
  const db = new Database(demoDb);
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')").run();
  db.close();
  demoServer = await startServer(demoDb);
  browser = await launchPageBrowser([new URL(server.url).origin]);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await demoServer?.close();
  fixture?.cleanup();
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, server.url));
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
}

/** Runs `check` on a freshly opened page, then demands that nothing went wrong on it. */
async function onPage(path: string, check: (page: Page) => Promise<void>, options: { base?: string; expect404?: string[] } = {}): Promise<void> {
  const opened: CheckedPage = await browser.open(options.base ?? server.url, path, options);
  try {
    await check(opened.page);
    await opened.page.waitForLoadState('networkidle');
    assert.deepEqual(opened.problems, [], `problems on ${path}`);
  } finally {
    await opened.page.close();
  }
}

/** Scrolls the timeline from top to bottom and collects the lanes and event markers it drew. */
async function drawnTimeline(page: Page): Promise<{ lanes: string[]; markers: number[] }> {
  return page.evaluate(async () => {
    const lanes = new Set<string>();
    const markers = new Set<number>();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; ; y += Math.floor(window.innerHeight / 2)) {
      window.scrollTo(0, y);
      await frame();
      document.querySelectorAll<SVGGElement>('g.lane').forEach((g) => lanes.add(g.dataset.symbol ?? ''));
      document.querySelectorAll<SVGAElement>('.timeline a.mark-link').forEach((a) => markers.add(Number(a.dataset.event)));
      if (y + window.innerHeight >= document.documentElement.scrollHeight) break;
    }
    window.scrollTo(0, 0);
    await frame();
    return { lanes: [...lanes].sort(), markers: [...markers].sort((a, b) => a - b) };
  });
}

const timelineReady = (page: Page) => page.waitForSelector('g.lane');

interface SubsystemDetail { symbols: { symbol: string }[]; events: { symbol: string; kind: string; subject: string; author_name: string; author_email: string }[] }
interface SymbolDetail { events: { citation: string; kind: string; subject: string; author_name: string; author_email: string }[] }

describe('web pages', () => {
  test('the overview shows exports per release, the latest license changes newest first and the subsystems', async () => {
    const { items: releases } = await api<{ items: unknown[] }>('/api/releases');
    await onPage('/', async (page) => {
      await page.waitForSelector('#releases-chart svg');
      await page.waitForSelector('#latest-changes table');
      await page.waitForSelector('#subsystems table');
      assert.equal(await page.locator('#releases-chart .stacks rect').count(), releases.length * 3);
      const changes = page.locator('#latest-changes tbody tr');
      assert.equal(await changes.count(), 3);
      assert.equal(await changes.first().locator('a.symbol').textContent(), 'vfio_pin_pages');
      assert.equal(await changes.first().locator('.badge').textContent(), 'loosened');
      assert.equal(await changes.last().locator('.badge').textContent(), 'tightened');
      const hmm = page.locator('#subsystems a', { hasText: 'HMM - Heterogeneous Memory Management' });
      assert.equal(await hmm.getAttribute('href'), '/subsystem/HMM%20-%20Heterogeneous%20Memory%20Management');
      assert.equal(await page.locator('.demo-banner').count(), 0, 'no demo banner for a real record');
      await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
      await hmm.click();
      await page.waitForURL('**/subsystem/HMM%20-%20Heterogeneous%20Memory%20Management');
      assert.equal(await page.locator('h1').textContent(), 'HMM - Heterogeneous Memory Management');
      await timelineReady(page);
    });
  });

  test('the search box suggests symbols as you type and Enter opens the symbol page', async () => {
    await onPage('/', async (page) => {
      await page.locator('#search-input').fill('vfio_pin');
      const option = page.locator('#search-suggestions [role=option]', { hasText: 'vfio_pin_pages' });
      await option.waitFor();
      assert.match(page.url(), /\?q=vfio_pin$/);
      await page.locator('#search-input').press('ArrowDown');
      assert.equal(await option.getAttribute('aria-selected'), 'true');
      await page.locator('#search-input').press('Enter');
      await page.waitForURL('**/symbol/vfio_pin_pages');
      await page.waitForSelector('.symbol-events');
      assert.equal(await page.locator('h1').textContent(), 'vfio_pin_pages');
    });
  });

  test('the subsystem timeline has one lane per symbol and one marker per event', async () => {
    const detail = await api<SubsystemDetail>('/api/subsystems/VFIO%20DRIVER');
    await onPage('/subsystem/VFIO%20DRIVER', async (page) => {
      await timelineReady(page);
      assert.equal(await page.locator('h1').textContent(), 'VFIO DRIVER');
      const drawn = await drawnTimeline(page);
      assert.deepEqual(drawn.lanes, detail.symbols.map((s) => s.symbol).sort());
      assert.deepEqual(drawn.markers, detail.events.map((_, i) => i));
      assert.equal(await page.locator('g.lane[data-symbol=vfio_pin_pages] .bar.lic-gpl').count(), 1, 'the GPL-only period of vfio_pin_pages');
      assert.equal(await page.locator('g.lane[data-symbol=vfio_pin_pages] .bar.lic-any').count(), 2);
      assert.equal(await page.locator('.release-tick').count(), 4);
      await page.screenshot({ path: join(SCREENSHOTS, 'subsystem-vfio-driver.png'), fullPage: true });
    });
  });

  test('the filter and the sort order are kept in the URL and restored on reload', async () => {
    await onPage('/subsystem/VFIO%20DRIVER', async (page) => {
      await timelineReady(page);
      await page.locator('#only-changed').check();
      await page.locator('#sort').selectOption('last');
      assert.match(page.url(), /\?changed=1&sort=last$/);
      await page.waitForFunction(() => document.querySelectorAll('g.lane').length === 1);
      await page.reload({ waitUntil: 'networkidle' });
      await timelineReady(page);
      assert.equal(await page.locator('#only-changed').isChecked(), true);
      assert.equal(await page.locator('#sort').inputValue(), 'last');
      assert.deepEqual(await page.locator('g.lane').evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.symbol)), ['vfio_pin_pages']);
    });
  });

  test('zooming writes the range to the URL and a reload shows the same range', async () => {
    await onPage('/subsystem/VFIO%20DRIVER', async (page) => {
      await timelineReady(page);
      const range = () => page.locator('.timeline').evaluate((t) => [Number(t.getAttribute('data-from')), Number(t.getAttribute('data-to'))]);
      const whole = await range();
      const axis = await page.locator('svg.timeline-axis').boundingBox();
      assert.ok(axis);
      await page.mouse.move(axis.x + axis.width * 0.4, axis.y + axis.height / 2);
      await page.mouse.wheel(0, -300);
      await page.waitForFunction(() => /from=.*&to=/.test(location.search));
      const zoomed = new URL(page.url()).searchParams;
      const [from, to] = [zoomed.get('from') ?? '', zoomed.get('to') ?? ''];
      assert.match(from, /^\d{4}-\d\d-\d\d/);
      const zoomedIn = await range();
      assert.ok(zoomedIn[1]! - zoomedIn[0]! < 0.8 * (whole[1]! - whole[0]!), 'the range narrowed');

      await page.reload({ waitUntil: 'networkidle' });
      await timelineReady(page);
      const restored = new URL(page.url()).searchParams;
      assert.deepEqual([restored.get('from'), restored.get('to')], [from, to]);
      const after = await range();
      const day = (text: string) => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
      assert.ok(Math.abs(after[0]! - day(from)) < 6e4 && Math.abs(after[1]! - day(to)) < 6e4, `shown ${after.join('..')} for ${from}..${to}`);

      await page.locator('#zoom-reset').click();
      await page.waitForFunction(() => !location.search.includes('from='));
    });
  });

  test('markers show commit, author, date and subject as text, and lead to the symbol page', async () => {
    const detail = await api<SubsystemDetail>('/api/subsystems/MEMORY%20MANAGEMENT');
    const index = detail.events.findIndex((e) => e.subject === XSS_SUBJECT);
    assert.ok(index >= 0);
    await onPage('/subsystem/MEMORY%20MANAGEMENT', async (page) => {
      await timelineReady(page);
      await page.locator(`a.mark-link[data-event="${index}"]`).hover();
      const tip = page.locator('.tooltip');
      await tip.waitFor({ state: 'visible' });
      const text = await tip.textContent() ?? '';
      const event = detail.events[index]!;
      assert.ok(text.includes(XSS_SUBJECT), text);
      assert.ok(text.includes(`author${`${event.author_name} <${event.author_email}>`.trim()}date`), text);
      assert.match(text, /commit[0-9a-f]{12}author/);
      assert.match(text, /date2019-02-20 10:00 \+0000/);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.equal(await page.locator('.tooltip b').count(), 0);
      await page.locator(`a.mark-link[data-event="${index}"]`).click();
      await page.waitForURL('**/symbol/mm_script_test');
      await page.waitForSelector('.symbol-events');
      await page.goBack({ waitUntil: 'networkidle' });
      await timelineReady(page);
      await page.locator('g.lane[data-symbol=hmm_range_fault] a.lane-label').click();
      await page.waitForURL('**/symbol/hmm_range_fault');
      await page.waitForSelector('.symbol-events');
    });
  });

  test('the symbol page lists exports and events, and "copy citation" copies the citation exactly', async () => {
    const detail = await api<SymbolDetail>('/api/symbols/vfio_pin_pages');
    await onPage('/symbol/vfio_pin_pages', async (page) => {
      await page.waitForSelector('.symbol-events');
      assert.equal(await page.locator('table.exports tbody tr').count(), 1);
      assert.equal(await page.locator('table.exports code.path').textContent(), 'drivers/vfio/vfio_main.c');
      assert.equal(await page.locator('tr.event').count(), detail.events.length);
      assert.equal(await page.locator('.symbol-timeline a.mark-link').count(), detail.events.length);
      assert.equal(await page.locator('.symbol-timeline .bar.lic-gpl').count(), 1);
      const tightened = detail.events.findIndex((e) => e.kind === 'tightened');
      assert.equal(await page.locator('pre.citation').nth(tightened).textContent(), detail.events[tightened]!.citation);
      await page.locator('button.copy-citation').nth(tightened).click();
      await page.locator('.copy-status', { hasText: 'Copied.' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, detail.events[tightened]!.citation);
      await page.screenshot({ path: join(SCREENSHOTS, 'symbol-vfio_pin_pages.png'), fullPage: true });
    });
  });

  test('an HTML subject and author name show as literal text and never run', async () => {
    const detail = await api<SymbolDetail>('/api/symbols/mm_script_test');
    const xss = detail.events.find((e) => e.subject === XSS_SUBJECT)!;
    await onPage('/symbol/mm_script_test', async (page) => {
      await page.waitForSelector('.symbol-events');
      const subjects = await page.locator('tr.event .subject').allTextContents();
      assert.ok(subjects.includes(XSS_SUBJECT), subjects.join(' | '));
      // git cuts an ident at its first '<', so the fixture's author carries quotes and an ampersand instead.
      assert.ok((await page.locator('tr.event .author').allTextContents()).includes(xss.author_name));
      assert.equal(xss.author_name, 'Mallory & "Eve" O\'Hare');
      assert.ok((await page.locator('pre.citation').allTextContents()).includes(xss.citation));
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.equal(await page.locator('main b').count(), 0);
    });
    // The same page over an answer whose author name is the markup itself.
    const forged = { ...detail, events: detail.events.map((e) => ({ ...e, author_name: '<b>Mallory</b>', subject: XSS_SUBJECT, citation: `${XSS_SUBJECT}\n<b>Mallory</b>\n` })) };
    const opened = await browser.open(server.url, '/');
    try {
      await opened.page.route('**/api/symbols/mm_script_test', (route) => route.fulfill({ json: forged }));
      await opened.page.goto(new URL('/symbol/mm_script_test', server.url).href, { waitUntil: 'networkidle' });
      await opened.page.waitForSelector('.symbol-events');
      assert.deepEqual(await opened.page.locator('tr.event .author').allTextContents(), forged.events.map(() => '<b>Mallory</b>'));
      assert.deepEqual(await opened.page.locator('tr.event .subject').allTextContents(), forged.events.map(() => XSS_SUBJECT));
      await opened.page.locator('.symbol-timeline a.mark-link').first().hover();
      const tip = opened.page.locator('.tooltip');
      await tip.waitFor({ state: 'visible' });
      assert.ok((await tip.textContent() ?? '').includes('<b>Mallory</b> <'));
      assert.equal(await opened.page.locator('img[src="x"]').count(), 0);
      assert.equal(await opened.page.locator('main b, .tooltip b').count(), 0);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.page.close();
    }
  });

  test('an unknown symbol shows the message and links to the nearest names', async () => {
    await onPage('/symbol/vfio_pin_page', async (page) => {
      await page.waitForSelector('.error');
      assert.match(await page.locator('.error').textContent() ?? '', /no symbol "vfio_pin_page" in the record/);
      assert.equal(await page.locator('ul.nearest a').getAttribute('href'), '/symbol/vfio_pin_pages');
      await page.screenshot({ path: join(SCREENSHOTS, 'symbol-unknown.png'), fullPage: true });
    }, { expect404: ['/api/symbols/vfio_pin_page'] });
  });

  test('every page shows the demo banner when the record is demo data', async () => {
    for (const path of ['/', '/subsystem/VFIO%20DRIVER', '/symbol/vfio_pin_pages']) {
      await onPage(path, async (page) => {
        await page.locator('.demo-banner').waitFor();
        assert.equal(await page.locator('.demo-banner').textContent(), "Demo data: invented history, not the kernel's");
      }, { base: demoServer.url });
    }
  });

  test('a subsystem of thousands of symbols keeps only the lanes in view in the page', async () => {
    const symbols = Array.from({ length: 4000 }, (_, i) => ({
      symbol: `big_symbol_${String(i).padStart(4, '0')}`, license: i % 3 === 0 ? 'gpl' : 'any',
      periods: [{ from: 1546768800 + i * 600, license: i % 3 === 0 ? 'gpl' : 'any', commit: 'a'.repeat(40) }],
    }));
    const detail = { name: 'BIG', kind: 'maintainers', status: 'Maintained', exports: 4000, gplOnly: 1334, gplShare: 0.33, eventCount: 0, details: {}, symbols, events: [] };
    const opened = await browser.open(server.url, '/');
    try {
      await opened.page.route('**/api/subsystems/BIG', (route) => route.fulfill({ json: detail }));
      await opened.page.goto(new URL('/subsystem/BIG', server.url).href, { waitUntil: 'networkidle' });
      await timelineReady(opened.page);
      assert.equal(await opened.page.locator('.lanes-header').textContent(), '4,000 symbols');
      assert.ok(await opened.page.locator('g.lane').count() < 120);
      await opened.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await opened.page.locator('g.lane[data-symbol=big_symbol_3999]').waitFor();
      assert.ok(await opened.page.locator('g.lane').count() < 120);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.page.close();
    }
  });
});
