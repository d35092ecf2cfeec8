import { BLOCK_ROWS } from '../../src/wps/read-workbook';
import { rowsOf } from '../../src/wps/values';
import { MARKS_SHEET } from '../../src/wps/hidden-sheet';
import { validateWorkbook } from '../../src/rules/engine';
import { HEADERS, TITLES } from '../helpers/sheets';
import { openWps } from './support';

describe('reading the workbook through ET', () => {
  test('Value2 arrays are read 1-based (as the double and VBA give them) and 0-based alike', () => {
    expect(rowsOf([undefined, [undefined, 1, 2], [undefined, 3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
    expect(rowsOf([[1, 2], [3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
    expect(rowsOf('x', 1, 1)).toEqual([['x']]);
    expect(() => rowsOf('x', 2, 2)).toThrow(/不是数组/);
  });

  test('text, numbers, dates by their format, booleans; merged areas; the add-in sheets are skipped', async () => {
    const { host } = openWps({
      sheets: [
        {
          name: '新生',
          rows: [
            ['标题'],
            ['学号', '数', '日期', '真'],
            [{ value: '2509001200001', format: '@' }, 2509001200002, { value: 45910, format: 'yyyy-mm-dd' }, true],
            [null, { value: 3.5, format: '0.00' }, { value: 45911, format: 'yyyy"年"m"月"d"日"' }, null],
          ],
          merges: ['A1:D1'],
        },
        { name: MARKS_SHEET, rows: [['x'], ['["新生","A3","e",1,1,1,1,0]']], visible: 2 },
      ],
    });
    const grid = await host.readWorkbook();
    expect(grid.name).toBe('学生基本信息修改情况统计表');
    expect(grid.sheets.map((s) => s.name)).toEqual(['新生']);
    const [sheet] = grid.sheets;
    expect(sheet.merges).toEqual(['A1:D1']);
    const row3 = sheet.rows[2].map((c) => c && [c.address, c.kind, c.value, c.text]);
    expect(row3).toEqual([
      ['A3', 'text', '2509001200001', '2509001200001'],
      ['B3', 'number', 2509001200002, '2.509E+12'],
      ['C3', 'date', '2025-09-10', '2025-09-10'],
      ['D3', 'boolean', true, 'TRUE'],
    ]);
    expect(sheet.rows[3][0]).toBeUndefined();
    expect(sheet.rows[3][1]).toMatchObject({ kind: 'number', value: 3.5, text: '3.50' });
    expect(sheet.rows[3][2]).toMatchObject({ kind: 'date', value: '2025-09-11' });
  });

  test('a sheet longer than one block is read whole, in few round trips', async () => {
    const rows = [[TITLES.new], [...HEADERS.new], ...Array.from({ length: BLOCK_ROWS + 500 }, (_, i) => [i + 1, '北京分部', `2509001${String(200001 + i).padStart(6, '0')}`, '张三', '姓名', '张', '张三', '录入错误', '2025秋', null, null])];
    const { host, double } = openWps({ sheets: [{ name: '新生', rows, merges: ['A1:K1'] }] });
    const before = double.calls();
    const grid = await host.readWorkbook();
    const calls = double.calls() - before;
    expect(grid.sheets[0].rows).toHaveLength(BLOCK_ROWS + 502);
    expect(grid.sheets[0].rows[BLOCK_ROWS + 501][2]).toMatchObject({ value: `2509001${String(200001 + BLOCK_ROWS + 499).padStart(6, '0')}`, kind: 'text' });
    // Per block: one Value2, one NumberFormat per column, one merge probe, and a halving search for the title's merge:
    // a few hundred calls for 27,500 cells, not one per cell.
    expect(calls).toBeLessThan(200);
    const result = validateWorkbook(grid, { asOf: '2025-10-01' });
    expect(result.tables).toHaveLength(1);
  });
});
