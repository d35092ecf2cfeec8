/**
 * Layouts written as real .xlsx files (ExcelJS, as Excel stores them) and read back by our reader, for what only a
 * file has: merged titles, text-formatted keys, dates as date cells (the footer's date too), a hidden sheet feeding
 * the dropdowns through data validation, a 花名册 roster read by VLOOKUP formulas (cached results), and a template
 * whose 50 rows carry formulas (序号 =ROW()-n, 姓名 =IFERROR(VLOOKUP(…),"") or a bare VLOOKUP that shows #N/A).
 * The reader does not tell WPS files from Excel ones (it reads the same parts), so one writer is enough here;
 * the shared corpus's WPS and other files are read in test/xlsx.
 */
import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../../src/rules/engine';
import type { SheetGrid } from '../../../src/rules/grid';
import { readWorkbook } from '../../../src/xlsx/read-workbook';
import { LAYOUTS, roster } from './layouts';
import { AS_OF, type Kind, type Submission, compliantSubmission } from './submission';
import { HELPER_SHEETS } from './wordings';

const TEXT_COLUMNS = ['学号', '注册证号', '更正前', '更正后'];
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

interface Options {
  /** How the 姓名 column is filled: values, or VLOOKUP formulas into the roster (with their cached results). */
  names: 'values' | 'vlookup';
  /** Formulas on the template's empty rows: IFERROR → "", or a bare VLOOKUP → #N/A. */
  emptyRows: 'iferror' | 'na';
}

/** Writes the sheets of a layout into a workbook, with the file-only features above. */
async function workbookOf(sheets: SheetGrid[], sub: Submission, opts: Options): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const lists = wb.addWorksheet(HELPER_SHEETS.lists.name, { state: 'hidden' });
  HELPER_SHEETS.lists.lines.forEach((line) => lists.addRow(line));
  const names = new Map<string, string>();
  for (const e of [...sub.new, ...sub.enrolled, ...sub.graduate]) if (e.学号) names.set(String(e.学号), String(e.姓名));

  for (const grid of sheets) {
    const ws = wb.addWorksheet(grid.name);
    const headerRow = grid.rows.findIndex((r) => r.some((c) => c?.text === '更正内容')) + 1;
    const header = new Map((grid.rows[headerRow - 1] ?? []).flatMap((c) => (c ? [[c.text, c.col] as const] : [])));
    const seqCol = header.get('序号');
    const keyCol = header.get('学号');
    const nameCol = header.get('姓名');
    grid.rows.forEach((row, i) => {
      const r = i + 1;
      row.forEach((cell) => {
        if (!cell) return;
        const target = ws.getCell(r, cell.col);
        if (cell.kind === 'number') target.value = cell.value as number;
        else if (DATE_LINE.test(cell.text)) {
          const [y, m, d] = cell.text.match(/\d+/g)!.map(Number);
          target.value = new Date(Date.UTC(y, m - 1, d));
          target.numFmt = 'yyyy"年"m"月"d"日"';
        } else if (r > headerRow && /^\d{4}-\d{2}-\d{2}$/.test(cell.text)) {
          const [y, m, d] = cell.text.split('-').map(Number);
          target.value = new Date(Date.UTC(y, m - 1, d));
          target.numFmt = 'yyyy-mm-dd';
        } else target.value = cell.text;
      });
    });
    for (const range of grid.merges ?? []) ws.mergeCells(range);
    if (headerRow === 0) continue;
    for (const [label, col] of header) if (TEXT_COLUMNS.includes(label)) ws.getColumn(col).numFmt = '@';
    // Rows under the header until the footer: data rows and the template's numbered rows.
    for (let r = headerRow + 1; r <= grid.rows.length; r++) {
      const row = grid.rows[r - 1] ?? [];
      const seqOnly = seqCol !== undefined && row.filter(Boolean).length === 1 && row[seqCol - 1];
      const key = keyCol !== undefined ? row[keyCol - 1]?.text : undefined;
      if (seqCol !== undefined && (seqOnly || key)) ws.getCell(r, seqCol).value = { formula: `ROW()-${headerRow}`, result: r - headerRow };
      if (nameCol === undefined || keyCol === undefined || opts.names !== 'vlookup') continue;
      const lookup = `VLOOKUP(${ws.getCell(r, keyCol).address},花名册!$A:$B,2,FALSE)`;
      if (key) ws.getCell(r, nameCol).value = { formula: lookup, result: names.get(key) ?? '' };
      else if (seqOnly)
        ws.getCell(r, nameCol).value =
          opts.emptyRows === 'iferror' ? { formula: `IFERROR(${lookup},"")`, result: '' } : { formula: lookup, result: { error: '#N/A' } };
    }
    const changeCol = header.get('更正内容');
    if (changeCol !== undefined)
      for (let r = headerRow + 1; r <= headerRow + 50; r++)
        ws.getCell(r, changeCol).dataValidation = { type: 'list', allowBlank: true, formulae: [`${HELPER_SHEETS.lists.name}!$A$2:$A$6`] };
  }
  const rosterGrid = roster(sub);
  const rosterSheet = wb.addWorksheet(rosterGrid.name);
  rosterGrid.rows.forEach((row) => rosterSheet.addRow(row.map((c) => c?.text ?? null)));
  rosterSheet.getColumn(1).numFmt = '@';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const KINDS: Kind[] = ['new', 'enrolled', 'graduate'];
