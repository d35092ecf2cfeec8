/**
 * What the registrar is told when Excel refuses: each error code Excel gives for a protected sheet, a deleted
 * sheet, cell edit mode, the payload limit, a busy workbook becomes a Chinese message that says what to do; a sort
 * Excel would get wrong (hidden rows, an active AutoFilter) is refused with the reason; a table (ListObject)
 * holding the rows is sorted as a table.
 */
import { excelErrorMessage } from '../../src/excel/errors';
import type { Fix } from '../../src/rules/problem';
import type { SheetSpec } from '../excel-double';
import { looks } from './looks';
import { useDouble } from './use-double';

const open = useDouble();

describe('Excel error codes become what to do', () => {
  test.each([
    ['InvalidOperationInCellEditMode', /结束编辑/],
    ['AccessDenied', /撤消工作表保护/],
    ['ItemNotFound', /已被删除或改名/],
    ['RequestPayloadSizeLimitExceeded', /5 MB/],
    ['ResponsePayloadSizeLimitExceeded', /5 MB/],
    ['ActivityLimitReached', /稍等片刻/],
    ['ServiceNotAvailable', /稍后重试/],
    ['Conflict', /他人同时编辑/],
    ['ApiNotFound', /xjcheck/],
  ])('%s', (code, advice) => {
    const message = excelErrorMessage(Object.assign(new Error('raw'), { code }));
    expect(message).toMatch(advice);
    expect(message).toContain(`Excel:${code}`);
  });

  test('an unknown code or a plain error keeps its own message', () => {
    expect(excelErrorMessage(Object.assign(new Error('奇怪'), { code: 'Whatever' }))).toBe('奇怪');
    expect(excelErrorMessage(new Error('排序失败'))).toBe('排序失败');
  });
});

const table = (over: Partial<SheetSpec> = {}): SheetSpec => ({
  name: '新生',
  rows: [
    ['标题'],
    ['学号', '姓名'],
    ['2509001200003', '王五'],
    ['2509001200001', { value: '张三', comment: '核对' }],
    ['2509001200002', '李四'],
  ],
  ...over,
});
const sortFix: Fix = { kind: 'sort-rows', sheet: '新生', firstRow: 3, lastRow: 5, order: [4, 5, 3], label: '按学号升序排序' };
const keys = (state: Parameters<typeof looks>[0]) => [3, 4, 5].map((r) => (looks(state, '新生').cells[`A${r}`] as { value: string }).value);

describe('the adapter says what to do', () => {
  test('插入模板 on Office 2019 (no data validation API) says what to use instead', async () => {
    const { DEFAULT_POLICY } = await import('../../src/rules/policy');
    const { host, double } = open({ profile: 'office-2019', sheets: [{ name: 'Sheet1' }] });
    expect(host.capabilities.template).toBe(false);
    await expect(host.insertTemplate(DEFAULT_POLICY)).rejects.toThrow(/不能插入模板.*ExcelApi 1\.8.*xjcheck/);
    expect(double.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('a sort on a protected sheet is refused before anything is written', async () => {
    const { host, double } = open({ sheets: [table({ protected: true })] });
    await expect(host.applyFix(sortFix)).rejects.toThrow(/受保护.*撤消工作表保护/);
    expect(keys(double.state)).toEqual(['2509001200003', '2509001200001', '2509001200002']);
  });

  test('a text fix on a protected sheet gets Excel’s AccessDenied as what to do', async () => {
    const { host } = open({ sheets: [table({ protected: true })] });
    await expect(host.applyFix({ kind: 'set-text', sheet: '新生', cell: 'A3', value: 'x', label: '改为文本' })).rejects.toThrow(/撤消工作表保护.*Excel:AccessDenied/);
  });

  test('a sheet deleted since validating is said, not a stack trace', async () => {
    const { host, double } = open({ sheets: [table(), { name: '其他', rows: [['x']] }] });
    double.user.deleteSheet('新生');
    await expect(host.selectCell('新生', 'A3')).rejects.toThrow(/找不到工作表“新生”/);
    await expect(host.applyFix(sortFix)).rejects.toThrow(/已被删除或改名.*Excel:ItemNotFound/);
  });

  test('hidden rows stop the sort: Excel would leave them where they are', async () => {
    const { host, double } = open({ sheets: [table({ hiddenRows: [4] })] });
    await expect(host.applyFix(sortFix)).rejects.toThrow(/第 3–5 行中有隐藏的行.*取消隐藏/);
    expect(keys(double.state)).toEqual(['2509001200003', '2509001200001', '2509001200002']);
  });

  test('an AutoFilter that hides rows stops the sort with its own reason', async () => {
    const { host } = open({ sheets: [table({ autoFilter: { range: 'A2:B5', filteredRows: [5] } })] });
    await expect(host.applyFix(sortFix)).rejects.toThrow(/筛选隐藏了部分行.*清除筛选/);
  });

  test('on Office 2019 (no AutoFilter API) the filtered rows are still caught as hidden rows', async () => {
    const { host } = open({ profile: 'office-2019', sheets: [table({ autoFilter: { range: 'A2:B5', filteredRows: [5] } })] });
    await expect(host.applyFix(sortFix)).rejects.toThrow(/隐藏的行/);
  });

  test('an AutoFilter that hides nothing does not stop the sort', async () => {
    const { host, double } = open({ sheets: [table({ autoFilter: { range: 'A2:B5' } })] });
    await host.applyFix(sortFix);
    expect(keys(double.state)).toEqual(['2509001200001', '2509001200002', '2509001200003']);
  });

  test('rows held in an Excel table are sorted as the table, which keeps its columns', async () => {
    const { host, double } = open({ sheets: [table({ tables: [{ name: '表1', range: 'A2:B5' }] })] });
    await host.applyFix(sortFix);
    expect(keys(double.state)).toEqual(['2509001200001', '2509001200002', '2509001200003']);
    const after = looks(double.state, '新生');
    expect(after.comments).toEqual({ B3: '核对' });
    expect(double.state.sheets[0].tables[0].area).toEqual({ r0: 1, c0: 0, r1: 4, c1: 1 });
    expect(Object.keys(after.cells).filter((a) => a.startsWith('C'))).toEqual([]);
  });

  test('the double refuses a range sort that cuts through a table, so the table path is needed', async () => {
    const { double } = open({ sheets: [table({ tables: [{ name: '表1', range: 'A2:B5' }] })] });
    await expect(
      double.Excel.run(async (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem('新生').getRange('A3:C5').sort.apply([{ key: 2, ascending: true }]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('a table with data right beside it is not sorted, and says why', async () => {
    const rows = table().rows!.map((r, i) => (i >= 1 ? [...r, '旁注'] : r));
    const { host } = open({ sheets: [table({ rows, tables: [{ name: '表1', range: 'A2:B5' }] })] });
    await expect(host.applyFix(sortFix)).rejects.toThrow(/表格“表1”右侧紧邻的列有内容/);
  });
});
