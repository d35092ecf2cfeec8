// Times validating a 10,000-row 新生 table through the WPS host over the in-memory ET double: reading the sheet
// through the object model, the engine, and marking. The double answers each call in memory, so the figure is
// the adapter's and the engine's own cost plus the number of calls; real WPS adds its per-call cost (unmeasured).
import { validateWorkbook } from '../src/rules/engine';
import type { Wps } from '../src/wps/et';
import { createWpsHost } from '../src/wps/host';
import { newStudentSheet } from '../test/excel/workbooks';
import { type CellSpec, createEtDouble } from '../test/wps-double';

const ROWS = 10_000;

async function timed<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await f();
  console.log(`${label.padEnd(34)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return value;
}

async function run(): Promise<void> {
  const sheet = newStudentSheet(ROWS);
  // Every 100th 学号 typed as a number, so there is something to mark.
  const rows = sheet.rows!.map((r, i) => (i > 1 && i % 100 === 0 ? r.map((v, j) => (j === 2 ? Number(v) : v)) : r)) as CellSpec[][];
  const double = createEtDouble({ folder: '/home/教务员/文档', fileName: '统计表.xlsx', sheets: [{ name: sheet.name, rows, merges: sheet.merges }] });
  const host = createWpsHost(double.wps as unknown as Wps);

  let calls = double.calls();
  const grid = await timed(`read ${ROWS} rows through ET`, () => host.readWorkbook());
  console.log(`calls into the object model (read) ${String(double.calls() - calls).padStart(7)}`);
  const result = await timed('validateWorkbook', () => validateWorkbook(grid, { asOf: '2025-10-01' }));
  calls = double.calls();
  await timed('markProblems', () => host.markProblems(result.problems));
  console.log(`calls into the object model (mark) ${String(double.calls() - calls).padStart(7)}`);
  console.log(`rows ${result.tables[0]?.rows.length}, problems ${result.problems.length} (errors ${result.counts.error}, warnings ${result.counts.warning})`);
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
