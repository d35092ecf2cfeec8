// Times reading and validating a 100,000-row correction sheet (the figures the CLI test does not assert).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { validateWorkbook } from '../src/rules/engine';
import { toJsonReport } from '../src/rules/report';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { LARGE_AS_OF, writeLargeWorkbook } from '../test/cli/large-workbook';
import { tempDir } from '../test/cli/workbooks';

const ROWS = 100_000;

async function timed<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await f();
  console.log(`${label.padEnd(28)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return value;
}

function heapMb(): string {
  (globalThis as { gc?: () => void }).gc?.();
  return (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0);
}

async function run(): Promise<void> {
  const file = path.join(tempDir(), 'large.xlsx');
  await timed(`write ${ROWS} rows (ExcelJS stream)`, () => writeLargeWorkbook(file, ROWS));
  console.log(`file size                    ${(statSync(file).size / 1024 / 1024).toFixed(1).padStart(7)} MB`);
  const bytes = readFileSync(file);
  const grid = await timed('readWorkbook', () => readWorkbook(bytes));
  console.log(`heap with the grid            ${heapMb().padStart(6)} MB`);
  const result = await timed('validateWorkbook', () => validateWorkbook(grid, { asOf: LARGE_AS_OF }));
  await timed('toJsonReport + stringify', () => JSON.stringify(toJsonReport(result)).length);
  console.log(`tables ${result.tables.length}, rows ${result.tables[0]?.rows.length}, students ${result.students.length}, problems ${result.problems.length}`);
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
