import type { Fix } from '../../src/rules/problem';
import { cellOf, looks, problem } from './looks';
import { useDouble } from './use-double';

const open = useDouble();

const sheet = {
  name: '新生',
  rows: [
    ['标题'],
    ['学号', '姓名', '备注'],
    ['2509001200003', '王五', '三'],
    [{ value: '2509001200001', fill: { color: '#FFFF00' } }, { value: '张三', note: '原有备注' }, '一'],
    ['2509001200002', '李四', null],
    ['注:本表按学号升序排序'],
  ],
};

const sortFix: Fix = { kind: 'sort-rows', sheet: '新生', firstRow: 3, lastRow: 5, order: [4, 5, 3], label: '按学号升序排序' };

describe('applying fixes', () => {
  test('set-text stores digits as text: the cell is formatted "@" before the value is written', async () => {
    const { host, double } = open({ sheets: [{ name: '新生', rows: [['学号'], [2509001200001]] }] });
    const outcome = await host.applyFix({ kind: 'set-text', sheet: '新生', cell: 'A2', value: '2509001200001', label: '改为文本' });
    expect(outcome).toEqual({ undoable: true });
    expect(cellOf(double.state, '新生', 'A2')).toMatchObject({ value: '2509001200001', numberFormat: '@' });
    expect(double.state.runs.at(-1)).toEqual({ mergeUndoGroup: true });
    expect((await host.readWorkbook()).sheets[0].rows[1][0]).toMatchObject({ kind: 'text', value: '2509001200001' });
  });

  test('before ExcelApi 1.20 the fix is applied and reported as not undoable', async () => {
    const { host, double } = open({ sheets: [{ name: '新生', rows: [['学号'], [' 2509001200001']] }], requirements: { ExcelApi: '1.19', SharedRuntime: '1.1' } });
    expect(await host.applyFix({ kind: 'set-text', sheet: '新生', cell: 'A2', value: '2509001200001', label: '去掉空格' })).toEqual({ undoable: false });
    expect(double.state.runs.at(-1)).toEqual({ mergeUndoGroup: false });
    expect(cellOf(double.state, '新生', 'A2')?.value).toBe('2509001200001');
  });

  test('sort-rows moves whole rows (values, formats, notes) into exactly the given order and leaves no helper column', async () => {
    const { host, double } = open({ sheets: [sheet] });
    const before = looks(double.state, '新生');
    await host.applyFix(sortFix);
    const after = looks(double.state, '新生');
    expect([3, 4, 5].map((r) => after.cells[`A${r}`].value)).toEqual(['2509001200001', '2509001200002', '2509001200003']);
    expect(after.cells.A3).toEqual(before.cells.A4);
    expect(after.cells.C3).toEqual(before.cells.C4);
    expect(after.cells.C4).toBeUndefined();
    expect(after.notes).toEqual({ B3: '原有备注' });
    expect(after.cells.A6).toEqual(before.cells.A6);
    expect(Object.keys(after.cells).filter((a) => a.startsWith('D'))).toEqual([]);
  });

  test('sort-rows clears the marks first, since they would not move with the rows', async () => {
    const { host, double } = open({ sheets: [sheet] });
    const before = looks(double.state, '新生');
    await host.markProblems([problem('新生', 'A3', 'error', '排序不对')]);
    await host.applyFix(sortFix);
    expect(double.state.customXmlParts).toEqual([]);
    expect(looks(double.state, '新生').cells.A5).toEqual(before.cells.A3);
  });

  test('merged cells in the rows stop the sort with a Chinese message and no helper numbers left behind', async () => {
    const { host, double } = open({ sheets: [{ ...sheet, merges: ['B3:C3'] }] });
    const before = looks(double.state, '新生');
    await expect(host.applyFix(sortFix)).rejects.toThrow(/合并单元格/);
    expect(looks(double.state, '新生')).toEqual(before);
  });

  test('an order that does not fit the rows any more is refused', async () => {
    const { host } = open({ sheets: [sheet] });
    await expect(host.applyFix({ ...sortFix, order: [4, 4, 3] })).rejects.toThrow(/重新校验/);
  });
});

describe('selecting a cell', () => {
  test('activates the sheet first, then selects', async () => {
    const { host, double } = open({ sheets: [{ name: '说明' }, sheet] });
    await host.selectCell('新生', 'B4');
    expect(double.state.activeSheetId).toBe(double.state.sheets[1].id);
    expect(double.state.sheets[1].selection).toEqual({ r0: 3, c0: 1, r1: 3, c1: 1 });
  });

  test('a sheet renamed or deleted since validating gets a Chinese explanation', async () => {
    const { host } = open({ sheets: [sheet] });
    await expect(host.selectCell('在籍生', 'A1')).rejects.toThrow(/找不到工作表“在籍生”/);
  });
});
