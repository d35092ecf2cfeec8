/**
 * End-to-end, run 2: the built pane opened in an ordinary browser (no Office host), as a registrar who uses WPS
 * would: open the .xlsx, validate, pick the scans, export; nothing is marked or fixed in place.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { type PaneBrowser, chromiumAvailable } from './support/browser';
import { STUDENTS, writeScans, writeWorkbook } from './support/fixtures';
import { BLOCKED_TELEMETRY, NO_SAVE_PICKER, countOf, eventually, exportPackage, listedRules, openTab, pickScanFolder, unzipTest, waitForNotice, zipEntries } from './support/pane';
import { makeJpeg } from '../../scripts/synth-images';
import { type PaneSession, openPaneSession } from './support/session';
import { openDocx, tables } from '../paper/docx-reader';

const describeIf = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn('e2e: /usr/bin/chromium is missing, the end-to-end tests are skipped');

/** Sorted, so the only error left is the evidence the scans bring. */
const SORTED = [...STUDENTS].sort((a, b) => a.key.localeCompare(b.key));
const WORKBOOK = '在籍生更正.xlsx';

describeIf('task pane outside Office (file mode)', () => {
  let session: PaneSession;
  let tmp: string;
  let b: PaneBrowser;

  beforeAll(async () => {
    session = await openPaneSession('file');
    ({ tmp, b } = session);
    await writeWorkbook(path.join(tmp, WORKBOOK), SORTED);
    writeScans(path.join(tmp, 'scans'), SORTED);
    await b.context.addInitScript(NO_SAVE_PICKER);
    await b.page.goto(`${session.server.url}/taskpane.html`);
  }, 600_000);

  afterAll(() => session?.close());

  it('offers to open a workbook and says what this mode cannot do', async () => {
    await b.page.getByRole('button', { name: '打开工作簿' }).waitFor();
    await expect(b.page.getByText('在浏览器中使用').count()).resolves.toBe(1);
    expect(await b.page.getByRole('button', { name: '清除标记' }).count()).toBe(0);
    await b.screenshot('file-0-start');
  });

  it('moves between the view tabs with the keyboard, one tab stop, as the WAI-ARIA tabs pattern does', async () => {
    const tab = (name: string) => b.page.getByRole('tab', { name, exact: true });
    const selected = () => b.page.locator('[role=tab][aria-selected=true]').textContent();
    const selection = (name: string) => b.page.waitForFunction((n) => document.querySelector('[role=tab][aria-selected=true]')?.textContent === n, name);
    await expect(b.page.locator('[role=tab][tabindex="0"]').count()).resolves.toBe(1);
    await tab('问题').focus();
    await b.page.keyboard.press('ArrowLeft');
    await expect(tab('设置').evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(selected()).resolves.toBe('问题');
    await b.page.keyboard.press('Home');
    await b.page.keyboard.press('ArrowRight');
    await b.page.keyboard.press('Enter');
    await selection('学生材料');
    await expect(b.page.getByRole('tabpanel').getAttribute('aria-labelledby')).resolves.toBe('tab-evidence');
    await b.page.keyboard.press('End');
    await b.page.keyboard.press('ArrowRight');
    await b.page.keyboard.press(' ');
    await selection('问题');
  });

  it('opens the .xlsx and validates it', async () => {
    await b.page.getByTestId('workbook-input').setInputFiles(path.join(tmp, WORKBOOK));
    // No table errors, but no scans yet: said so, and not in green (the package cannot be exported yet).
    await waitForNotice(b.page, /表格中没有错误.*还没有选择扫描件/);
    await expect(b.page.getByTestId('notice').getAttribute('data-intent')).resolves.toBe('warning');
    await expect(b.page.getByTestId('opened-file').textContent()).resolves.toBe(WORKBOOK);
    await expect(b.page.getByTestId('summary').textContent()).resolves.toMatch(/找到 1 张表.*学生 3 人/);
    const rules = await listedRules(b.page);
    expect(rules).toContain('evidence-not-checked');
    expect(rules).not.toContain('sort-order');
    await b.screenshot('file-1-validated');
  });

  it('links the picked scans and exports the opened file unchanged', async () => {
    await expect(pickScanFolder(b.page, path.join(tmp, 'scans'))).resolves.toMatch(/都已对应到学生/);
    expect(await countOf(b.page.locator('[data-scan] img'), SORTED.length)).toBe(SORTED.length);
    await expect(b.page.getByTestId('summary').textContent()).resolves.toMatch(/错误 0/);
    await b.screenshot('file-2-scans');

    const saved = path.join(tmp, 'saved.zip');
    const { name, zip } = await exportPackage(b.page, saved);
    expect(name).toBe('在籍生更正_材料包.zip');
    const entries = zipEntries(zip);
    for (const s of SORTED) expect(entries.some((e) => new RegExp(`^${s.key}${s.name}/身份证\\.(jpg|png)$`).test(e))).toBe(true);
    expect(entries).toContain('校验报告.txt');
    expect(entries).toContain('信息修改书面报告.docx');
    expect(Buffer.from(await zip.file(WORKBOOK)!.async('uint8array')).equals(readFileSync(path.join(tmp, WORKBOOK)))).toBe(true);
    const unzip = unzipTest(saved);
    if (unzip !== null) expect(unzip).toMatch(/No errors detected/);
    await expect(b.page.getByTestId('export-done').textContent()).resolves.toMatch(/所打开的工作簿原文件/);
    await b.screenshot('file-3-exported');
  });

  it('saves 信息修改书面报告.docx from the export tab, built in the page', async () => {
    const download = b.page.waitForEvent('download', { timeout: 60_000 });
    await b.page.getByTestId('paper-report').click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('信息修改书面报告.docx');
    const file = path.join(tmp, 'report.docx');
    await d.saveAs(file);
    const doc = (await openDocx(readFileSync(file))).xml.get('word/document.xml')!;
    expect(tables(doc)[0].at(-1)![0]).toBe('合计');
    await expect(b.page.getByTestId('notice').textContent()).resolves.toMatch(/信息修改书面报告已下载/);
  });

  it('saves through the browser\'s save-file picker where there is one', async () => {
    // A stand-in for the picker (headless Chromium has no file dialog) that keeps what the pane writes.
    await b.page.evaluate(() => {
      const w = window as unknown as { showSaveFilePicker: unknown; __picked: { name: string; bytes: number[] } | null };
      w.__picked = null;
      w.showSaveFilePicker = async (options: { suggestedName: string }) => ({
        createWritable: async () => ({
          write: async (blob: Blob) => void (w.__picked = { name: options.suggestedName, bytes: [...new Uint8Array(await blob.arrayBuffer())] }),
          close: async () => undefined,
        }),
      });
    });
    await b.page.getByRole('toolbar', { name: '操作' }).getByRole('button', { name: '导出材料包' }).click();
    await b.page.waitForFunction(() => (window as unknown as { __picked: unknown }).__picked !== null);
    const picked = await b.page.evaluate(() => (window as unknown as { __picked: { name: string; bytes: number[] } }).__picked);
    expect(picked.name).toBe('在籍生更正_材料包.zip');
    const entries = zipEntries(await JSZip.loadAsync(Uint8Array.from(picked.bytes)));
    expect(entries).toContain(WORKBOOK);
    expect(entries).toContain('校验报告.txt');
    await b.page.evaluate(() => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  });

  it('offers a package over the attachment limit split into parts, listed with their sizes, and saves each part', async () => {
    // A 1 MB limit (the policy's smallest) and scans of 600 KB, so that each student needs a part of their own.
    const policy = path.join(tmp, 'policy.json');
    writeFileSync(policy, JSON.stringify({ attachmentMaxBytes: 1024 * 1024 }));
    await openTab(b.page, '设置');
    await b.page.getByLabel('策略文件').setInputFiles(policy);
    await waitForNotice(b.page, /已载入策略文件/);
    const big = path.join(tmp, 'big-scans');
    SORTED.forEach((s, i) => {
      mkdirSync(path.join(big, `${s.key}${s.name}`), { recursive: true });
      writeFileSync(path.join(big, `${s.key}${s.name}`, '身份证.jpg'), makeJpeg({ width: 700 + 8 * i, height: 940, dpi: 300, padTo: 600 * 1024 }));
    });
    await pickScanFolder(b.page, big);
    await b.page.getByRole('toolbar', { name: '操作' }).getByRole('button', { name: '导出材料包' }).click();
    const offer = b.page.getByTestId('split-offer');
    await offer.waitFor();
    const names = SORTED.map((_, i) => `在籍生更正_材料包_${i + 1}-${SORTED.length}.zip`);
    const items = await b.page.getByTestId('split-parts').locator('li').allTextContents();
    expect(items.map((t) => t.split(':')[0])).toEqual(names);
    for (const t of items) expect(t).toMatch(/:\d+(\.\d)? [KM]B,1 个学生文件夹$/);
    await b.screenshot('file-5-split-offer');

    const saved: { name: string; size: number; entries: string[] }[] = [];
    const all = new Promise<void>((resolve) => {
      b.page.on('download', async (d) => {
        const file = path.join(tmp, d.suggestedFilename());
        await d.saveAs(file);
        saved.push({ name: d.suggestedFilename(), size: statSync(file).size, entries: zipEntries(await JSZip.loadAsync(readFileSync(file))) });
        if (saved.length === names.length) resolve();
      });
    });
    await offer.getByRole('button', { name: `分成 ${SORTED.length} 个 ZIP 导出` }).click();
    await all;
    expect(saved.map((x) => x.name).sort()).toEqual(names);
    for (const part of saved) expect(part.size).toBeLessThanOrEqual(1024 * 1024);
    const first = saved.find((x) => x.name === names[0])!;
    expect(first.entries).toEqual(expect.arrayContaining([WORKBOOK, '校验报告.txt', '信息修改书面报告.docx']));
    const folders = saved.flatMap((x) => x.entries.filter((e) => e.endsWith('/')));
    expect(folders.sort()).toEqual(SORTED.map((s) => `${s.key}${s.name}/`).sort());
    await openTab(b.page, '设置');
    await b.page.getByRole('button', { name: /恢复默认/ }).click();
  });

  it('follows the system colour scheme outside Office', async () => {
    const background = () => b.page.evaluate(() => getComputedStyle(document.querySelector('main')!.parentElement!).backgroundColor);
    const light = await background();
    await b.page.emulateMedia({ colorScheme: 'dark' });
    expect(await eventually(async () => (await background()) !== light, true)).toBe(true);
    await b.screenshot('file-4-dark');
    await b.page.emulateMedia({ colorScheme: 'light' });
  });

  it('made no request that left 127.0.0.1', () => {
    expect(b.outside).toEqual([]);
    expect(b.requests.every((u) => u.startsWith(session.server.url))).toBe(true);
    // office.js tries to frame its telemetry page outside Office; the page's CSP stops it before any request.
    expect(b.pageErrors.filter((e) => !BLOCKED_TELEMETRY.test(e))).toEqual([]);
  });
});