const byName = (name: string) => LAYOUTS.find((l) => l.name.startsWith(name))!;
const FILES: [string, string, Options][] = [
  ['the seed layout, 姓名 by VLOOKUP from the roster, dates as date cells', 'the seed’s official layout', { names: 'vlookup', emptyRows: 'iferror' }],
  ['a 50-row template with formulas, empty rows blank by IFERROR', 'a template numbered to 50 rows, the signatures', { names: 'vlookup', emptyRows: 'iferror' }],
  ['a 50-row template with formulas, empty rows showing #N/A', 'a template numbered to 50 rows with 分部名称', { names: 'vlookup', emptyRows: 'na' }],
  ['a two-row header, names as values', 'a two-row header: 更正情况', { names: 'values', emptyRows: 'iferror' }],
];

describe.each(FILES)('%s', (_name, layoutName, opts) => {
  const layout = byName(layoutName);

  it('is compliant once read from the file: no error, no warning but graduate-late, helper sheets skipped', async () => {
    const sub = compliantSubmission();
    const built = layout.build(sub);
    const grid = await readWorkbook(await workbookOf(built.sheets, sub, opts));
    const result = validateWorkbook(grid, { asOf: AS_OF });
    const notInfo = result.problems.filter((p) => p.severity !== 'info').map((p) => `${p.rule} ${p.sheet}!${p.cell}`);
    expect(notInfo.sort()).toEqual(sub.graduate.map((_, i) => built.where('graduate', i, '注册证号')).map((w) => `graduate-late ${w.sheet}!${w.cell}`).sort());
    expect(result.problems.filter((p) => p.rule === 'sheet-skipped').map((p) => p.sheet)).toEqual([HELPER_SHEETS.lists.name, '花名册']);
    expect(result.tables.map((t) => [t.kind, t.rows.length])).toEqual(KINDS.map((k) => [k, sub[k].length]));
    // The file really holds what this case is about: hidden list sheet, formula results, #N/A on empty rows.
    expect(grid.sheets.map((s) => s.name)).toContain(HELPER_SHEETS.lists.name);
    const errors = grid.sheets.flatMap((s) => s.rows.flat()).filter((c) => c?.kind === 'error').length;
    expect(errors > 0).toBe(opts.emptyRows === 'na' && layout.name.includes('50 rows'));
  });

  it('a look-alike dot in a 姓名 and a no-break space after a 学号: exactly those two', async () => {
    const sub = compliantSubmission();
    sub.enrolled[1].学号 = `${sub.enrolled[1].学号}\u00a0`;
    const built = layout.build(sub);
    const wbBytes = await workbookOf(built.sheets, sub, { ...opts, names: 'values' });
    const grid = await readWorkbook(wbBytes);
    const name = built.where('new', 5, '姓名');
    const sheet = grid.sheets.find((s) => s.name === name.sheet)!;
    const cell = sheet.rows.flat().find((c) => c?.address === name.cell)!;
    Object.assign(cell, { value: '阿依古丽・买买提', text: '阿依古丽・买买提' });
    const got = validateWorkbook(grid, { asOf: AS_OF }).problems.filter((p) => p.severity !== 'info' && p.rule !== 'graduate-late');
    expect(got.map((p) => `${p.rule} ${p.sheet}!${p.cell}`)).toEqual([
      `name-format ${name.sheet}!${name.cell}`,
      `character-width ${built.where('enrolled', 1, '学号').sheet}!${built.where('enrolled', 1, '学号').cell}`,
    ]);
  });
});
