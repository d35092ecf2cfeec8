import { parseAreas } from '../../src/excel/read-workbook';
import { validateWorkbook } from '../../src/rules/engine';
import { type Cell, getCell } from '../../src/rules/grid';
import type { CellSpec } from '../excel-double';
import { useDouble } from './use-double';
import { newStudentSheet } from './workbooks';

const open = useDouble();

describe('reading sheets through office-js', () => {
  test('maps value types and number formats to cell kinds', async () => {
    const { host } = open({
      name: '统计表.xlsx',
      sheets: [
        {
          name: '表1',
          rows: [[
            '2509001200001',
            2509001200002,
            { value: 45901, numberFormat: 'yyyy/m/d' },
            { value: 45901.5, numberFormat: 'yyyy"年"m"月"d"日" h:mm' },
            { value: 0.5, numberFormat: 'h:mm' },
            true,
            { value: '#N/A', error: true },
            { value: 110101199003077777, numberFormat: '0', text: '########' },
            { value: 'x', numberFormat: '@' },
          ]],
        },
      ],
    });
    const grid = await host.readWorkbook();
    expect(grid.name).toBe('统计表');
    const row = grid.sheets[0].rows[0];
    expect(row.map((c) => c?.kind)).toEqual(['text', 'number', 'date', 'date', 'number', 'boolean', 'error', 'number', 'text']);
    expect(row[0]).toMatchObject({ value: '2509001200001', text: '2509001200001', address: 'A1' });
    expect(row[1]).toMatchObject({ value: 2509001200002, text: '2.509E+12' });
    expect(row[2]).toMatchObject({ value: '2025-09-01' });
    expect(row[3]).toMatchObject({ value: '2025-09-01' });
    expect(row[6]).toMatchObject({ value: '#N/A', kind: 'error' });
    // A too-narrow column shows "####": the text comes from the number format instead.
    expect(row[7]?.text).toBe('110101199003078000');
  });

  test('reads the cells after the first sync alike, their text and number format asked a sync later for the columns that need them', async () => {
    const row: CellSpec[] = ['2509001200001', 2509001200002, { value: 45901, numberFormat: 'yyyy/m/d' }, true, { value: '#N/A', error: true }, { value: 110101199003077777, numberFormat: '0', text: '########' }, null, '张三'];
    const { host, double } = open({ sheets: [{ name: '表1', rows: Array.from({ length: 5_000 }, () => row) }] });
    const grid = await host.readWorkbook();
    const rows = grid.sheets[0].rows;
    const strip = (cells: (Cell | undefined)[]) => cells.map((c) => c && { value: c.value, text: c.text, kind: c.kind });
    expect(strip(rows[4_999])).toEqual(strip(rows[0]));
    expect(rows[4_999][2]).toMatchObject({ address: 'C5000', value: '2025-09-01', kind: 'date' });
    expect(rows.every((r) => r.filter(Boolean).length === 7)).toBe(true);
    // The sheet list, the used range, the first 30,000 cells whole, the rest as values and types, then the last details.
    expect(double.syncCount()).toBe(5);
    // Only the five columns that hold numbers, dates, booleans or errors were asked for their text.
    const detailLoads = double.state.syncs.at(-1)!.commands;
    expect(detailLoads).toBeLessThanOrEqual(5 * 2);
  });

  test('places a used range that does not start at A1 and skips empty sheets', async () => {
    const { host, double } = open({ sheets: [{ name: '空表' }, { name: '数据', origin: 'C5', rows: [['学号', null, '姓名']] }] });
    const grid = await host.readWorkbook();
    expect(grid.sheets.map((s) => s.name)).toEqual(['空表', '数据']);
    expect(grid.sheets[0].rows).toEqual([]);
    const sheet = grid.sheets[1];
    expect(sheet.rows).toHaveLength(5);
    expect(getCell(sheet, 5, 3)).toMatchObject({ address: 'C5', value: '学号' });
    expect(getCell(sheet, 5, 4)).toBeUndefined();
    expect(getCell(sheet, 5, 5)).toMatchObject({ address: 'E5', value: '姓名' });
    expect(double.syncCount()).toBe(3);
  });

  test('reads merged areas where ExcelApi 1.13 exists and goes without them elsewhere', async () => {
    const spec = { sheets: [newStudentSheet(3)] };
    expect((await open(spec).host.readWorkbook()).sheets[0].merges).toEqual(['A1:K1']);
    const old = open({ ...spec, requirements: { ExcelApi: '1.12', SharedRuntime: '1.1' } });
    const grid = await old.host.readWorkbook();
    expect(grid.sheets[0].merges).toBeUndefined();
    expect(grid.sheets[0].rows).toHaveLength(5);
  });

  test('refuses an Excel older than ExcelApi 1.7 (Office 2016) with a Chinese message that says what to use', async () => {
    const { host } = open({ sheets: [newStudentSheet(1)], profile: 'office-2016' });
    await expect(host.readWorkbook()).rejects.toThrow(/此 Excel 版本过旧.*xjcheck/);
  });

  test('parses merged-area addresses, quoted sheet names included', () => {
    expect(parseAreas("'新 生,2'!$A$1:$K$1, 'x'!B5:C6, Sheet1!D9")).toEqual(['A1:K1', 'B5:C6', 'D9']);
  });

  test('gives the engine the same table a file reader would', async () => {
    const { host } = open({ sheets: [newStudentSheet(20)] });
    const result = validateWorkbook(await host.readWorkbook(), { asOf: '2025-10-01' });
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ kind: 'new', headerRow: 2, firstDataRow: 3, lastDataRow: 22 });
    expect(result.tables[0].rows).toHaveLength(20);
  });
});
