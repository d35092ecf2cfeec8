/** Steps both end-to-end runs take on the pane, and the checks of the saved package. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';

/** office.js adds a telemetry frame outside Office; the page's Content-Security-Policy blocks it before any request. */
export const BLOCKED_TELEMETRY = /Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy/;

/** Removes the save-file picker, so saving takes the download path the test can capture. */
export const NO_SAVE_PICKER = 'delete window.showSaveFilePicker;';

export async function waitForNotice(page: Page, text: RegExp): Promise<string> {
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: text }).waitFor({ timeout: 30_000 }).catch(async (e: Error) => {
    throw new Error(`${e.message}\nnotice now: ${(await notice.allTextContents()).join(' | ')}`);
  });
  return (await notice.textContent()) ?? '';
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The rule ids of the problems in the list, in order (once the list has drawn its rows; it draws those in view). */
export async function listedRules(page: Page): Promise<string[]> {
  await page.locator('[data-testid="problem-list"] [data-rule]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  return page.locator('[data-testid="problem-list"] [data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''));
}

/** Picks the folder with the folder input (webkitdirectory) and waits until the files are linked. */
export async function pickScanFolder(page: Page, dir: string): Promise<string> {
  await openTab(page, '扫描件');
  await page.getByTestId('scan-folder-input').setInputFiles(dir);
  return waitForNotice(page, /已添加 \d+ 个文件/);
}

/** Clicks 导出材料包 in the toolbar and returns the saved ZIP's suggested name and contents. */
export async function exportPackage(page: Page, saveAs: string): Promise<{ name: string; zip: JSZip; bytes: Buffer }> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('toolbar', { name: '操作' }).getByRole('button', { name: '导出材料包' }).click();
  // A refused export says why instead of saving: fail with that message rather than wait for the timeout.
  const refused = page
    .getByTestId('notice')
    .filter({ hasText: /不能导出/ })
    .waitFor({ timeout: 60_000 })
    .then(async () => Promise.reject(new Error(`export refused: ${await page.getByTestId('notice').textContent()}`)));
  const d = await Promise.race([download, refused]);
  refused.catch(() => undefined);
  await d.saveAs(saveAs);
  const bytes = readFileSync(saveAs);
  return { name: d.suggestedFilename(), zip: await JSZip.loadAsync(bytes), bytes };
}

/** `unzip -t` on the saved file, where Debian's unzip is installed: the package opens with an ordinary tool. */
export function unzipTest(file: string): string | null {
  if (!existsSync('/usr/bin/unzip')) return null;
  return execFileSync('/usr/bin/unzip', ['-t', file], { encoding: 'utf8' });
}

export function zipEntries(zip: JSZip): string[] {
  return Object.keys(zip.files).sort();
}

/** Polls `read` until it returns `expected` (deep equality by JSON) or the time is up; returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Waits until the locator matches `n` elements (or the time is up) and returns the count. */
export async function countOf(locator: Locator, n: number): Promise<number> {
  return eventually(() => locator.count(), n);
}
