import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeJson } from '../../src/cli/json-output';
import { terminalSafe } from '../../src/cli/terminal-text';
import { validate } from '../../src/rules/engine';
import { toJsonReport } from '../../src/rules/report';
import { loadScanFolder } from '../../src/scan/node-folder';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { runCli } from './run-cli';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', '学生基本信息修改情况统计表.xlsx');
const EXAMPLE_SCANS = path.join(ROOT, 'examples', 'scans');

function written(value: unknown): { text: string; chunks: number } {
  let text = '';
  let chunks = 0;
  writeJson(value, (s) => {
    text += s;
    chunks++;
  });
  return { text, chunks };
}

describe('writeJson', () => {
  it.each([
    ['an empty object', {}],
    ['empty containers inside', { a: [], b: {}, c: [[], {}] }],
    ['nulls, numbers, booleans and strings with escapes', { n: null, x: -0.5, big: 1e21, t: true, s: 'a"b\\c\n\u2028\u0007中文' }],
    ['undefined and functions left out of objects, null in arrays', { u: undefined, f: () => 1, list: [undefined, () => 1, 1], deep: [{ u: undefined, v: 1 }] }],
    ['nested objects below the walked depth', { rows: [{ a: { b: { c: [1, [2, { d: 3 }]] } } }], o: { p: { q: [] } } }],
    ['a Date (toJSON)', { when: new Date(Date.UTC(2026, 10, 29)), list: [new Date(0)] }],
    ['a top-level array and scalars', [1, 'two', { three: [3] }]],
    ['an array with a hole', { list: [1, , 3] }],
  ])('writes %s exactly as JSON.stringify(value, null, 2)', (_, value) => {
    expect(written(value).text).toBe(JSON.stringify(value, null, 2));
  });

  it('writes a scalar at the top as JSON.stringify does', () => {
    for (const v of [null, 1, 'x', true]) expect(written(v).text).toBe(JSON.stringify(v, null, 2));
  });

  it('writes a walked iterable (a generator, as jsonReportParts gives) as the array it yields, mapped one entry at a time', () => {
    const list = [{ a: 1, b: [2] }, 'x', null];
    let mappedAhead = 0;
    function* lazily<T>(items: T[]): Generator<T> {
      for (const item of items) {
        mappedAhead++;
        yield item;
      }
    }
    let text = '';
    writeJson({ list: lazily(list), none: lazily([]), after: 1 }, (s) => {
      text += s;
    });
    expect(text).toBe(JSON.stringify({ list, none: [], after: 1 }, null, 2));
    const big = Array.from({ length: 30_000 }, (_, i) => ({ key: String(2509001200000 + i), required: [['身份证']] }));
    const chunksAt: number[] = [];
    writeJson({ students: lazily(big) }, () => chunksAt.push(mappedAhead));
    // The first chunk is written long before the last entry is mapped.
    expect(chunksAt[0]).toBeLessThan(mappedAhead / 4);
  });

  it('writes a large report in chunks of bounded size', () => {
    const students = Array.from({ length: 20_000 }, (_, i) => ({ key: String(2509001200000 + i), name: '张三', required: [['身份证']], linked: [] }));
    const { text, chunks } = written({ valid: true, students });
    expect(text).toBe(JSON.stringify({ valid: true, students }, null, 2));
    expect(chunks).toBeGreaterThan(10);
  });
});

(existsSync(EXAMPLE) ? it : it.skip)('xjcheck validate --json prints the same bytes as the whole report stringified', async () => {
  const run = await runCli(['validate', EXAMPLE, '--scans', EXAMPLE_SCANS, '--as-of', '2026-11-29', '--json']);
  const grid = await readWorkbook(readFileSync(EXAMPLE), { name: path.basename(EXAMPLE, '.xlsx') });
  const result = await validate(grid, {
    asOf: '2026-11-29',
    link: async (students) => (await loadScanFolder(EXAMPLE_SCANS, students, DEFAULT_POLICY)).scans,
  });
  expect(result.problems.length).toBeGreaterThan(10);
  expect(run.out).toBe(terminalSafe(`${JSON.stringify(toJsonReport(result), null, 2)}\n`));
});
