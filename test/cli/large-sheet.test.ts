// Correctness only: how long it takes is measured by bench/workbook.figure.ts (`npm run bench -- workbook`).
import path from 'node:path';
import { LARGE_AS_OF, writeLargeWorkbook } from './large-workbook';
import { runCli } from './run-cli';
import { tempDir } from './workbooks';

const ROWS = 100_000;

it(`validates a ${ROWS}-row sheet to completion`, async () => {
  const file = path.join(tempDir(), 'large.xlsx');
  await writeLargeWorkbook(file, ROWS);
  const run = await runCli(['validate', file, '--as-of', LARGE_AS_OF, '--json']);
  expect(run.err).toBe('');
  const report = JSON.parse(run.out);
  expect(report.tables).toEqual([{ sheet: '在籍生', kind: 'enrolled', headerRow: 2, rows: ROWS }]);
  expect(report.students).toHaveLength(ROWS);
  expect(report.students[ROWS - 1]).toMatchObject({ key: String(2509001200000 + ROWS), name: '张三', required: [['身份证']] });
  expect(report.counts.error).toBe(0);
  expect(run.code).toBe(0);
}, 600_000);
