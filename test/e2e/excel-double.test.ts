/**
 * End-to-end, run 1: the built pane in headless Chromium with the in-memory Excel double standing in for
 * office.js. Validate, see the marks and the list, jump to a cell, pick the scans, fix the row order, export.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { makePng } from '../../scripts/synth-images';
import { type PaneBrowser, chromiumAvailable } from './support/browser';
import { FIRST_DATA_ROW, SHEET, SORTED_KEYS, STUDENTS, sheetValues, writeScans, writeWorkbook } from './support/fixtures';
import { NO_SAVE_PICKER, countOf, eventually, exportPackage, listedRules, openTab, pickScanFolder, unzipTest, waitForNotice, zipEntries } from './support/pane';
import { type PaneSession, openPaneSession } from './support/session';
import type { DoubleView } from './support/double-page';

const describeIf = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn('e2e: /usr/bin/chromium is missing, the end-to-end tests are skipped');

const view = (b: PaneBrowser) => b.page.evaluate(() => (window as unknown as { __doubleView: () => DoubleView }).__doubleView());
const sheetView = async (b: PaneBrowser) => (await view(b)).sheets.find((s) => s.name === SHEET)!;

describeIf('task pane in Excel (in-memory double)', () => {
  let session: PaneSession;
  let tmp: string;
  let b: PaneBrowser;
  let workbookBytes: Buffer;

  beforeAll(async () => {
    session = await openPaneSession('excel');
    ({ tmp, b } = session);
    // What getFileAsync hands over: the registrar's file as Office keeps it (the table as typed, out of order).
    await writeWorkbook(path.join(tmp, 'office-file.xlsx'), STUDENTS);
    workbookBytes = readFileSync(path.join(tmp, 'office-file.xlsx'));
    writeScans(path.join(tmp, 'scans'), STUDENTS);
    const double = buildSync({ entryPoints: [path.join(__dirname, 'support', 'double-page.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' }).outputFiles[0].text;

    const spec = { name: '学生基本信息修改情况统计表.xlsx', sheets: [{ name: SHEET, rows: sheetValues(STUDENTS), merges: ['A1:I1'] }], fileBase64: workbookBytes.toString('base64') };
    await b.context.addInitScript(`window.__doubleSpec = ${JSON.stringify(spec)}; ${NO_SAVE_PICKER}`);
    // The double takes office.js's place (Office and Excel as the adapter calls them), still served from 127.0.0.1.
    await b.page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: double }));
    await b.page.goto(`${session.server.url}/taskpane.html`);
  }, 600_000);

  afterAll(() => session?.close());

  it('registers the ribbon commands in the shared runtime', async () => {
    await b.page.getByRole('button', { name: '校验' }).waitFor();
    const actions = await b.page.evaluate(() => [...(window as unknown as { __double: { state: { actions: Map<string, unknown> } } }).__double.state.actions.keys()]);
    expect(actions.sort()).toEqual(['clearMarks', 'exportPackage', 'insertTemplate', 'validate']);
  });

  it('validates: marks the cells and lists the problems', async () => {
    const before = (await view(b)).syncs;
    await b.page.getByRole('button', { name: '校验', exact: true }).click();
    await waitForNotice(b.page, /发现 \d+ 个错误/);
    const syncs = (await view(b)).syncs - before;
    console.log(`e2e excel: 校验 (read, validate, mark) took ${syncs} context.sync() calls`);
    expect(syncs).toBeGreaterThan(0);

    const rules = await listedRules(b.page);
    expect(rules).toContain('sort-order');
    expect(rules).toContain('evidence-not-checked');
    // The out-of-order 学号 is the second data row's; its key cell is marked in place.
    expect((await sheetView(b)).filled).toContain(`C${FIRST_DATA_ROW + 1}`);
    await expect(b.page.getByTestId('summary').textContent()).resolves.toMatch(/找到 1 张表.*学生 3 人/);
    await b.screenshot('excel-1-validated');
  });

  it('selects the cell of a clicked problem', async () => {
    await b.page.locator('[data-rule="sort-order"]').getByRole('button').first().click();
    expect(await eventually(async () => (await sheetView(b)).selection, `C${FIRST_DATA_ROW + 1}`)).toBe(`C${FIRST_DATA_ROW + 1}`);
    expect((await view(b)).activeSheet).toBe(SHEET);
  });

  it('links a picked folder of scans to the students', async () => {
    await expect(pickScanFolder(b.page, path.join(tmp, 'scans'))).resolves.toMatch(/都已对应到学生/);
    expect(await countOf(b.page.locator('[data-scan] img'), STUDENTS.length)).toBe(STUDENTS.length);
    await b.screenshot('excel-2-scans');
    await openTab(b.page, '学生材料');
    expect(await countOf(b.page.getByTestId('student-evidence').getByText('已有', { exact: true }), STUDENTS.length)).toBe(STUDENTS.length);
    await b.screenshot('excel-3-evidence');
  });

  it('fixes the row order in the workbook', async () => {
    await openTab(b.page, '问题');
    await b.page.locator('[data-rule="sort-order"]').getByRole('button', { name: /^修正/ }).click();
    await waitForNotice(b.page, /已修正/);
    const values = (await sheetView(b)).values;
    expect(STUDENTS.map((_, i) => values[`C${FIRST_DATA_ROW + i}`])).toEqual(SORTED_KEYS);
    // Whole rows moved: each 学号 keeps its 姓名.
    for (const [i, key] of SORTED_KEYS.entries()) expect(values[`D${FIRST_DATA_ROW + i}`]).toBe(STUDENTS.find((s) => s.key === key)!.name);
    expect(await listedRules(b.page)).not.toContain('sort-order');
    await expect(b.page.getByTestId('summary').textContent()).resolves.toMatch(/错误 0/);
    await b.screenshot('excel-4-fixed');
  });

  it('fixes all extra spaces at once: one undo step, nothing read back, the notice in view', async () => {
    // The registrar types two names with stray spaces, then validates again.
    await b.page.evaluate(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('在籍生');
        sheet.getRange('D3').values = [[' 李华']];
        sheet.getRange('D5').values = [['赵敏 ']];
        await context.sync();
      }),
    );
    await b.page.getByRole('button', { name: '校验', exact: true }).click();
    await waitForNotice(b.page, /校验完成|发现|表格中没有错误/);
    const fixAll = b.page.getByRole('group', { name: '批量修正' }).getByRole('button', { name: '全部去除多余空格(2 处)' });
    type Runs = { __double: { state: { runs: { mergeUndoGroup: boolean }[] } } };
    const runs = () => b.page.evaluate(() => (window as unknown as Runs).__double.state.runs.length);
    const [runsBefore, syncsBefore] = [await runs(), (await view(b)).syncs];
    await fixAll.click();
    await waitForNotice(b.page, /已修正 2 处:去除多余空格。.*可用 Excel 的“撤销”一步恢复/);
    const values = (await sheetView(b)).values;
    expect([values.D3, values.D5]).toEqual(['李华', '赵敏']);
    // One Excel.run for both cells, merged into one undo step; then only the marks (no re-read of the sheet).
    const added = await b.page.evaluate((n) => (window as unknown as Runs).__double.state.runs.slice(n), runsBefore);
    expect(added[0]).toEqual({ mergeUndoGroup: true });
    expect(added.filter((r) => r.mergeUndoGroup)).toHaveLength(1);
    const syncs = (await view(b)).syncs - syncsBefore;
    console.log(`e2e excel: 全部去除多余空格 (2 cells, re-validate, re-mark) took ${syncs} context.sync() calls`);
    expect(await listedRules(b.page)).not.toContain('whitespace');
    const box = await b.page.getByTestId('notice').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(b.page.viewportSize()!.height);
  });

  it('exports the package: one folder per student, the workbook from Office, the report', async () => {
    const saved = path.join(tmp, 'saved.zip');
    const { name, zip } = await exportPackage(b.page, saved);
    expect(name).toBe('学生基本信息修改情况统计表_材料包.zip');
    const entries = zipEntries(zip);
    for (const s of STUDENTS) expect(entries.some((e) => new RegExp(`^${s.key}${s.name}/身份证\\.(jpg|png)$`).test(e))).toBe(true);
    expect(entries).toContain('校验报告.txt');
    const workbook = entries.find((e) => e.endsWith('.xlsx'))!;
    expect(Buffer.from(await zip.file(workbook)!.async('uint8array')).equals(workbookBytes)).toBe(true);
    const unzip = unzipTest(saved);
    if (unzip !== null) expect(unzip).toMatch(/No errors detected/);
    await expect(b.page.getByTestId('export-done').textContent()).resolves.toMatch(/Office 提供的工作簿原文件/);
    // A download is not a save: the notice says where it usually lands and where the workbook is.
    await expect(b.page.getByTestId('notice').textContent()).resolves.toMatch(/已交给浏览器下载.*“下载”文件夹.*工作簿位置:C:\\Users\\registrar\\Documents\\学生基本信息修改情况统计表\.xlsx/);
    await b.screenshot('excel-5-exported');
  });

  it('remembers a manual assignment with the workbook and restores it when the folder is picked again', async () => {
    // A file whose name says nothing: the registrar assigns it by hand.
    const loose = path.join(tmp, 'loose');
    mkdirSync(path.join(loose, '杂项'), { recursive: true });
    writeFileSync(path.join(loose, '杂项', '扫描0001.png'), makePng({ width: 1169, height: 1654, dpi: 200 }));
    await expect(pickScanFolder(b.page, loose)).resolves.toMatch(/1 个文件没有对应到学生/);
    const item = b.page.locator('[data-scan$="扫描0001.png"]');
    await item.getByRole('combobox', { name: /属于哪位学生/ }).click();
    await b.page.getByRole('option', { name: `${STUDENTS[0].key}${STUDENTS[0].name}` }).click();
    const kindBox = item.getByRole('combobox', { name: /是什么材料/ });
    expect(await eventually(() => kindBox.isEnabled(), true)).toBe(true);
    await kindBox.click();
    await b.page.getByRole('option', { name: '户口本', exact: true }).click();
    type Settings = { __double: { state: { settings: { saved: Map<string, unknown> } } } };
    await b.page.waitForFunction(() => JSON.stringify((window as unknown as Settings).__double.state.settings.saved.get('xjLinkState') ?? '').includes('户口本'));
    const saved = await b.page.evaluate(() => JSON.stringify((window as unknown as Settings).__double.state.settings.saved.get('xjLinkState')));
    expect(JSON.parse(saved).entries).toEqual([expect.objectContaining({ studentId: expect.stringContaining(STUDENTS[0].key), kind: '户口本' })]);

    await b.page.getByRole('button', { name: '清空', exact: true }).click();
    await expect(pickScanFolder(b.page, loose)).resolves.toMatch(/已恢复上次手动指定的 1 个对应关系/);
    await b.screenshot('excel-6-restored');
  });

  it('asks before inserting the template next to a table of its kinds, then adds only the missing ones', async () => {
    await b.page.getByRole('toolbar', { name: '操作' }).getByRole('button', { name: '插入模板' }).click();
    const question = b.page.getByTestId('template-question');
    await question.waitFor();
    await expect(question.textContent()).resolves.toContain(`在籍生:“${SHEET}”`);
    // Nothing was added while the pane asks.
    expect((await view(b)).sheets.map((s) => s.name)).toEqual([SHEET]);
    await b.screenshot('excel-7-template-question');
    await question.getByRole('button', { name: '只添加新生、毕业生' }).click();
    await waitForNotice(b.page, /已插入统计表模板:新生、毕业生/);
    expect((await view(b)).sheets.map((s) => s.name)).toEqual([SHEET, '新生', '毕业生']);
    expect(await question.count()).toBe(0);
  });

  it('made no request that left 127.0.0.1', () => {
    expect(b.outside).toEqual([]);
    expect(b.requests.length).toBeGreaterThan(0);
    expect(b.requests.every((u) => u.startsWith(session.server.url))).toBe(true);
    expect(b.pageErrors).toEqual([]);
  });
});
