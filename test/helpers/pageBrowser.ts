// A headless Debian Chromium for page tests (never a downloaded browser), and pages that record every
// console error, page error, failed request, error status and dialog, so a test can demand none.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PageBrowser {
  context: BrowserContext;
  /** Opens a path of `base` in a new page that records problems; `expect404` names API paths allowed to answer 404. */
  open(base: string, path: string, options?: { expect404?: string[] }): Promise<CheckedPage>;
  close(): Promise<void>;
}

export interface CheckedPage {
  page: Page;
  problems: string[];
}

/** Launches Chromium with a fresh user data directory; fails with a clear message when it is not installed. */
export async function launchPageBrowser(clipboardOrigins: string[]): Promise<PageBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the page tests need Debian's chromium package (apt-get install chromium); they never download a browser`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'ksymtrail-chromium-'));
  // Playwright refuses --user-data-dir in args: a persistent context is how it takes one.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    locale: 'en-US',
  });
  for (const origin of clipboardOrigins) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  // The persistent context starts with a blank page of its own.
  for (const page of context.pages()) await page.close();

  return {
    context,
    async open(base, path, options = {}) {
      const page = await context.newPage();
      const problems: string[] = [];
      const allowed = (url: string): boolean => (options.expect404 ?? []).some((p) => new URL(url).pathname === p);
      page.on('console', (message) => {
        if (message.type() === 'error' && !(allowed(message.location().url) && message.text().includes('404'))) {
          problems.push(`console error: ${message.text()} (${message.location().url})`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
      page.on('response', (response) => {
        if (response.status() >= 400 && !(response.status() === 404 && allowed(response.url()))) {
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      page.on('dialog', (dialog) => {
        problems.push(`dialog opened: ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
      return { page, problems };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
