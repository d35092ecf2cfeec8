/**
 * Figure `pane-js`: the task pane's initial JavaScript against the barest Fluent UI page (React 18, FluentProvider,
 * one Button, one Text: bench/bare-page/), both built by webpack.config.js in production mode (the pane as the
 * end-to-end tests build it, into dist/e2e; the bare page with `--env page=bare`). Each page is loaded in headless
 * Chromium from 127.0.0.1 with a fresh profile; "initial" is every .js response the page requested before its real
 * content was in the DOM (the pane's toolbar, the bare page's button), office.js excepted (Office provides it; the
 * bare page has none), each counted gzipped (level 9) from the built file. The value is the pane inside Excel (over
 * the in-memory Excel double standing in for office.js: what a registrar gets); the page outside Office is in
 * `extra`. Sizes do not vary between rounds; the rounds show that. Needs /usr/bin/chromium. `npm run bench -- pane-js`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { chromiumAvailable, openPaneBrowser, type PaneBrowser } from '../test/e2e/support/browser';
import { E2E_DIST, ROOT, ensurePaneBuilt } from '../test/e2e/support/build';
import { SHEET, STUDENTS, sheetValues } from '../test/e2e/support/fixtures';
import { BLOCKED_TELEMETRY } from '../test/e2e/support/pane';
import { serveDirectory } from '../test/e2e/support/server';
import { emit, sideBySide } from './lib/figure';

const ROUNDS = 3;
const GOAL = 1.3;
const PANE_CONTENT = '[role="toolbar"] button';
const BARE_CONTENT = 'button';

interface Load {
  /** Gzipped KB of the .js requested before the first content. */
  kb: number;
  files: { file: string; kb: number }[];
  /** Gzipped KB of the .js requested after it (until the network is idle). */
  laterKb: number;
  /** When the content was in the DOM, ms after navigation started. */
  contentMs: number;
}

/** Records when the first element matching `selector` enters the DOM (performance.now(), like resource timings). */
const markContent = (selector: string) => `window.__contentAt = undefined;
  new MutationObserver((_, observer) => {
    if (!document.querySelector(${JSON.stringify(selector)})) return;
    window.__contentAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });`;

const gzKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

async function load(url: string, dir: string, selector: string, setup?: (b: PaneBrowser) => Promise<void>): Promise<Load> {
  const b = await openPaneBrowser();
  try {
    await b.context.addInitScript(markContent(selector));
    if (setup) await setup(b);
    await b.page.goto(url);
    await b.page.waitForFunction(() => (window as unknown as { __contentAt?: number }).__contentAt !== undefined, null, { timeout: 60_000 });
    await b.page.waitForLoadState('networkidle');
    const { contentAt, scripts } = await b.page.evaluate(() => ({
      contentAt: (window as unknown as { __contentAt: number }).__contentAt,
      scripts: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime })),
    }));
    const errors = b.pageErrors.filter((e) => !BLOCKED_TELEMETRY.test(e));
    if (errors.length) throw new Error(`${url}: ${errors.join('\n')}`);
    const ours = scripts.filter((s) => new URL(s.url).pathname.endsWith('.js') && !new URL(s.url).pathname.startsWith('/office-js/'));
    const sized = ours.map((s) => ({ file: new URL(s.url).pathname.slice(1), kb: gzKb(path.join(dir, new URL(s.url).pathname)), before: s.start < contentAt }));
    const initial = sized.filter((s) => s.before);
    const sum = (xs: { kb: number }[]) => xs.reduce((n, x) => n + x.kb, 0);
    return { kb: sum(initial), files: initial.map(({ file, kb }) => ({ file, kb })), laterKb: sum(sized.filter((s) => !s.before)), contentMs: contentAt };
  } finally {
    await b.close();
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const listFiles = (l: Load) => l.files.map((f) => `${f.file} ${f.kb.toFixed(1)}`).join(', ');

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log('pane-js: /usr/bin/chromium is missing; not measured');
    return;
  }
  ensurePaneBuilt();
  const bareDir = mkdtempSync(path.join(tmpdir(), 'xj-bench-bare-page-'));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', 'page=bare', '--env', `out=${bareDir}`], { cwd: ROOT, stdio: 'pipe' });
    const pane = await serveDirectory(E2E_DIST);
    const bare = await serveDirectory(bareDir);
    // The in-memory Excel in office.js's place, as in the end-to-end tests: a workbook with one table, not yet validated.
    const double = buildSync({ entryPoints: [path.join(ROOT, 'test', 'e2e', 'support', 'double-page.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' }).outputFiles[0].text;
    const spec = { name: '统计表.xlsx', sheets: [{ name: SHEET, rows: sheetValues(STUDENTS) }], fileBase64: '' };
    const inExcel = async (b: PaneBrowser) => {
      await b.context.addInitScript(`window.__doubleSpec = ${JSON.stringify(spec)};`);
      await b.page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: double }));
    };
    try {
      const loads: Record<'excel' | 'file' | 'bare', Load[]> = { excel: [], file: [], bare: [] };
      const measure = (kind: keyof typeof loads, l: Promise<Load>) => l.then((x) => (loads[kind].push(x), x.kb));
      const paneUrl = `${pane.url}/taskpane.html`;
      const bareUrl = `${bare.url}/taskpane.html`;
      const excel = await sideBySide(
        () => measure('excel', load(paneUrl, E2E_DIST, PANE_CONTENT, inExcel)),
        () => measure('bare', load(bareUrl, bareDir, BARE_CONTENT)),
        ROUNDS,
      );
      const file = await sideBySide(
        () => measure('file', load(paneUrl, E2E_DIST, PANE_CONTENT)),
        () => measure('bare', load(bareUrl, bareDir, BARE_CONTENT)),
        ROUNDS,
      );
      const baseline = (excel.medianB + file.medianB) / 2;
      for (const kind of ['excel', 'file', 'bare'] as const) {
        const l = loads[kind][0];
        console.log(`${{ excel: '任务窗格(Excel 中)', file: '任务窗格(Office 之外)', bare: '空白 Fluent 页面' }[kind]}:首屏前 JS ${l.kb.toFixed(1)} KB(gzip),之后 ${l.laterKb.toFixed(1)} KB;内容出现于 ${loads[kind].map((x) => x.contentMs.toFixed(0)).join(' / ')} ms`);
        for (const f of l.files) console.log(`  ${f.file.padEnd(28)} ${f.kb.toFixed(1).padStart(7)} KB`);
      }
      const ratio = excel.medianA / baseline;
      emit({
        id: 'pane-js',
        value: r1(excel.medianA),
        baseline: r1(baseline),
        unit: 'KB',
        runs: ROUNDS,
        goal: GOAL,
        what: '任务窗格首屏 JS(Excel 中,gzip)/ 空白 Fluent 页面',
        // Where the goal is missed, the initial files and their sizes are in extra.
        ...(ratio > GOAL ? { note: '首屏 JS 超出目标,各文件大小见 excelInitial' } : {}),
        extra: {
          fileModeKb: r1(file.medianA),
          fileModeRatio: Number((file.medianA / baseline).toFixed(3)),
          excelInitial: listFiles(loads.excel[0]),
          fileModeInitial: listFiles(loads.file[0]),
          bareInitial: listFiles(loads.bare[0]),
          excelAfterFirstPaintKb: r1(loads.excel[0].laterKb),
        },
      });
    } finally {
      await pane.close();
      await bare.close();
    }
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
