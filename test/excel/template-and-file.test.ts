import ExcelJS from 'exceljs';
import { uniqueSheetName } from '../../src/excel/insert-template';
import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { TEMPLATE_DATA_ROWS, TEMPLATE_FOOTER, TEMPLATE_HEADER_ROW, TEMPLATE_PAGE_NUMBERS, footerSplitColumn } from '../../src/rules/template';
import { cellKey, parseArea } from '../excel-double/state';
import { workbookFile } from '../excel-double/xlsx-file';
import { looks, problem } from './looks';
import { useDouble } from './use-double';
import { newStudentSheet } from './workbooks';

const open = useDouble();

describe('插入模板', () => {
  test('adds the three tables the engine recognises, with text key columns and dropdowns', async () => {
    const { host, double } = open({ sheets: [{ name: 'Sheet1' }] });
    await host.insertTemplate(DEFAULT_POLICY);
    expect(double.state.sheets.map((s) => s.name)).toEqual(['Sheet1', '新生', '在籍生', '毕业生']);
    const graduate = double.state.sheets[3];
    expect(graduate.frozenRows).toBe(TEMPLATE_HEADER_ROW);
    expect(graduate.merges).toContainEqual(parseArea('A1:L1'));
    expect(double.state.activeSheetId).toBe(double.state.sheets[1].id);
    const at = (address: string) => {
      const a = parseArea(address);
      return graduate.cells.get(cellKey(a.r0, a.c0));
    };
    expect(at('C3')?.value).toBe('注册证号');
    expect(at(`C${TEMPLATE_HEADER_ROW + TEMPLATE_DATA_ROWS}`)?.numberFormat).toBe('@');
    expect(at('F4')?.validation?.rule).toEqual({ list: { inCellDropDown: true, source: '姓名,性别,身份证号,民族' } });
    expect(at('I4')?.validation?.rule).toEqual({ list: { inCellDropDown: true, source: '录入错误,信息变更' } });
    expect(String(at(`A${TEMPLATE_HEADER_ROW + TEMPLATE_DATA_ROWS + 1}`)?.value)).toMatch(/^注/);
    // The footer one line below the three 注 lines: signatures left and right, seal, date; merged in two halves.
    const footerRow = TEMPLATE_HEADER_ROW + TEMPLATE_DATA_ROWS + 3 + 2;
    const split = footerSplitColumn(12);
    expect(TEMPLATE_FOOTER.map((_, i) => [at(`A${footerRow + i}`)?.value, at(`${String.fromCharCode(64 + split)}${footerRow + i}`)?.value])).toEqual(TEMPLATE_FOOTER);
    expect(graduate.merges).toContainEqual(parseArea(`A${footerRow}:${String.fromCharCode(64 + split - 1)}${footerRow}`));
    expect(graduate.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: `$1:$${TEMPLATE_HEADER_ROW}`,
      centerFooter: TEMPLATE_PAGE_NUMBERS,
    });

    const result = validateWorkbook(await host.readWorkbook(), { asOf: '2025-10-01' });
    expect(result.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.rows.length])).toEqual([
      ['新生', 'new', 3, 0],
      ['在籍生', 'enrolled', 3, 0],
      ['毕业生', 'graduate', 3, 0],
    ]);
  });

  test('asks before adding to a workbook that has such tables: nothing is added, the sheets are named', async () => {
    const { host, double } = open({ sheets: [newStudentSheet(2), { name: '花名册', rows: [['学号', '姓名']] }] });
    const before = looks(double.state, '新生');
    const outcome = await host.insertTemplate(DEFAULT_POLICY);
    expect(outcome).toEqual({ added: [], conflicts: [{ kind: 'new', label: '新生', sheets: ['新生'] }], missing: ['在籍生', '毕业生'] });
    expect(double.state.sheets.map((s) => s.name)).toEqual(['新生', '花名册']);
    expect(looks(double.state, '新生')).toEqual(before);
  });

  test('tells a table by its content, whatever the sheet is called', async () => {
    const { host } = open({ sheets: [newStudentSheet(1, 'Sheet1'), { name: '在籍生', rows: [['随便写的']] }] });
    expect((await host.insertTemplate(DEFAULT_POLICY)).conflicts).toEqual([
      { kind: 'new', label: '新生', sheets: ['Sheet1'] },
      { kind: 'enrolled', label: '在籍生', sheets: ['在籍生'] },
    ]);
  });

  test('on consent adds only the missing kinds, or all three with "新生 (2)", never touching the existing sheet', async () => {
    const missing = open({ sheets: [newStudentSheet(2)] });
    const before = looks(missing.double.state, '新生');
    expect((await missing.host.insertTemplate(DEFAULT_POLICY, 'missing')).added).toEqual(['在籍生', '毕业生']);
    expect(missing.double.state.sheets.map((s) => s.name)).toEqual(['新生', '在籍生', '毕业生']);
    expect(looks(missing.double.state, '新生')).toEqual(before);

    const all = open({ sheets: [newStudentSheet(2)] });
    expect((await all.host.insertTemplate(DEFAULT_POLICY, 'all')).added).toEqual(['新生 (2)', '在籍生', '毕业生']);
    expect(looks(all.double.state, '新生')).toEqual(before);
  });

  test('picks the next free suffix, ignoring case as Excel does', () => {
    expect(uniqueSheetName('新生', new Set(['新生', '新生 (2)']))).toBe('新生 (3)');
    expect(uniqueSheetName('Data', new Set(['data']))).toBe('Data (2)');
    expect(uniqueSheetName('毕业生', new Set(['新生']))).toBe('毕业生');
  });
});

describe('the workbook file for the package', () => {
  test('is taken from Office without the marks, which come back afterwards', async () => {
    let seen: unknown = null;
    let handed: Uint8Array | null = null;
    const { host, double } = open({
      sheets: [newStudentSheet(3)],
      file: async (workbook) => {
        seen = { cells: looks(workbook, '新生'), parts: workbook.customXmlParts.length };
        return (handed = await workbookFile(workbook));
      },
    });
    const clean = looks(double.state, '新生');
    const problems = [problem('新生', 'C3', 'error', '学号不对'), problem('新生', 'D4', 'warning', '姓名有空格')];
    await host.markProblems(problems);
    const marked = looks(double.state, '新生');

    const file = await host.getWorkbookFile(await host.readWorkbook());
    expect(file).toMatchObject({ source: 'office-file', lastSaved: false });
    expect(file.bytes).toEqual(handed);
    expect(seen).toEqual({ cells: clean, parts: 0 });
    expect(looks(double.state, '新生')).toEqual(marked);
  });

  test('is rebuilt from the grid where Office cannot give the file', async () => {
    const { host } = open({ sheets: [newStudentSheet(3)] });
    const grid = await host.readWorkbook();
    const file = await host.getWorkbookFile(grid);
    expect(file.source).toBe('rebuilt');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('新生')!;
    expect(ws.getCell('C3').value).toBe('2509001200001');
    expect(ws.getCell('C3').numFmt).toBe('@');
    expect(ws.getCell('A3').value).toBe(1);
    expect(ws.getCell('A1').isMerged).toBe(true);
  });
});
