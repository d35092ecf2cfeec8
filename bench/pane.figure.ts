/**
 * Figures `pane-scans` and `pane-freeze`: the built task pane in Chromium at a real batch (file mode, as a registrar
 * outside Office uses it, which runs the same pane code as in Excel): a 1,000-student workbook and 300 scans of about
 * 450 KB (~135 MB).
 * - pane-scans: picking the 300 scans with the 扫描件 tab open (from the folder input's files being set until the
 *   pane has inspected, linked and validated them: its `xj:选择扫描件` measure ends), against
 *   `xjcheck validate --scans` on the same workbook and folder, side by side (alternating, median); goal ≤ 2.
 * - pane-freeze: the longest main-thread task while picking (PerformanceObserver 'longtask'), median of the rounds'
 *   longest, against 200 ms; goal ≤ 1.
 * Also printed: where the pick's time goes (the pane's xj:… measures), and opening the 学生材料 tab for 1,000 and
 * 5,000 students until the first cards are painted (goal < 1 s). Needs /usr/bin/chromium. `npm run bench -- pane`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batchStudents, writeBatchScans, writeBatchWorkbook } from '../test/e2e/support/batch';
import { chromiumAvailable, openPaneBrowser } from '../test/e2e/support/browser';
import { E2E_DIST, ROOT, ensurePaneBuilt } from '../test/e2e/support/build';
import { serveDirectory } from '../test/e2e/support/server';
import { emit, median, sideBySide } from './lib/figure';

const STUDENTS = 1000;
const MANY_STUDENTS = 5000;
const SCANS = 300;
const SCAN_BYTES = 450 * 1024;
const ROUNDS = 5;
const FREEZE_MS = 200;

type Seen = { __longtasks: { start: number; duration: number }[] };
/** __armPicked() makes __picked a promise of the pane's next `xj:选择扫描件` measure (the end of a pick). */
type Picked = { __armPicked(): void; __picked: Promise<void> };

/** Clicks a tab inside the page and resolves with the time until a student card is painted. */
const OPEN_EVIDENCE = `new Promise((resolve) => {
  const t0 = performance.now();
  document.getElementById('tab-evidence').click();
  const check = () => document.querySelector('[data-student]') ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0))) : requestAnimationFrame(check);
  check();
})`;

