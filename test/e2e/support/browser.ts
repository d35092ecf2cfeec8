/**
 * Headless Chromium (Debian's) through playwright-core, with a fresh profile, and a guard that records every
 * request the page makes and aborts any that would leave 127.0.0.1: the tests assert none was attempted.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { ROOT } from './build';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface PaneBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** The ones that would have left the machine (aborted). */
  outside: string[];
  /** Errors the page logged or threw. */
  pageErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPaneBrowser(): Promise<PaneBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A task pane is narrow: about 350 px in Excel on Windows.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 380, height: 900 }, locale: 'zh-CN' });
  const requests: string[] = [];
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    const u = new URL(url);
    const local = u.protocol === 'blob:' || u.protocol === 'data:' || ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname === '127.0.0.1');
    if (local) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser,
    context,
    page,
    requests,
    outside,
    pageErrors,
    screenshot: async (name) => void (await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })),
    close: () => browser.close(),
  };
}
