import { validateWorkbook } from '../../src/rules/engine';
import { TEMPLATE_DATA_ROWS, TEMPLATE_PAGE_NUMBERS, templateSheets } from '../../src/rules/template';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { cellAt, openWps } from './support';

const rows = () => [
  ['学号', '姓名', '备注'],
  [{ value: '2509001200003', format: '@' }, { value: '王五', comment: '注意' }, 'c'],
  [{ value: '2509001200001', format: '@' }, '张三', 'a'],
  [{ value: '2509001200002', format: '@' }, '李四', 'b'],
];

describe('fixes, selection and the template in WPS', () => {
  test('set-text formats the cell "@" first, so the digits stay text', async () => {
    const { host, double } = openWps({ sheets: [{ name: '新生', rows: [['学号'], [2509001200001]] }] });
    const outcome = await host.applyFix({ kind: 'set-text', sheet: '新生', cell: 'A2', value: '2509001200001', label: '改为文本' });
    expect(cellAt(double, '新生', 'A2')).toMatchObject({ value: '2509001200001', format: '@' });
    expect(outcome.undoable).toBe(false);
  });

  test('without "@" the double parses digits as WPS does (why set-text formats first)', () => {
    const { wps } = openWps({ sheets: [{ name: '新生', rows: [['学号']] }] });
    const cell = wps.EtApplication().ActiveWorkbook!.Worksheets.Item('新生').Range('A2');
    cell.Value2 = '0123';
    expect(cell.Value2).toBe(123);
  });

  test('sort-rows moves whole rows (comments too) into the fix order and leaves no helper column', async () => {
    const { host, double } = openWps({ sheets: [{ name: '新生', rows: rows() }] });
    await host.applyFix({ kind: 'sort-rows', sheet: '新生', firstRow: 2, lastRow: 4, order: [3, 4, 2], label: '排序' });
    const col = (c: string) => [2, 3, 4].map((r) => cellAt(double, '新生', `${c}${r}`)?.value);
    expect(col('A')).toEqual(['2509001200001', '2509001200002', '2509001200003']);
    expect(col('B')).toEqual(['张三', '李四', '王五']);
    expect(cellAt(double, '新生', 'B4')!.comment).toBe('注意');
    expect([2, 3, 4].every((r) => (cellAt(double, '新生', `D${r}`)?.value ?? null) === null)).toBe(true);
  });

  test('sort-rows refuses a stale order and explains merged rows', async () => {
    const { host } = openWps({ sheets: [{ name: '新生', rows: rows(), merges: ['C3:C4'] }] });
    await expect(host.applyFix({ kind: 'sort-rows', sheet: '新生', firstRow: 2, lastRow: 4, order: [3, 2], label: '排序' })).rejects.toThrow(/已过期/);
    await expect(host.applyFix({ kind: 'sort-rows', sheet: '新生', firstRow: 2, lastRow: 4, order: [3, 4, 2], label: '排序' })).rejects.toThrow(/合并单元格/);
  });

  test('select activates the sheet first, then selects; a missing or hidden sheet is explained', async () => {
    const { host, double } = openWps({ sheets: [{ name: '新生', rows: rows() }, { name: '在籍生', rows: [['x']] }, { name: '旧表', rows: [['y']], visible: 0 }] });
    await host.selectCell('在籍生', 'B7');
    expect(double.book.active.name).toBe('在籍生');
    expect(double.book.sheets[1].selection).toEqual({ r0: 7, c0: 2, r1: 7, c1: 2 });
    await expect(host.selectCell('毕业生', 'A1')).rejects.toThrow(/找不到工作表“毕业生”/);
    await expect(host.selectCell('旧表', 'A1')).rejects.toThrow(/已隐藏/);
  });

  test('插入模板 asks first when a sheet of a template kind exists, and adds nothing until told', async () => {
    const { host, double } = openWps({ sheets: [{ name: '新生', rows: [['我的数据']] }] });
    const asked = await host.insertTemplate(DEFAULT_POLICY);
    expect(asked).toEqual({ added: [], conflicts: [{ kind: 'new', label: '新生', sheets: ['新生'] }], missing: ['在籍生', '毕业生'] });
    expect(double.book.sheets.map((s) => s.name)).toEqual(['新生']);
    const missing = await host.insertTemplate(DEFAULT_POLICY, 'missing');
    expect(missing.added).toEqual(['在籍生', '毕业生']);
    expect(double.book.sheets.map((s) => s.name)).toEqual(['新生', '在籍生', '毕业生']);
  });

  test('插入模板 (all) adds three sheets: text key columns, dropdowns, frozen header, footer, page setup; existing names are kept', async () => {
    const { host, double } = openWps({ sheets: [{ name: '新生', rows: [['我的数据']] }] });
    const outcome = await host.insertTemplate(DEFAULT_POLICY, 'all');
    expect(outcome.added).toEqual(['新生 (2)', '在籍生', '毕业生']);
    expect(double.book.sheets.map((s) => s.name)).toEqual(['新生', '新生 (2)', '在籍生', '毕业生']);
    expect(cellAt(double, '新生', 'A1')!.value).toBe('我的数据');
    const sheet = double.book.sheets[1];
    expect(double.book.active).toBe(sheet);
    expect(sheet.freeze).toEqual({ row: 3, col: 0 });
    expect(cellAt(double, '新生 (2)', 'C3')!.value).toBe('学号');
    expect(cellAt(double, '新生 (2)', `C${3 + TEMPLATE_DATA_ROWS}`)!.format).toBe('@');
    expect(cellAt(double, '新生 (2)', 'E4')!.validation).toMatchObject({ type: 3, formula1: expect.stringContaining('姓名') });
    expect(sheet.merges[0]).toEqual({ r0: 1, c0: 1, r1: 1, c1: 11 });
    expect(cellAt(double, '毕业生', 'C4')!.format).toBe('@');
    // The seed's signatures and seal below the 注 lines, left and right.
    const t = templateSheets(DEFAULT_POLICY)[0];
    const footerRow = 3 + TEMPLATE_DATA_ROWS + t.notes.length + 2;
    expect(cellAt(double, '新生 (2)', `A${footerRow}`)!.value).toBe(t.footer[0][0]);
    expect(cellAt(double, '新生 (2)', `A${footerRow + 1}`)!.value).toBe(t.footer[1][0]);
    expect(sheet.pageSetup).toEqual({
      Orientation: 2,
      PaperSize: 9,
      CenterHorizontally: true,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      PrintTitleRows: '$1:$3',
      CenterFooter: TEMPLATE_PAGE_NUMBERS,
    });
  });

  test('the template WPS inserts, filled in, validates with no error and no warning: the footer is read as one', async () => {
    const { host, wps } = openWps({ sheets: [{ name: '说明', rows: [['本工作簿用于上报']] }] });
    await host.insertTemplate(DEFAULT_POLICY);
    const sheet = wps.EtApplication().ActiveWorkbook!.Worksheets.Item('在籍生');
    sheet.Range('A4:I4').Value2 = [['1', '北京分部', '2509001200001', '张三', '民族', '汉族', '回族', '信息变更', '2025春']];
    const grid = await host.readWorkbook();
    const result = validateWorkbook(grid, { asOf: '2025-12-01' });
    expect(result.problems.filter((p) => p.severity !== 'info').map((p) => `${p.sheet}!${p.cell} ${p.rule}`)).toEqual([]);
  });
});