const PICKED = 'xj:选择扫描件';
const INIT = `window.__longtasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  window.__armPicked = () => { window.__picked = new Promise((resolve) => {
    const seen = new PerformanceObserver((list) => { if (list.getEntriesByName('${PICKED}').length) { seen.disconnect(); resolve(); } });
    seen.observe({ type: 'measure' });
  }); };`;

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log('pane: /usr/bin/chromium is missing; not measured');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'xj-bench-pane-'));
  try {
    const students = batchStudents(MANY_STUDENTS);
    const workbook = path.join(dir, `在籍生${STUDENTS}人.xlsx`);
    const large = path.join(dir, `在籍生${MANY_STUDENTS}人.xlsx`);
    await writeBatchWorkbook(workbook, students.slice(0, STUDENTS));
    await writeBatchWorkbook(large, students);
    const scanDir = path.join(dir, '扫描件');
    const files = writeBatchScans(scanDir, students, SCANS, { bytes: SCAN_BYTES });
    const total = files.reduce((n, f) => n + statSync(f).size, 0);
    console.log(`工作簿 ${STUDENTS} 名学生;扫描件 ${files.length} 个,共 ${(total / 1024 / 1024).toFixed(0)} MB`);

    // The CLI as the sources are now (dist/cli.js may be older).
    execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const cliValidate = (): number => {
      const start = performance.now();
      const r = spawnSync(process.execPath, [cli, 'validate', workbook, '--scans', scanDir, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const ms = performance.now() - start;
      if (r.status !== 0 && r.status !== 1) throw new Error(`xjcheck failed (${r.status}): ${r.stderr}`);
      return ms;
    };

    ensurePaneBuilt();
    const server = await serveDirectory(E2E_DIST);
    const b = await openPaneBrowser();
    try {
      await b.context.addInitScript(INIT);
      await b.page.goto(`${server.url}/taskpane.html`);
      const notice = b.page.getByTestId('notice');
      await b.page.getByTestId('workbook-input').setInputFiles(workbook);
      await notice.filter({ hasText: /发现|表格中没有错误/ }).waitFor({ timeout: 120_000 });

      // Picking with the 扫描件 tab open: the worst case (its list and thumbnails are drawn while the pick runs).
      await b.page.getByRole('tab', { name: '扫描件' }).click();
      await b.page.getByTestId('scan-picker').waitFor();
      const freezes: number[] = [];
      const longestAt: number[] = [];
      let lastRound: { tasks: Seen['__longtasks']; measures: { name: string; start: number; ms: number }[] } | undefined;
      const pick = async (): Promise<number> => {
        const pageT0 = await b.page.evaluate(() => {
          (window as unknown as Seen).__longtasks = [];
          (window as unknown as Picked).__armPicked();
          return performance.now();
        });
        const t0 = performance.now();
        await b.page.getByTestId('scan-folder-input').setInputFiles(scanDir);
        await b.page.evaluate(() => (window as unknown as Picked).__picked);
        const ms = performance.now() - t0;
        const said = (await notice.textContent()) ?? '';
        if (!said.includes(`已添加 ${SCANS} 个文件`)) throw new Error(`not every scan was added: ${said}`);
        const tasks = await b.page.evaluate(() => (window as unknown as Seen).__longtasks);
        const longest = tasks.reduce((a, t) => (t.duration > a.duration ? t : a), { start: 0, duration: 0 });
        freezes.push(longest.duration);
        const measures = await b.page.evaluate(
          (from) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('xj:') && m.startTime >= from).map((m) => ({ name: m.name.slice(3), start: m.startTime - from, ms: m.duration })),
          pageT0,
        );
        lastRound = { tasks: tasks.map((t) => ({ start: t.start - pageT0, duration: t.duration })), measures };
        // Where the longest task lies against the pane's own work (which starts in the folder input's change event,
        // at the end of the browser's task that builds the picked File objects).
        const paneStart = measures.find((m) => m.name === PICKED.slice(3))?.start ?? 0;
        longestAt.push(longest.start - pageT0 - paneStart);
        return ms;
      };
      // One of each first: the pane's first pick also starts its worker and loads the inspector's code.
      const firstPick = await pick();
      freezes.length = 0;
      longestAt.length = 0;
      cliValidate();
      const r = await sideBySide(pick, cliValidate, ROUNDS);
      console.log(`第一次选择(启动工作线程、加载代码):${firstPick.toFixed(0)} ms`);
      console.log(`选择 ${SCANS} 个扫描件:${r.a.map((ms) => ms.toFixed(0)).join(' / ')} ms;xjcheck validate --scans:${r.b.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
      console.log(`每轮最长的主线程任务:${freezes.map((ms, i) => `${ms.toFixed(0)} ms(始于任务窗格开始处理之${longestAt[i] < 0 ? '前' : '后'} ${Math.abs(longestAt[i]).toFixed(0)} ms)`).join(' / ')}`);
      if (lastRound) {
        console.log('最后一轮:');
        for (const t of lastRound.tasks) console.log(`  长任务 第 ${t.start.toFixed(0)} ms 起,${t.duration.toFixed(0)} ms`);
        for (const m of lastRound.measures) console.log(`  ${m.name}:第 ${m.start.toFixed(0)} ms 起,${m.ms.toFixed(0)} ms`);
      }
      emit({
        id: 'pane-scans',
        value: r.medianA,
        baseline: r.medianB,
        unit: 'ms',
        runs: ROUNDS,
        goal: 2,
        what: `任务窗格选择 ${SCANS} 个扫描件(${STUDENTS} 名学生,Chromium)/ xjcheck validate --scans`,
        extra: { firstPickMs: Math.round(firstPick), scanMB: Math.round(total / 1024 / 1024) },
      });
      emit({
        id: 'pane-freeze',
        value: median(freezes),
        baseline: FREEZE_MS,
        unit: 'ms',
        runs: ROUNDS,
        goal: 1,
        what: '选择扫描件时最长的主线程任务 / 200 ms',
        extra: { maxMs: Math.round(Math.max(...freezes)) },
      });

      const evidence1k = (await b.page.evaluate(OPEN_EVIDENCE)) as number;
      await b.page.getByRole('tab', { name: '问题' }).click();
      await b.page.getByTestId('workbook-input').setInputFiles(large);
      await notice.filter({ hasText: /发现|表格中没有错误/ }).waitFor({ timeout: 300_000 });
      await b.page.evaluate(() => ((window as unknown as Seen).__longtasks = []));
      const evidence5k = (await b.page.evaluate(OPEN_EVIDENCE)) as number;
      const longest5k = Math.max(0, ...(await b.page.evaluate(() => (window as unknown as Seen).__longtasks.map((t) => t.duration))));
      const cards = await b.page.locator('[data-student]').count();
      console.log(`打开“学生材料”:${STUDENTS} 人 ${evidence1k.toFixed(0)} ms;${MANY_STUDENTS} 人 ${evidence5k.toFixed(0)} ms(目标 < 1000 ms),最长长任务 ${longest5k.toFixed(0)} ms,绘出 ${cards} 张卡片`);
    } finally {
      await b.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
