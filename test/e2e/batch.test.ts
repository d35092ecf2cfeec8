/**
 * End-to-end, run 3: the built pane (file mode) at a batch of 200 students and 41 scans (one a phone photo, one a
 * file that belongs to no one): status that tells the truth, feedback where the eye is, words for a registrar,
 * accessibility (axe-core on each tab, announcements, headings) and the narrow widths of a task pane.
 * The 1,000-student / 300-scan scale and its timings are in bench/pane.bench.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RECORD_ANNOUNCEMENTS, announcements, headingJumps, headingLevels, seriousAxeFindings } from './support/a11y';
import { type BatchStudent, batchStudents, writeBatchScans, writeBatchWorkbook } from './support/batch';
import { type PaneBrowser, chromiumAvailable } from './support/browser';
import { BLOCKED_TELEMETRY, NO_SAVE_PICKER, countOf, eventually, openTab, waitForNotice } from './support/pane';
import { type PaneSession, openPaneSession } from './support/session';

const describeIf = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn('e2e: /usr/bin/chromium is missing, the end-to-end tests are skipped');

const COUNT = 200;
const SCANNED = 40;
/** The second scanned student's 身份证 is a phone photo. */
const PHONE = 1;
const WORKBOOK = '在籍生200人.xlsx';
const TABS = ['问题', '学生材料', '扫描件', '导出', '设置'];
/** The file that belongs to no one, as the pane names it (relative to the picked folder's parent, like every path). */
const STRAY = 'scans/杂项/扫描0001.jpg';
/** What a registrar must never read in the pane: command-line flags, parser or schema English. */
const PROGRAMMER_WORDS = /--[a-z]|\bzod\b|JSON\.parse|Unexpected token|Unrecognized key|Invalid input|expected (number|string)/;

