/**
 * Figure `sync`: how many `context.sync()` calls validating in Excel takes (read the sheets, run the engine, mark
 * the problems) for a 100,000-row 新生 sheet against a 100-row one, through the in-memory Excel double
 * (test/excel-double, Microsoft 365 profile, 5 MB request and response limit). Every tenth row has two faults, so
 * the large sheet hits the add-in's 20,000 marked cells. A count is deterministic; the rounds still alternate and
 * their time goes in `extra`.
 */
import { createExcelHost } from '../src/excel/host';
import { decodeMarks } from '../src/excel/mark-store';
import { validateWorkbook } from '../src/rules/engine';
import { createExcelDouble, installExcelDouble } from '../test/excel-double';
import { faultyNewStudentSheet } from '../test/excel/workbooks';
import { emit, median, sideBySide } from './lib/figure';

const LARGE = 100_000;
const SMALL = 100;
const ROUNDS = 3;

interface Run {
  read: number;
  mark: number;
  marked: number;
  ms: number;
  maxRequestMb: number;
  maxResponseMb: number;
}

async function validateInExcel(rows: number): Promise<Run> {
  const double = createExcelDouble({ sheets: [faultyNewStudentSheet(rows)] });
  const uninstall = installExcelDouble(double);
  try {
    const host = createExcelHost();
    const start = performance.now();
    const grid = await host.readWorkbook();
    const read = double.syncCount();
    const result = validateWorkbook(grid, { asOf: '2025-10-01' });
    await host.markProblems(result.problems);
    const ms = performance.now() - start;
    const marked = double.state.customXmlParts.flatMap((p) => decodeMarks(p.xml)).length;
    const mb = (n: number) => Number((n / 1024 / 1024).toFixed(2));
    return {
      read,
      mark: double.syncCount() - read,
      marked,
      ms,
      maxRequestMb: mb(Math.max(...double.state.syncs.map((s) => s.requestBytes))),
      maxResponseMb: mb(Math.max(...double.state.syncs.map((s) => s.responseBytes))),
    };
  } finally {
    uninstall();
  }
}

async function figure(): Promise<void> {
  const runs: Record<'large' | 'small', Run[]> = { large: [], small: [] };
  const side = (key: 'large' | 'small', rows: number) => async () => {
    const r = await validateInExcel(rows);
    runs[key].push(r);
    console.log(`校验 ${rows} 行: 读取 ${r.read} 次 + 标记 ${r.marked} 个单元格 ${r.mark} 次 context.sync(),${r.ms.toFixed(0)} ms,最大请求 ${r.maxRequestMb} MB,最大响应 ${r.maxResponseMb} MB`);
    return r.read + r.mark;
  };
  const { medianA, medianB } = await sideBySide(side('large', LARGE), side('small', SMALL), ROUNDS);
  const [large, small] = [runs.large[0], runs.small[0]];
  const counts = (rs: Run[]) => new Set(rs.map((r) => `${r.read}+${r.mark}`)).size;
  const same = counts(runs.large) === 1 && counts(runs.small) === 1;
  emit({
    id: 'sync',
    value: medianA,
    baseline: medianB,
    unit: 'calls',
    runs: ROUNDS,
    goal: 4,
    what: `context.sync() 次数:校验 ${LARGE} 行 / ${SMALL} 行(Excel 替身)`,
    note: `${same ? `${ROUNDS} 轮次数相同` : `${ROUNDS} 轮次数不同,取中位数`};${LARGE} 行标记 ${large.marked} 个单元格`,
    extra: {
      largeReadSyncs: large.read,
      largeMarkSyncs: large.mark,
      smallReadSyncs: small.read,
      smallMarkSyncs: small.mark,
      largeMs: Math.round(median(runs.large.map((r) => r.ms))),
      smallMs: Math.round(median(runs.small.map((r) => r.ms))),
      maxRequestMb: large.maxRequestMb,
      maxResponseMb: large.maxResponseMb,
    },
  });
}

figure().catch((e) => {
  console.error(e);
  process.exit(1);
});
