/**
 * 插入模板: adds the three blank statistics sheets of template.ts to the open workbook, laid out as the CLI's
 * template file (src/xlsx/write-template.ts): merged title, info line, bordered header frozen in place,
 * text-formatted key and ID columns, dropdowns for 更正内容 and 更正原因, widths, the 注 lines right after the
 * prepared rows. A sheet that already has the name is never touched: the new one gets "新生 (2)".
 */
import { columnLetter } from '../rules/grid';
import type { Policy } from '../rules/policy';
import { TEMPLATE_DATA_ROWS, TEMPLATE_HEADER_ROW, templateSheets } from '../rules/template';

/** Points per character of the default 11-pt font (Excel's 8.43-character column is 48 points). */
const POINTS_PER_CHAR = 5.7;
const HEADER_FILL = '#D9D9D9';
const FONT = '宋体';
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

export function uniqueSheetName(base: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

/** Returns the names of the sheets added. */
export async function insertTemplateIn(context: Excel.RequestContext, policy: Policy): Promise<string[]> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const taken = new Set(worksheets.items.map((w) => w.name));
  const firstData = TEMPLATE_HEADER_ROW + 1;
  const lastData = TEMPLATE_HEADER_ROW + TEMPLATE_DATA_ROWS;
  const added: string[] = [];

  for (const t of templateSheets(policy)) {
    const name = uniqueSheetName(t.name, taken);
    taken.add(name);
    added.push(name);
    const sheet = context.workbook.worksheets.add(name);
    const last = columnLetter(t.headers.length);

    const title = sheet.getRange(`A1:${last}1`);
    title.merge(false);
    title.values = [[t.title, ...t.headers.slice(1).map(() => '')]];
    title.format.font.bold = true;
    title.format.font.size = 16;
    title.format.horizontalAlignment = 'Center';
    const info = sheet.getRange(`A2:${last}2`);
    info.merge(false);
    info.values = [[t.infoLine, ...t.headers.slice(1).map(() => '')]];

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
      const row = sheet.getRange(`A${lastData + 1 + i}:${last}${lastData + 1 + i}`);
      row.merge(false);
      row.values = [[note, ...t.headers.slice(1).map(() => '')]];
      row.format.wrapText = true;
      // Merged cells do not grow to fit wrapped text: give long notes a second line.
      row.format.rowHeight = note.length > 60 ? 30 : 16;
    });
    sheet.freezePanes.freezeRows(TEMPLATE_HEADER_ROW);
    if (added.length === 1) sheet.activate();
  }
  await context.sync();
  return added;
}