describeIf('task pane at a batch (file mode, 200 students)', () => {
  let session: PaneSession;
  let b: PaneBrowser;
  let students: BatchStudent[];
  let scanDir: string;
  const notice = () => b.page.getByTestId('notice');
  const intent = () => notice().getAttribute('data-intent');

  /** axe on the tab, the headings, and the words shown: the checks every tab gets. */
  async function checkTab(name: string): Promise<void> {
    await openTab(b.page, name);
    await b.page.getByRole('tabpanel').waitFor();
    await b.page.waitForTimeout(200);
    expect({ tab: name, findings: await seriousAxeFindings(b.page) }).toEqual({ tab: name, findings: [] });
    expect({ tab: name, jumps: headingJumps(await headingLevels(b.page)) }).toEqual({ tab: name, jumps: [] });
    expect(await b.page.locator('body').innerText()).not.toMatch(PROGRAMMER_WORDS);
  }

  beforeAll(async () => {
    session = await openPaneSession('batch');
    b = session.b;
    students = batchStudents(COUNT);
    await writeBatchWorkbook(path.join(session.tmp, WORKBOOK), students);
    scanDir = path.join(session.tmp, 'scans');
    writeBatchScans(scanDir, students, SCANNED, { phonePhoto: PHONE, stray: true });
    await b.context.addInitScript(`${NO_SAVE_PICKER} ${RECORD_ANNOUNCEMENTS}`);
    await b.page.goto(`${session.server.url}/taskpane.html`);
  }, 600_000);

  afterAll(() => session?.close());

  it('opens the workbook: no green "没有错误" while export is refused, and the export tab says why', async () => {
    await b.page.getByTestId('workbook-input').setInputFiles(path.join(session.tmp, WORKBOOK));
    const text = await waitForNotice(b.page, /表格中没有错误.*还没有选择扫描件/);
    expect(await intent()).toBe('warning');
    // Announced to screen readers once, as shown.
    expect(await eventually(async () => (await announcements(b.page)).filter((a) => a.includes(text)).length, 1)).toBe(1);
    await checkTab('问题');
    await checkTab('导出');
    await expect(b.page.getByTestId('export-readiness').textContent()).resolves.toBe('还不能导出');
    await expect(b.page.getByTestId('export-blockers').textContent()).resolves.toMatch(/尚未选择扫描件/);
    await expect(b.page.getByTestId('export-panel').getByRole('button', { name: '导出材料包' }).isDisabled()).resolves.toBe(true);
  });

  it('picks the scans: the notice says what is missing, never "都已对应", and the stray file has its own heading', async () => {
    await openTab(b.page, '扫描件');
    await b.page.getByTestId('scan-folder-input').setInputFiles(scanDir);
    const text = await waitForNotice(b.page, /已添加 \d+ 个文件/);
    expect(text).toMatch(`已添加 ${SCANNED + 1} 个文件`);
    expect(text).toMatch('1 个文件没有对应到学生');
    expect(text).toMatch(`${COUNT - SCANNED} 位学生缺材料`);
    expect(text).toMatch('1 位学生的扫描件有问题');
    expect(text).not.toMatch(/都已对应/);
    expect(await intent()).toBe('warning');
    // The scans tab: the file that matches no one first, under its own heading.
    const list = b.page.getByTestId('scan-list');
    await expect(list.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe('未对应的文件(1)');
    await expect(list.locator('[data-scan]').first().getAttribute('data-scan')).resolves.toBe(STRAY);
    // Only the rows in view are drawn (the list is virtualized).
    expect(await list.locator('[data-scan]').count()).toBeLessThan(SCANNED);
    await checkTab('扫描件');
    // The problem list: the stray file under 未对应到学生的文件, not under the last student.
    await openTab(b.page, '问题');
    const rows = b.page.getByTestId('problem-list');
    const heading = rows.getByRole('heading', { name: '未对应到学生的文件' });
    await rows.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await heading.waitFor();
    const after = await heading.evaluate((h) => h.closest('[data-index]')!.nextElementSibling?.querySelector('[data-rule]')?.getAttribute('data-rule'));
    expect(after).toBe('evidence-unmatched');
    await expect(heading.evaluate((h) => h.closest('[data-index]')!.nextElementSibling?.textContent)).resolves.toMatch(STRAY);
  });

  it('assigns the stray file with a combobox that searches (刘 → the 刘s, 刘娜 → one)', async () => {
    await openTab(b.page, '扫描件');
    const row = b.page.locator(`[data-scan="${STRAY}"]`);
    const box = row.getByRole('combobox', { name: /属于哪位学生/ });
    await box.click();
    await box.fill('刘');
    const liu = students.filter((s) => s.name.startsWith('刘'));
    expect(await countOf(b.page.getByRole('option', { name: /刘/ }), liu.length)).toBe(liu.length);
    await box.fill('刘娜');
    const target = students.find((s) => s.name === '刘娜')!;
    expect(students.indexOf(target)).toBeGreaterThanOrEqual(SCANNED);
    expect(await countOf(b.page.getByRole('option', { name: /刘娜/ }), 1)).toBe(1);
    await b.page.getByRole('option', { name: `${target.key}刘娜` }).click();
    await waitForNotice(b.page, new RegExp(`已对应:${STRAY};请再选择材料类型`));
    const kind = b.page.locator(`[data-scan="${STRAY}"]`).getByRole('combobox', { name: /是什么材料/ });
    expect(await eventually(() => kind.isEnabled(), true)).toBe(true);
    await kind.click();
    await b.page.getByRole('option', { name: '身份证', exact: true }).click();
    await waitForNotice(b.page, new RegExp(`已对应:${STRAY} → ${target.key}刘娜\\(身份证\\)`));
    // The notice is in view, where the registrar looks, though the list is long.
    const box2 = await notice().boundingBox();
    expect(box2!.y).toBeGreaterThanOrEqual(0);
    expect(box2!.y + box2!.height).toBeLessThanOrEqual(b.page.viewportSize()!.height);
  });

  it('shows each student\'s state; 已有 only for a file that passes; a filter for the unfinished', async () => {
    await checkTab('学生材料');
    await expect(b.page.getByTestId('student-counts').textContent()).resolves.toBe(`齐全 ${SCANNED} · 缺材料 ${COUNT - SCANNED - 1} · 有问题 1`);
    const phone = b.page.locator(`[data-student="${students[PHONE].key}"]`);
    await expect(phone.getAttribute('data-state')).resolves.toBe('problem');
    await expect(phone.getByText('已有', { exact: true }).count()).resolves.toBe(0);
    await expect(phone.getByText('文件有问题', { exact: true }).count()).resolves.toBe(1);
    await expect(phone.textContent()).resolves.toMatch(/手机/);
    await b.page.getByRole('switch', { name: '只看有问题的学生' }).click();
    await expect(b.page.locator('[data-student]').first().getAttribute('data-student')).resolves.toBe(students[PHONE].key);
    expect(await b.page.locator('[data-state="complete"]').count()).toBe(0);
    expect(await b.page.locator('[data-student]').count()).toBeLessThan(COUNT - SCANNED);
    await b.screenshot('batch-1-evidence');
  });

  it('the export tab lists what blocks, with counts and a link to the first place; a refused click says so briefly', async () => {
    await checkTab('导出');
    const blockers = await b.page.getByTestId('export-blockers').textContent();
    expect(blockers).toMatch(`每名学生须附上其更正所需的全部证明材料扫描件:${COUNT - SCANNED - 1} 处`);
    // The phone photo is an error whatever density the phone wrote (SPEC scan-phone-photo): it blocks too, counted apart.
    expect(blockers).toMatch('材料须用扫描仪或高拍仪扫描,不得用手机拍照:1 处');
    await b.page.getByRole('toolbar', { name: '操作' }).getByRole('button', { name: '导出材料包' }).click();
    const text = await waitForNotice(b.page, /还不能导出材料包/);
    expect(text.length).toBeLessThan(160);
    await b.page.getByTestId('export-blockers').getByRole('button', { name: /^查看第一处/ }).first().click();
    await expect(b.page.getByRole('tab', { name: '问题' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(b.page.getByRole('combobox', { name: '按规则筛选' }).textContent()).resolves.toMatch(`每名学生须附上其更正所需的全部证明材料扫描件(${COUNT - SCANNED - 1})`);
    expect(new Set(await b.page.locator('[data-testid="problem-list"] [data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))))).toEqual(new Set(['evidence-missing']));
  });

  it('the problem list: cell addresses in file mode, the rule filter sorted with counts, errors first within a student', async () => {
    const filter = b.page.getByRole('combobox', { name: '按规则筛选' });
    await filter.click();
    const options = await b.page.getByRole('option').allTextContents();
    expect(options[0]).toMatch(/^全部规则\(\d+\)$/);
    const counts = options.slice(1).map((o) => Number(/\((\d+)\)$/.exec(o)![1]));
    expect(counts.length).toBeGreaterThan(1);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    await b.page.getByRole('option', { name: /^全部规则/ }).click();
    // No button that only says "open it in Excel": the place is written out.
    const list = b.page.getByTestId('problem-list');
    expect(await list.locator('[data-cell] button').count()).toBe(0);
    await expect(list.locator('[data-cell]').first().textContent()).resolves.toMatch(/在籍生!C\d+/);
    // Errors before warnings within each student drawn.
    const order = await list.locator('h3, [data-severity]').evaluateAll((els) => els.map((e) => (e.tagName === 'H3' ? '|' : e.getAttribute('data-severity'))));
    for (const group of order.join(',').split('|')) {
      const sev = group.split(',').filter(Boolean);
      expect(sev).toEqual([...sev].sort((x, y) => ['error', 'warning', 'info'].indexOf(x!) - ['error', 'warning', 'info'].indexOf(y!)));
    }
  });

  it('settings: the as-of date as YYYY-MM-DD, applied when complete and valid; a bad policy file explained field by field', async () => {
    await checkTab('设置');
    const asOf = b.page.getByTestId('as-of');
    const summary = () => b.page.getByTestId('summary').textContent();
    const before = await summary();
    await asOf.fill('2026-1');
    await b.page.waitForTimeout(300);
    expect(await summary()).toBe(before);
    await asOf.fill('2026-02-30');
    await expect(b.page.getByText('2026 年 2 月没有 30 日。').count()).resolves.toBe(1);
    expect(await summary()).toBe(before);
    await asOf.fill('2026-11-30');
    expect(await eventually(async () => /校验日期 2026-11-30/.test((await summary()) ?? ''), true)).toBe(true);

    const policy = path.join(session.tmp, 'policy.json');
    writeFileSync(policy, JSON.stringify({ changeTimelyDay: 90, scan: { maxBytes: '10MB' } }));
    await b.page.getByLabel('策略文件').setInputFiles(policy);
    const text = await waitForNotice(b.page, /策略文件有 2 处不对/);
    expect(text).toMatch('有不认识的设置项 “changeTimelyDay”');
    expect(text).toMatch('扫描件要求 › 文件大小上限(字节)(scan.maxBytes):应为数字');
    expect(text).not.toMatch(/已载入/);
    expect(text).not.toMatch(PROGRAMMER_WORDS);
    expect(await intent()).toBe('error');
    await expect(b.page.getByTestId('settings').textContent()).resolves.toMatch('当前:国家开放大学默认策略');
    writeFileSync(policy, '{\n  "changeTimelyDays": 90,\n}');
    await b.page.getByLabel('策略文件').setInputFiles(policy);
    expect(await waitForNotice(b.page, /策略文件第 3 行第 1 列附近的写法有误/)).not.toMatch(PROGRAMMER_WORDS);
  });

  it('shows the date as YYYY-MM-DD in an English-language browser too', async () => {
    const context = await b.browser.newContext({ locale: 'en-US', viewport: { width: 350, height: 700 } });
    try {
      const page = await context.newPage();
      await page.goto(`${session.server.url}/taskpane.html`);
      await page.getByRole('tab', { name: '设置' }).click();
      await expect(page.getByTestId('as-of').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      await context.close();
    }
  });

  it('fits 350 and 450 px without sideways scrolling (screenshots show the Chinese text)', async () => {
    for (const width of [350, 450]) {
      await b.page.setViewportSize({ width, height: 800 });
      for (const [i, tab] of ['问题', '学生材料', '扫描件'].entries()) {
        await openTab(b.page, tab);
        await b.page.waitForTimeout(300);
        const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect({ width, tab, overflow }).toEqual({ width, tab, overflow: 0 });
        await b.screenshot(`batch-${width}-${i + 1}-${tab}`);
      }
    }
  });

  it('made no request that left 127.0.0.1, and every tab was checked', () => {
    expect(TABS.length).toBe(5);
    expect(b.outside).toEqual([]);
    expect(b.pageErrors.filter((e) => !BLOCKED_TELEMETRY.test(e))).toEqual([]);
  });
});
