/**
 * End-to-end: the registrar's first action is 校验 on the ribbon, before the pane has loaded. Office delivers the
 * click as soon as the page's script has run and drops it when no action is associated by then (office-js issues
 * #5176, #3378); the double does the same. The pane must associate its actions in Office.onReady, before any
 * chunk loads, and run the click once it is ready: the cells get marked and the list shows the problems.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';
import { type PaneBrowser, chromiumAvailable } from './support/browser';
import type { DoubleView } from './support/double-page';
import { FIRST_DATA_ROW, SHEET, STUDENTS, sheetValues } from './support/fixtures';
import { listedRules, waitForNotice } from './support/pane';
import { type PaneSession, openPaneSession } from './support/session';

const describeIf = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn('e2e: /usr/bin/chromium is missing, the first-click test is skipped');

const view = (b: PaneBrowser) => b.page.evaluate(() => (window as unknown as { __doubleView: () => DoubleView }).__doubleView());

describeIf('the first ribbon click, before the pane has loaded', () => {
  let session: PaneSession;
  let b: PaneBrowser;

  beforeAll(async () => {
    session = await openPaneSession('first-click');
    b = session.b;
    const double = buildSync({ entryPoints: [path.join(__dirname, 'support', 'double-page.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' }).outputFiles[0].text;
    const spec = { name: '统计表.xlsx', sheets: [{ name: SHEET, rows: sheetValues(STUDENTS), merges: ['A1:I1'] }], fileBase64: '', firstClick: 'validate' };
    await b.context.addInitScript(`window.__doubleSpec = ${JSON.stringify(spec)};`);
    await b.page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: double }));
    await b.page.goto(`${session.server.url}/taskpane.html`);
  }, 600_000);

  afterAll(() => session?.close());

  it('is not dropped: 校验 runs once the pane is ready, marks the cells and lists the problems', async () => {
    await waitForNotice(b.page, /发现 \d+ 个错误/);
    const state = await view(b);
    expect(state.droppedClicks).toEqual([]);
    expect(state.sheets.find((s) => s.name === SHEET)!.filled).toContain(`C${FIRST_DATA_ROW + 1}`);
    expect(await listedRules(b.page)).toContain('sort-order');
    await b.screenshot('first-click-validated');
  });

  it('asked Office to start the add-in with the workbook next time, and made no request that left 127.0.0.1', async () => {
    const startup = await b.page.evaluate(() => (window as unknown as { __double: { state: { startupBehavior: string | null } } }).__double.state.startupBehavior);
    expect(startup).toBe('Load');
    expect(b.outside).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });

  it('in an Excel too old to read the sheets in place (Office 2016, ExcelApi 1.1) the pane works on the saved file and says so', async () => {
    const spec = { name: '统计表.xlsx', sheets: [{ name: SHEET, rows: sheetValues(STUDENTS) }], fileBase64: '', profile: 'office-2016' };
    await b.context.addInitScript(`window.__doubleSpec = ${JSON.stringify(spec)};`);
    await b.page.reload();
    await waitForNotice(b.page, /此 Excel 版本不能直接读取和标记工作表.*打开已保存的 \.xlsx 文件/);
    await expect(b.page.getByRole('button', { name: /打开工作簿/ }).first().isVisible()).resolves.toBe(true);
    await b.screenshot('office-2016-file-mode');
    expect(b.pageErrors).toEqual([]);
  });
});
