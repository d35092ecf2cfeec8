/**
 * How many context.sync() calls validating in Excel takes (read the sheets, run the engine, mark the problems),
 * and that every sync stays under Excel on the web's 5 MB payload limit. The double counts; nothing is timed.
 */
import { validateWorkbook } from '../../src/rules/engine';
import { useDouble } from './use-double';
import { looks, problem } from './looks';
import { faultyNewStudentSheet, newStudentSheet } from './workbooks';

const open = useDouble();
const LIMIT = 5 * 1024 * 1024;

async function validateInExcel(rows: number) {
  const { host, double } = open({ sheets: [faultyNewStudentSheet(rows)] });
  const grid = await host.readWorkbook();
  const readSyncs = double.syncCount();
  const result = validateWorkbook(grid, { asOf: '2025-10-01' });
  await host.markProblems(result.problems);
  const marked = double.state.customXmlParts.length ? JSON.parse(double.state.customXmlParts[0].xml.replace(/^<marks[^>]*>|<\/marks>$/g, '')).length : 0;
  return {
    readSyncs,
    markSyncs: double.syncCount() - readSyncs,
    marked,
    maxRequest: Math.max(...double.state.syncs.map((s) => s.requestBytes)),
    maxResponse: Math.max(...double.state.syncs.map((s) => s.responseBytes)),
  };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(2);

test.each([100, 10_000])('validating %i rows', async (rows) => {
  const r = await validateInExcel(rows);
  console.info(`校验 ${rows} 行: 读取 ${r.readSyncs} 次 + 标记 ${r.marked} 个单元格 ${r.markSyncs} 次 = ${r.readSyncs + r.markSyncs} 次 context.sync();最大请求 ${mb(r.maxRequest)} MB,最大响应 ${mb(r.maxResponse)} MB`);
  expect(r.marked).toBeGreaterThanOrEqual(rows / 10);
  expect(r.readSyncs).toBe(rows === 100 ? 3 : 5);
  expect(r.maxRequest).toBeLessThan(LIMIT);
  expect(r.maxResponse).toBeLessThan(LIMIT);
});

test('a 100,000-row sheet is read in blocks that each stay under 5 MB', async () => {
  const { host, double } = open({ sheets: [newStudentSheet(100_000)] });
  const grid = await host.readWorkbook();
  expect(grid.sheets[0].rows).toHaveLength(100_002);
  const maxResponse = Math.max(...double.state.syncs.map((s) => s.responseBytes));
  console.info(`读取 100000 行: ${double.syncCount()} 次 context.sync(),最大响应 ${mb(maxResponse)} MB`);
  expect(maxResponse).toBeLessThan(LIMIT);
  // Text cells come as values and types only after the first sync (read-workbook.ts): 22 syncs before that, 14 now.
  expect(double.syncCount()).toBeLessThanOrEqual(14);
});

test('marking the most cells the add-in marks (20,000), marking again and clearing keep every request well under 5 MB', async () => {
  const { host, double } = open({ sheets: [newStudentSheet(20_000)] });
  const before = looks(double.state, '新生');
  const problems = Array.from({ length: 20_000 }, (_, i) => problem('新生', `D${i + 3}`, 'error', '姓名与身份证上的不一致,请核对后改正'));
  const syncs: number[] = [];
  for (const step of [() => host.markProblems(problems), () => host.markProblems(problems), () => host.clearMarks()]) {
    const from = double.syncCount();
    await step();
    const largest = Math.max(...double.state.syncs.slice(from).map((s) => s.requestBytes));
    syncs.push(double.syncCount() - from);
    console.info(`20000 个单元格: ${double.syncCount() - from} 次 context.sync(),最大请求 ${mb(largest)} MB`);
    expect(largest).toBeLessThan(LIMIT * 0.8);
  }
  // Marking asks the cells' looks and writes the colours by RangeAreas (marks.ts): a first marking takes the state,
  // the looks, the record and the notes in syncs of 3 MB; clearing restores by RangeAreas too, and looks up and
  // deletes the notes 4,000 a sync (42, 63 and 23 syncs when all went cell by cell).
  expect(syncs[0]).toBeLessThanOrEqual(7);
  expect(syncs[1]).toBeLessThanOrEqual(13);
  expect(syncs[2]).toBeLessThanOrEqual(8);
  expect(looks(double.state, '新生')).toEqual(before);
});
