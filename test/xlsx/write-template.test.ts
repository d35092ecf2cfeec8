import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { TEMPLATE_DATA_ROWS, TEMPLATE_HEADER_ROW, templateSheets } from '../../src/rules/template';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { templateBytes } from '../../src/xlsx/write-template';
import { VALID_NEW_ROW } from '../cli/workbooks';

const FIRST = TEMPLATE_HEADER_ROW + 1;
const LAST = TEMPLATE_HEADER_ROW + TEMPLATE_DATA_ROWS;

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

describe('the blank template', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await templateBytes(DEFAULT_POLICY);
  });

  it('reads back as three empty tables of the right kinds', async () => {
    const result = validateWorkbook(await readWorkbook(bytes), { asOf: '2026-11-29' });
    expect(result.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.rows.length])).toEqual([
      ['新生', 'new', 3, 0],
      ['在籍生', 'enrolled', 3, 0],
      ['毕业生', 'graduate', 3, 0],
    ]);
    expect(result.counts.error).toBe(0);
  });

  it('has the merged title, text formats, dropdowns, frozen header and the 注 lines after the data area', async () => {
    const wb = await reopen(bytes);
    for (const spec of templateSheets(DEFAULT_POLICY)) {
      const ws = wb.getWorksheet(spec.name)!;
      expect(ws.getCell('A1').value).toBe(spec.title);
      expect(ws.getCell('A1').font.bold).toBe(true);
      expect(ws.getCell(1, spec.headers.length).isMerged).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW });
      const col = (label: string) => spec.headers.indexOf(label) + 1;
      expect(ws.getRow(TEMPLATE_HEADER_ROW).getCell(col('姓名')).font.bold).toBe(true);
      for (const label of spec.textColumns)
        for (const r of [FIRST, LAST]) expect(ws.getCell(r, col(label)).numFmt).toBe('@');
      expect(ws.getCell(FIRST, col('姓名')).numFmt).toBeUndefined();
      for (const [label, list] of Object.entries(spec.dropdowns))
        for (const r of [FIRST, LAST])
          expect(ws.getCell(r, col(label)).dataValidation).toMatchObject({ type: 'list', formulae: [`"${list.join(',')}"`] });
      expect(ws.getColumn(col('学号') || col('注册证号')).width).toBeGreaterThan(12);
      spec.notes.forEach((note, i) => expect(ws.getCell(LAST + 1 + i, 1).value).toBe(note));
    }
    // 入学文化程度 cannot be chosen on the graduate sheet.
    const grad = templateSheets(DEFAULT_POLICY).find((s) => s.kind === 'graduate')!;
    expect(grad.dropdowns.更正内容).not.toContain('入学文化程度');
  });

  it('filled in by hand (typed into the text-formatted cells) validates without errors and keeps every row', async () => {
    const wb = await reopen(bytes);
    const ws = wb.getWorksheet('新生')!;
    const headers = templateSheets(DEFAULT_POLICY)[0].headers;
    const typed = [
      { ...VALID_NEW_ROW },
      { ...VALID_NEW_ROW, 学号: '2609001250011', 姓名: '李建国', 更正内容: '民族', 更正前: '回族', 更正后: '汉族' },
    ];
    // Row 2 and row 4 of the data area, a blank row between them, as people leave gaps.
    [FIRST + 1, FIRST + 3].forEach((r, i) => headers.forEach((h, c) => {
      const v = (typed[i] as Record<string, string>)[h];
      if (v !== undefined) ws.getCell(r, c + 1).value = v;
    }));
    const grid = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const result = validateWorkbook(grid, { asOf: '2026-11-29' });
    const table = result.tables.find((t) => t.sheet === '新生')!;
    expect(table.rows.map((r) => r.row)).toEqual([FIRST + 1, FIRST + 3]);
    expect(table.rows[0].cells.studentId).toMatchObject({ kind: 'text', value: '2609001250003' });
    expect(result.students.map((s) => s.folder)).toEqual(['2609001250003王晓燕', '2609001250011李建国']);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.problems.map((p) => p.rule)).toContain('blank-row');
  });

  it('puts filled rows in, and the 注 lines right after them when the data area is sized to fit', async () => {
    const filled = await templateBytes(DEFAULT_POLICY, {
      rows: { new: [{ ...VALID_NEW_ROW, 序号: 1, 变更日期: new Date(Date.UTC(2026, 9, 12)) }] },
      dataRows: 0,
      infoLines: { new: '附表1    分部名称:示例分部' },
    });
    const ws = (await reopen(filled)).getWorksheet('新生')!;
    expect(ws.getCell('A2').value).toBe('附表1    分部名称:示例分部');
    expect(ws.getCell(FIRST + 1, 1).value).toMatch(/^注/);
    const result = validateWorkbook(await readWorkbook(filled), { asOf: '2026-11-29' });
    const table = result.tables.find((t) => t.sheet === '新生')!;
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].cells.changeDate).toMatchObject({ kind: 'date', value: '2026-10-12' });
    expect(result.tables.find((t) => t.sheet === '在籍生')!.rows).toHaveLength(0);
  });
});
