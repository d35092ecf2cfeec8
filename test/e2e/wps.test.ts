/**
 * End-to-end, WPS run: the built WPS add-in's pane in headless Chromium with the in-memory ET double as
 * `window.wps` (no office.js). 校验 → marks → select a problem → pick the scans → fix the row order → 导出材料包
 * (the pane offers to save the marked workbook first) → the ZIP beside the workbook in the double's file system →
 * unzipped and compared entry by entry with the saved workbook and the scans.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import JSZip from 'jszip';
import { type PaneBrowser, chromiumAvailable } from './support/browser';
import { FIRST_DATA_ROW, SHEET, SORTED_KEYS, STUDENTS, sheetValues, writeScans, writeWorkbook } from './support/fixtures';
import { countOf, eventually, listedRules, openTab, pickScanFolder, unzipTest, waitForNotice, zipEntries } from './support/pane';
import { type PaneSession, openPaneSession } from './support/session';
import { E2E_WPS_DIST } from './support/build';
import { version } from '../../package.json';
import type { WpsView } from './support/wps-page';
import { PAPER_REPORT_FILE } from '../../src/package/plan';

const describeIf = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn('e2e: /usr/bin/chromium is missing, the end-to-end tests are skipped');

const FOLDER = '/home/教务员/文档/学籍';
const FILE = '学生基本信息修改情况统计表.xlsx';
const PACKAGE = `${FOLDER}/学生基本信息修改情况统计表_材料包.zip`;

const view = (b: PaneBrowser) => b.page.evaluate(() => (window as unknown as { __wpsView: () => WpsView }).__wpsView());
const sheetView = async (b: PaneBrowser) => (await view(b)).sheets.find((s) => s.name === SHEET)!;

describeIf('task pane in WPS 表格 (in-memory ET double)', () => {
  let session: PaneSession;
  let tmp: string;
  let b: PaneBrowser;
  let scans: string[];

  beforeAll(async () => {
    session = await openPaneSession('wps', 'wps');
    ({ tmp, b } = session);
    await writeWorkbook(path.join(tmp, FILE), STUDENTS);
    scans = writeScans(path.join(tmp, 'scans'), STUDENTS);
    const page = buildSync({ entryPoints: [path.join(__dirname, 'support', 'wps-page.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' }).outputFiles[0].text;
    const spec = {
      folder: FOLDER,
      fileName: FILE,
      sheets: [{ name: SHEET, rows: sheetValues(STUDENTS), merges: ['A1:I1'] }],
      savedBase64: readFileSync(path.join(tmp, FILE)).toString('base64'),
      // The same scans in a folder 扫描件 beside the workbook, for 使用工作簿旁边的文件夹.
      filesBase64: Object.fromEntries(scans.map((f) => [`${FOLDER}/扫描件/${path.relative(path.join(tmp, 'scans'), f)}`, readFileSync(f).toString('base64')])),
    };
    await b.context.addInitScript(`window.__wpsSpec = ${JSON.stringify(spec)};\n${page}`);
    await b.page.goto(`${session.server.url}/taskpane.html`);
  }, 600_000);

  afterAll(() => session?.close());

  it('validates: marks the cells in WPS and lists the problems', async () => {
    await b.page.getByRole('button', { name: '校验', exact: true }).click();
    await waitForNotice(b.page, /发现 \d+ 个错误.*已在表格中标出/);
    const rules = await listedRules(b.page);
    expect(rules).toContain('sort-order');
    expect((await sheetView(b)).filled).toContain(`C${FIRST_DATA_ROW + 1}`);
    // The record of the marks lives in a very-hidden sheet of the workbook.
    expect((await view(b)).sheets.map((s) => [s.name, s.visible])).toContainEqual(['学籍更正助手_标记', 2]);
    console.log(`e2e wps: 校验 (read, validate, mark) took ${(await view(b)).calls} calls into the object model`);
    await b.screenshot('wps-1-validated');
  });

  it('runs the commands the ribbon leaves in PluginStorage (清除标记, then 校验)', async () => {
    // What ribbon.ts's OnAction does in the entry page (a page of its own in WPS, sharing only PluginStorage).
    const post = (name: string) =>
      b.page.evaluate((n) => (window as unknown as { wps: { PluginStorage: { setItem(k: string, v: string): void } } }).wps.PluginStorage.setItem('xjgz.command', JSON.stringify({ name: n, id: `${n}-${Date.now()}`, at: Date.now() })), name);
    await post('clearMarks');
    await waitForNotice(b.page, /已清除表格中的标记/);
    expect((await sheetView(b)).filled).toEqual([]);
    expect((await view(b)).sheets.map((s) => s.name)).toEqual([SHEET]);
    await post('validate');
    await waitForNotice(b.page, /发现 \d+ 个错误/);
    expect((await sheetView(b)).filled).toContain(`C${FIRST_DATA_ROW + 1}`);
  });

  it('selects the cell of a clicked problem', async () => {
    await b.page.locator('[data-rule="sort-order"]').getByRole('button').first().click();
    expect(await eventually(async () => (await sheetView(b)).selection, `C${FIRST_DATA_ROW + 1}`)).toBe(`C${FIRST_DATA_ROW + 1}`);
    expect((await view(b)).activeSheet).toBe(SHEET);
  });

  it('offers the folder of scans beside the workbook and links its files to the students', async () => {
    await openTab(b.page, '扫描件');
    await b.page.getByTestId('beside-folders').getByRole('button', { name: '使用“扫描件”' }).click();
    await expect(waitForNotice(b.page, /已添加 \d+ 个文件/)).resolves.toMatch(/已添加 3 个文件,都已对应到学生/);
    expect(await countOf(b.page.locator('[data-scan] img'), STUDENTS.length)).toBe(STUDENTS.length);
    await b.screenshot('wps-2-scans-beside');
  });

  it('still takes a folder from the folder picker (WPS’s Chromium has it)', async () => {
    await expect(pickScanFolder(b.page, path.join(tmp, 'scans'))).resolves.toMatch(/都已对应到学生/);
    expect(await countOf(b.page.locator('[data-scan] img'), STUDENTS.length)).toBe(STUDENTS.length);
  });

  it('fixes the row order in the workbook and says how undo behaves in WPS', async () => {
    await openTab(b.page, '问题');
    await b.page.locator('[data-rule="sort-order"]').getByRole('button', { name: /^修正/ }).click();
    await expect(waitForNotice(b.page, /已修正/)).resolves.toMatch(/WPS 中不一定能用“撤销”恢复/);
    const values = (await sheetView(b)).values;
    expect(STUDENTS.map((_, i) => values[`C${FIRST_DATA_ROW + i}`])).toEqual(SORTED_KEYS);
    for (const [i, key] of SORTED_KEYS.entries()) expect(values[`D${FIRST_DATA_ROW + i}`]).toBe(STUDENTS.find((s) => s.key === key)!.name);
    await expect(b.page.getByTestId('summary').textContent()).resolves.toMatch(/错误 0/);
    await b.screenshot('wps-3-fixed');
  });

  it('exports beside the workbook after saving it without marks; every entry is what it should be', async () => {
    const toolbar = b.page.getByRole('toolbar', { name: '操作' });
    await toolbar.getByRole('button', { name: '导出材料包' }).click();
    // The workbook changed (the fix) and is not saved: the pane says so and offers to save first.
    const offer = b.page.getByTestId('save-offer');
    await offer.waitFor({ timeout: 30_000 });
    await expect(offer.textContent()).resolves.toMatch(/未保存的修改/);
    expect((await view(b)).files[PACKAGE]).toBeUndefined();
    await b.screenshot('wps-4-save-offer');

    await offer.getByRole('button', { name: '保存并导出' }).click();
    await waitForNotice(b.page, /材料包已保存到工作簿旁边/);
    await expect(b.page.getByTestId('export-done').textContent()).resolves.toContain(PACKAGE);
    await b.screenshot('wps-5-exported');

    const after = await view(b);
    const saved = Buffer.from(after.files[`${FOLDER}/${FILE}`], 'base64');
    // Saved as the registrar sees it: the sorted table, no record sheet of marks.
    const savedBook = JSON.parse(saved.toString('utf8')) as { sheets: { name: string; cells: [string, unknown][] }[] };
    expect(savedBook.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(savedBook.sheets[0].cells.filter(([k]) => k.endsWith(',3') && Number(k.split(',')[0]) >= FIRST_DATA_ROW).map(([, v]) => v)).toEqual(SORTED_KEYS);

    const bytes = Buffer.from(after.files[PACKAGE], 'base64');
    const zipFile = path.join(tmp, 'from-wps.zip');
    writeFileSync(zipFile, bytes);
    const zip = await JSZip.loadAsync(bytes);
    const entries = zipEntries(zip).filter((e) => !e.endsWith('/'));
    const expected = [FILE, '校验报告.txt', PAPER_REPORT_FILE, ...STUDENTS.map((s, i) => `${s.key}${s.name}/${path.basename(scans[i])}`)].sort();
    expect(entries).toEqual(expected);
    expect(Buffer.from(await zip.file(FILE)!.async('uint8array')).equals(saved)).toBe(true);
    for (const [i, s] of STUDENTS.entries())
      expect(Buffer.from(await zip.file(`${s.key}${s.name}/${path.basename(scans[i])}`)!.async('uint8array')).equals(readFileSync(scans[i]))).toBe(true);
    const report = await zip.file('校验报告.txt')!.async('string');
    for (const s of STUDENTS) expect(report).toContain(s.key);
    const unzip = unzipTest(zipFile);
    if (unzip !== null) expect(unzip).toMatch(/No errors detected/);
  });

  it('exports again without overwriting the first package, and opens the folder through FollowHyperlink', async () => {
    // Saved and unchanged since: no offer this time.
    await b.page.getByRole('toolbar', { name: '操作' }).getByRole('button', { name: '导出材料包' }).click();
    await expect(waitForNotice(b.page, /_材料包 \(2\)\.zip/)).resolves.toMatch(/没有覆盖/);
    expect(Buffer.from((await view(b)).files[PACKAGE], 'base64').length).toBeGreaterThan(0);
    await b.page.getByTestId('export-done').getByRole('button', { name: '打开文件夹' }).click();
    expect(await eventually(async () => (await view(b)).followed, [FOLDER])).toEqual([FOLDER]);
    await b.screenshot('wps-6-second-export');
  });

  it('the build holds both deployments: the add-in folder, the offline .7z listed in jsplugins.xml, the oem.ini lines', () => {
    const dir = path.join(E2E_WPS_DIST, 'xjgz');
    for (const f of ['index.html', 'ribbon.xml', 'manifest.xml', 'taskpane.html', 'publish.html', 'publish.js', 'images/validate.svg']) expect(existsSync(path.join(dir, f))).toBe(true);
    expect(readFileSync(path.join(dir, 'taskpane.html'), 'utf8')).not.toMatch(/office/i);
    expect(readFileSync(path.join(dir, 'publish.js'), 'utf8')).toContain(`VERSION = '${version}'`);
    const archive = `xjgz_${version}.7z`;
    expect(readFileSync(path.join(E2E_WPS_DIST, archive)).subarray(0, 2).toString('latin1')).toBe('7z');
    expect(readFileSync(path.join(E2E_WPS_DIST, 'jsplugins.xml'), 'utf8')).toMatch(new RegExp(`<jsplugin name="xjgz" type="et" enable="true" version="${version.replace(/\./g, '\\.')}" url="file:///[^"]+/${archive}"/>`));
    expect(readFileSync(path.join(E2E_WPS_DIST, 'oem.ini.txt'), 'utf8')).toMatch(/\[Support\]\r\nJsApiPlugin=true[\s\S]*\[Server\]\r\nJSPluginsServer=/);
    if (existsSync('/usr/bin/7z')) {
      const listing = execFileSync('/usr/bin/7z', ['l', '-ba', path.join(E2E_WPS_DIST, archive)], { encoding: 'utf8' });
      for (const f of ['index.html', 'ribbon.xml', 'manifest.xml', 'taskpane.html']) expect(listing).toMatch(new RegExp(`\\s${f.replace('.', '\\.')}\\n`));
    }
  });

  it('made no request that left 127.0.0.1 and loaded no office.js', () => {
    expect(b.outside).toEqual([]);
    expect(b.requests.every((u) => u.startsWith(session.server.url))).toBe(true);
    expect(b.requests.some((u) => u.includes('office'))).toBe(false);
    expect(b.pageErrors).toEqual([]);
  });
});
