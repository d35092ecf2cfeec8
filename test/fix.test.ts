import sortOrder from '../src/rules/checks/sort-order';
import { validateWorkbook } from '../src/rules/engine';
import { type SheetGrid, getCell, sheetFromValues } from '../src/rules/grid';
import { applyFix } from '../src/rules/fix';
import type { Fix } from '../src/rules/problem';
import { correctionSheet } from './helpers/sheets';

const r = (学号: string, 姓名: string, 更正内容 = '性别') => ({ 学号, 姓名, 更正内容, 更正后: '女', 更正原因: '录入错误' });

/** Every cell's address and row/col agree with its position. */
function expectConsistent(sheet: SheetGrid) {
  sheet.rows.forEach((cells, i) =>
    cells.forEach((c, j) => {
      if (c) expect([c.row, c.col]).toEqual([i + 1, j + 1]);
    }),
  );
}

const column = (sheet: SheetGrid, col: number) => sheet.rows.map((cells) => cells[col - 1]?.text ?? null);

describe('applyFix: set-text', () => {
  const sheet = sheetFromValues('新生', [['学号'], [2509001250001]]);
  const fix: Fix = { kind: 'set-text', sheet: '新生', cell: 'A2', value: '2509001250001', label: '以文本存储' };

  it('writes a text cell and leaves the input alone', () => {
    const out = applyFix(sheet, fix);
    expect(getCell(out, 2, 1)).toEqual({ row: 2, col: 1, address: 'A2', value: '2509001250001', text: '2509001250001', kind: 'text' });
    expect(getCell(sheet, 2, 1)?.kind).toBe('number');
    expect(out.rows[0]).toBe(sheet.rows[0]);
  });

  it('writes outside the used range', () => {
    const out = applyFix(sheet, { ...fix, cell: 'C5', value: '汉族' });
    expect(getCell(out, 5, 3)?.text).toBe('汉族');
    expect(out.rows).toHaveLength(5);
    expectConsistent(out);
  });

  it('refuses a fix for another sheet', () => {
    expect(() => applyFix(sheet, { ...fix, sheet: '在籍生' })).toThrow();
  });
});

describe('applyFix: sort-rows', () => {
  const unsorted = () =>
    correctionSheet('new', [r('2509001250003', '王五'), r('2509001250001', '张三', '姓名'), { 序号: null }, r('2509001250002', '李四'), r('2509001250001', '张三', '民族')], {
      after: [['注:(3)本表按学号升序排序。']],
    });

  it('moves whole rows, renumbers addresses, keeps rows outside the range', () => {
    const sheet = unsorted();
    const out = applyFix(sheet, { kind: 'sort-rows', sheet: '新生', firstRow: 3, lastRow: 7, order: [4, 7, 6, 3, 5], label: '' });
    expect(column(out, 3).slice(2, 7)).toEqual(['2509001250001', '2509001250001', '2509001250002', '2509001250003', null]);
    // Every column moved with its row: 序号 and 更正内容 too.
    expect(column(out, 1).slice(2, 7)).toEqual(['2', '5', '4', '1', null]);
    expect(column(out, 5).slice(2, 7)).toEqual(['姓名', '民族', '性别', '性别', null]);
    expect(out.rows[0]).toEqual(sheet.rows[0]);
    expect(getCell(out, 8, 1)?.text).toMatch(/^注/);
    expectConsistent(out);
    expect(column(sheet, 3)[2]).toBe('2509001250003');
  });

  it('rejects an order that is not a permutation of the range', () => {
    expect(() => applyFix(unsorted(), { kind: 'sort-rows', sheet: '新生', firstRow: 3, lastRow: 7, order: [4, 4, 6, 3, 5], label: '' })).toThrow();
    expect(() => applyFix(unsorted(), { kind: 'sort-rows', sheet: '新生', firstRow: 3, lastRow: 7, order: [4, 6, 3, 5], label: '' })).toThrow();
  });

  it('validating again after the sort fix reports no sort-order problem', () => {
    const sheet = unsorted();
    const first = validateWorkbook({ sheets: [sheet] }, { rules: [sortOrder], asOf: '2026-11-29' }).problems;
    expect(first).toHaveLength(1);
    const sorted = applyFix(sheet, first[0].fix!);
    expect(validateWorkbook({ sheets: [sorted] }, { rules: [sortOrder], asOf: '2026-11-29' }).problems).toEqual([]);
    // The student's two rows keep their relative order (姓名 before 民族), the blank row goes last.
    expect(column(sorted, 5).slice(2, 7)).toEqual(['姓名', '民族', '性别', '性别', null]);
  });

  it('moves a merge that stays whole and unmerges one the sort tears apart, keeping its value in every cell', () => {
    const sheet = correctionSheet('new', [r('2509001250002', '李四', '姓名'), r('2509001250002', '李四', '民族'), r('2509001250001', '张三')]);
    // 学号 and 姓名 of the first student merged over their two rows; 更正原因 merged over all three rows; a title merge above.
    sheet.merges = ['A1:K1', 'C3:C4', 'D3:D4', 'H3:H5'];
    sheet.rows[3][2] = undefined;
    sheet.rows[3][3] = undefined;
    sheet.rows[3][7] = undefined;
    sheet.rows[4][7] = undefined;
    const fix = validateWorkbook({ sheets: [sheet] }, { rules: [sortOrder], asOf: '2026-11-29' }).problems[0].fix!;
    expect(fix).toMatchObject({ firstRow: 3, lastRow: 5, order: [5, 3, 4] });
    const out = applyFix(sheet, fix);
    expect(out.merges).toEqual(['A1:K1', 'C4:C5', 'D4:D5']);
    expect(column(out, 8).slice(2, 5)).toEqual(['录入错误', '录入错误', '录入错误']);
    expect(column(out, 3).slice(2, 5)).toEqual(['2509001250001', '2509001250002', null]);
    expectConsistent(out);
    expect(validateWorkbook({ sheets: [out] }, { rules: [sortOrder], asOf: '2026-11-29' }).problems).toEqual([]);
  });
});
