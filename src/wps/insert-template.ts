/**
 * 插入模板 in WPS: the three blank statistics sheets of template.ts, laid out as the Excel ribbon's and the CLI's
 * template: merged title, info line, bordered grey header frozen in place, text-formatted key and ID columns,
 * dropdowns for 更正内容 and 更正原因, widths, the 注 lines after the prepared rows, the signature footer below
 * them and the page setup (A4 landscape, one page wide, title and header rows on every page, page numbers).
 * As in Excel, a workbook that already has a sheet of one of these kinds is never added to silently (`ask` adds
 * nothing and returns the sheets); existing sheets are never touched; with `all` a taken name gets "新生 (2)".
 */
import { uniqueSheetName } from '../excel/insert-template';
import { columnLetter, sheetFromValues } from '../rules/grid';
import type { Policy } from '../rules/policy';
import {
  TEMPLATE_DATA_ROWS,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_PAGE_NUMBERS,
  type TemplateMode,
  type TemplateOutcome,
  footerSplitColumn,
  templateConflicts,
  templateSheets,
} from '../rules/template';
import { XL, type EtApplication, type EtWorkbook, type EtWorksheet } from './et';
import { bgr, rowsOf } from './values';

const HEADER_FILL = bgr('#D9D9D9');
const FONT = '宋体';

/** How far to the right a sheet's top is read to tell its kind (the header of a correction table is narrower). */
const TOP_COLUMNS = 26;

/** Which of the template's kinds the workbook has already, from the top of every sheet. */
function existingKinds(workbook: EtWorkbook, policy: Policy): Pick<TemplateOutcome, 'conflicts' | 'missing'> {
  const rows = policy.headerSearchRows;
  const tops = [];
  for (let i = 1, n = workbook.Worksheets.Count; i <= n; i++) {
    const sheet = workbook.Worksheets.Item(i);
    const values = rowsOf(sheet.Range(`A1:${columnLetter(TOP_COLUMNS)}${rows}`).Value2, rows, TOP_COLUMNS);
    tops.push(sheetFromValues(sheet.Name, values as (string | number | boolean | null)[][]));
  }
  return templateConflicts(policy, tops);
}

/** The sheets added (the first of them left active), or, in `ask` mode with sheets of these kinds present, nothing. */
export function insertTemplateIn(app: EtApplication, workbook: EtWorkbook, policy: Policy, mode: TemplateMode = 'ask'): TemplateOutcome {
  const { conflicts, missing } = existingKinds(workbook, policy);
  if (mode === 'ask' && conflicts.length) return { added: [], conflicts, missing };
  const present = new Set(conflicts.map((c) => c.kind));
  const taken = new Set<string>();
  for (let i = 1, n = workbook.Worksheets.Count; i <= n; i++) taken.add(workbook.Worksheets.Item(i).Name);
  const firstData = TEMPLATE_HEADER_ROW + 1;
  const lastData = TEMPLATE_HEADER_ROW + TEMPLATE_DATA_ROWS;
  const added: EtWorksheet[] = [];

  for (const t of templateSheets(policy)) {
    if (mode === 'missing' && present.has(t.kind)) continue;
    const name = uniqueSheetName(t.name, taken);
    taken.add(name);
    // After the last sheet; Add activates the new sheet, which the freeze below needs.
    const sheet = workbook.Worksheets.Add(undefined, workbook.Worksheets.Item(workbook.Worksheets.Count));
    sheet.Name = name;
    added.push(sheet);
    const last = columnLetter(t.headers.length);

    const title = sheet.Range(`A1:${last}1`);
    title.Merge();
    sheet.Range('A1').Value2 = t.title;
    title.Font.Bold = true;
    title.Font.Size = 16;
    title.HorizontalAlignment = XL.center;
    sheet.Range(`A2:${last}2`).Merge();
    sheet.Range('A2').Value2 = t.infoLine;

    const header = sheet.Range(`A${TEMPLATE_HEADER_ROW}:${last}${TEMPLATE_HEADER_ROW}`);
    header.NumberFormat = '@';
    header.Value2 = [t.headers];
    header.Font.Bold = true;
    header.Interior.Color = HEADER_FILL;
    header.HorizontalAlignment = XL.center;
    header.WrapText = true;

    const table = sheet.Range(`A${TEMPLATE_HEADER_ROW}:${last}${lastData}`);
    table.Font.Name = FONT;
    table.Borders.LineStyle = XL.continuous;

    t.headers.forEach((label, i) => {
      const col = columnLetter(i + 1);
      // ET's ColumnWidth counts characters of the default font, as the template's widths do.
      sheet.Range(`${col}:${col}`).ColumnWidth = t.widths[label] ?? 12;
      const data = sheet.Range(`${col}${firstData}:${col}${lastData}`);
      if (t.textColumns.includes(label)) data.NumberFormat = '@';
      const list = t.dropdowns[label];
      if (list?.length) {
        data.Validation.Add(XL.validateList, XL.validAlertStop, XL.between, list.join(','));
        data.Validation.InCellDropdown = true;
        data.Validation.ErrorTitle = `${label}无效`;
        data.Validation.ErrorMessage = `请从下拉列表中选择:${list.join('、')}`;
      }
    });

    t.notes.forEach((note, i) => {
      const row = lastData + 1 + i;
      const line = sheet.Range(`A${row}:${last}${row}`);
      line.Merge();
      sheet.Range(`A${row}`).Value2 = note;
      line.WrapText = true;
      // Merged cells do not grow to fit wrapped text: give long notes a second line.
      line.RowHeight = note.length > 60 ? 30 : 16;
    });

    // One empty line after the notes, then the signatures on tall rows, left and right.
    const split = footerSplitColumn(t.headers.length);
    t.footer.forEach(([left, right], i) => {
      const r = lastData + t.notes.length + 2 + i;
      sheet.Range(`A${r}`).Value2 = left;
      sheet.Range(`${columnLetter(split)}${r}`).Value2 = right;
      sheet.Range(`A${r}:${last}${r}`).RowHeight = 36;
      sheet.Range(`A${r}:${columnLetter(split - 1)}${r}`).Merge();
      sheet.Range(`${columnLetter(split)}${r}:${last}${r}`).Merge();
    });

    const page = sheet.PageSetup;
    page.Orientation = XL.landscape;
    page.PaperSize = XL.paperA4;
    page.CenterHorizontally = true;
    // One page wide, as many tall as needed: FitToPages* apply only with Zoom off, as in VBA.
    page.Zoom = false;
    page.FitToPagesWide = 1;
    page.FitToPagesTall = false;
    page.PrintTitleRows = `$1:$${TEMPLATE_HEADER_ROW}`;
    page.CenterFooter = TEMPLATE_PAGE_NUMBERS;

    const window = app.ActiveWindow;
    if (window) {
      window.SplitColumn = 0;
      window.SplitRow = TEMPLATE_HEADER_ROW;
      window.FreezePanes = true;
    }
  }
  added[0]?.Activate();
  return { added: added.map((s) => s.Name), conflicts, missing };
}
