/**
 * 插入模板: adds the three blank statistics sheets of template.ts to the open workbook, laid out as the CLI's
 * template file (src/xlsx/write-template.ts): merged title, info line, bordered header frozen in place,
 * text-formatted key and ID columns, dropdowns for 更正内容 and 更正原因, widths, the 注 lines right after the
 * prepared rows, the signature footer below them, and the page setup (A4 landscape, one page wide, title and
 * header rows on every page, page numbers).
 *
 * A workbook that already has a sheet of one of these kinds (a table of that kind, or a sheet of that name) is
 * never added to silently: in `ask` mode nothing is added and the sheets are returned, for the pane to ask.
 * Existing sheets are never touched; with the registrar's consent (`all`) a taken name gets "新生 (2)".
 */
import { columnLetter, sheetFromValues } from '../rules/grid';
import type { Policy } from '../rules/policy';
import { supports } from './requirements';
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

/** Points per character of the default 11-pt font (Excel's 8.43-character column is 48 points). */
const POINTS_PER_CHAR = 5.7;
const HEADER_FILL = '#D9D9D9';
const FONT = '宋体';
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;
/** How far to the right a sheet's top is read to tell its kind (the header of a correction table is narrower). */
const TOP_COLUMNS = 26;

export function uniqueSheetName(base: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

/** Reads the top of every sheet and tells which of the template's kinds the workbook has already. */
async function existingKinds(context: Excel.RequestContext, policy: Policy, names: string[]): Promise<Pick<TemplateOutcome, 'conflicts' | 'missing'>> {
  const tops = names.map((name) => ({
    name,
    range: context.workbook.worksheets.getItem(name).getRange(`A1:${columnLetter(TOP_COLUMNS)}${policy.headerSearchRows}`).load('values'),
  }));
  await context.sync();
  return templateConflicts(
    policy,
    tops.map((t) => sheetFromValues(t.name, t.range.values as (string | number | boolean)[][])),
  );
}

export async function insertTemplateIn(context: Excel.RequestContext, policy: Policy, mode: TemplateMode = 'ask'): Promise<TemplateOutcome> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const names = worksheets.items.map((w) => w.name);
  const { conflicts, missing } = await existingKinds(context, policy, names);
  const present = new Set(conflicts.map((c) => c.kind));
  if (mode === 'ask' && conflicts.length) return { added: [], conflicts, missing };
  const taken = new Set(names);
  const firstData = TEMPLATE_HEADER_ROW + 1;
  const lastData = TEMPLATE_HEADER_ROW + TEMPLATE_DATA_ROWS;
  const added: string[] = [];

  for (const t of templateSheets(policy)) {
    if (mode === 'missing' && present.has(t.kind)) continue;
    const name = uniqueSheetName(t.name, taken);
    taken.add(name);
    added.push(name);
    const sheet = context.workbook.worksheets.add(name);
    const last = columnLetter(t.headers.length);
    /** One row of values for A..last: each text at its 1-based column, the rest empty. */
    const row = (values: [string, number][]) => {
      const cells: string[] = t.headers.map(() => '');
      for (const [text, col] of values) cells[col - 1] = text;
      return [cells];
    };

    const title = sheet.getRange(`A1:${last}1`);
    title.merge(false);
    title.values = row([[t.title, 1]]);
    title.format.font.bold = true;
    title.format.font.size = 16;
    title.format.horizontalAlignment = 'Center';
    const info = sheet.getRange(`A2:${last}2`);
    info.merge(false);
    info.values = row([[t.infoLine, 1]]);

    const header = sheet.getRange(`A${TEMPLATE_HEADER_ROW}:${last}${TEMPLATE_HEADER_ROW}`);
    header.numberFormat = [t.headers.map(() => '@')];
    header.values = [t.headers];
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    header.format.horizontalAlignment = 'Center';
    header.format.wrapText = true;

    const table = sheet.getRange(`A${TEMPLATE_HEADER_ROW}:${last}${lastData}`);
    table.format.font.name = FONT;
    for (const edge of BORDERS) table.format.borders.getItem(edge).style = 'Continuous';

    t.headers.forEach((label, i) => {
      const col = columnLetter(i + 1);
      sheet.getRange(`${col}:${col}`).format.columnWidth = Math.round((t.widths[label] ?? 12) * POINTS_PER_CHAR);
      const data = sheet.getRange(`${col}${firstData}:${col}${lastData}`);
      if (t.textColumns.includes(label)) data.numberFormat = Array.from({ length: TEMPLATE_DATA_ROWS }, () => ['@']);
      const list = t.dropdowns[label];
      if (list?.length) {
        data.dataValidation.rule = { list: { inCellDropDown: true, source: list.join(',') } };
        data.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: `${label}无效`, message: `请从下拉列表中选择:${list.join('、')}` };
      }
    });

    t.notes.forEach((note, i) => {
      const line = sheet.getRange(`A${lastData + 1 + i}:${last}${lastData + 1 + i}`);
      line.merge(false);
      line.values = row([[note, 1]]);
      line.format.wrapText = true;
      // Merged cells do not grow to fit wrapped text: give long notes a second line.
      line.format.rowHeight = note.length > 60 ? 30 : 16;
    });

    // One empty line after the notes, then the signatures on tall rows, left and right.
    const split = footerSplitColumn(t.headers.length);
    t.footer.forEach(([left, right], i) => {
      const r = lastData + t.notes.length + 2 + i;
      const line = sheet.getRange(`A${r}:${last}${r}`);
      line.values = row([
        [left, 1],
        [right, split],
      ]);
      line.format.rowHeight = 36;
      line.format.verticalAlignment = 'Center';
      sheet.getRange(`A${r}:${columnLetter(split - 1)}${r}`).merge(false);
      sheet.getRange(`${columnLetter(split)}${r}:${last}${r}`).merge(false);
    });

    // Office 2019 (ExcelApi 1.8) has no page layout: the sheets are added without it (printing still works).
    if (supports('pageLayout')) {
      const layout = sheet.pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = 'A4';
      layout.centerHorizontally = true;
      // One page wide; 0 pages tall is "as many as needed", as in the CLI's file (fitToHeight="0").
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows(`$1:$${TEMPLATE_HEADER_ROW}`);
      layout.headersFooters.defaultForAllPages.centerFooter = TEMPLATE_PAGE_NUMBERS;
    }

    sheet.freezePanes.freezeRows(TEMPLATE_HEADER_ROW);
    if (added.length === 1) sheet.activate();
  }
  await context.sync();
  return { added, conflicts, missing };
}
