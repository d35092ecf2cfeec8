/**
 * Writes the statistics workbook (附表1–3) from `templateSheets` with the project's own SpreadsheetML writer
 * (src/xlsx/write/): merged bold title, the 分部名称 line, a bordered header frozen in place, text format "@" on the
 * key and ID columns so long digit strings keep every digit, dropdowns for 更正内容 / 更正原因, the 注 lines right
 * after the data area (the reader ends a table at a 注 line, so nothing typed into the data area is cut off), and
 * below them the footer the seed requires (处长 and 经手人 signatures, seal, date). Printed on A4 landscape, one page
 * wide, the title and header rows repeated on every page, page numbers at the foot.
 * Browser-safe; callers load it with a dynamic import(), only when a template is written.
 */
import { columnLetter } from '../rules/grid';
import type { Policy, TableKind } from '../rules/policy';
import { TEMPLATE_DATA_ROWS, TEMPLATE_HEADER_ROW, TEMPLATE_PAGE_NUMBERS, type TemplateSheet, footerSplitColumn, templateSheets } from '../rules/template';
import type { CellStyle } from './write/styles';
import { writeWorkbook } from './write/workbook';
import { Worksheet } from './write/worksheet';

/** One data row by header label; strings are written as text, numbers as numbers, dates as date cells. */
export type TemplateRow = Record<string, string | number | Date | null>;

export interface TemplateOptions {
  /** Data rows to fill in, per table kind, in the order given. */
  rows?: Partial<Record<TableKind, TemplateRow[]>>;
  /** Rows formatted for data entry before the 注 lines (at least as many as filled in). */
  dataRows?: number;
  /** Replaces the 分部名称 / 填报日期 line of each sheet. */
  infoLines?: Partial<Record<TableKind, string>>;
  /** The workbook's created/modified time (default: now); fixed for a file that must be the same on every build. */
  modified?: Date;
}

const FONT = '宋体';
const font = (size: number, bold?: boolean): CellStyle['font'] => (bold ? { name: FONT, size, bold } : { name: FONT, size });
const TITLE: CellStyle = { font: font(16, true), alignment: { horizontal: 'center', vertical: 'middle' } };
const INFO: CellStyle = { font: font(11) };
const HEADER: CellStyle = { font: font(11, true), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: 'thin', fill: 'FFD9D9D9' };
const NOTE: CellStyle = { font: font(10), alignment: { vertical: 'top', wrapText: true } };
const FOOTER: CellStyle = { font: font(12), alignment: { vertical: 'middle' } };
/** Page numbers centred at the foot of every printed page. */
export const TEMPLATE_PAGE_FOOTER = `&C${TEMPLATE_PAGE_NUMBERS}`;

function templateSheet(spec: TemplateSheet, options: TemplateOptions): Worksheet {
  const rows = options.rows?.[spec.kind] ?? [];
  const dataRows = Math.max(options.dataRows ?? TEMPLATE_DATA_ROWS, rows.length);
  const lastCol = spec.headers.length;
  const ws = new Worksheet(spec.name);
  ws.frozenRows = TEMPLATE_HEADER_ROW;
  ws.print = {
    paperSize: 9,
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    titleRows: [1, TEMPLATE_HEADER_ROW],
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    oddFooter: TEMPLATE_PAGE_FOOTER,
  };
  spec.headers.forEach((h, i) => ws.widths.set(i + 1, spec.widths[h] ?? 12));

  ws.set(1, 1, spec.title, TITLE);
  ws.merge({ top: 1, left: 1, bottom: 1, right: lastCol }, true);
  ws.heights.set(1, 32);
  ws.set(2, 1, options.infoLines?.[spec.kind] ?? spec.infoLine, INFO);
  ws.merge({ top: 2, left: 1, bottom: 2, right: lastCol }, true);
  spec.headers.forEach((h, i) => ws.set(TEMPLATE_HEADER_ROW, i + 1, h, HEADER));
  ws.heights.set(TEMPLATE_HEADER_ROW, 24);

  const first = TEMPLATE_HEADER_ROW + 1;
  const cellStyles = spec.headers.map((h): CellStyle => ({ font: font(11), border: 'thin', ...(spec.textColumns.includes(h) && { numFmt: '@' }) }));
  for (let r = 0; r < dataRows; r++)
    spec.headers.forEach((h, i) => {
      const v = rows[r]?.[h];
      const value = v === undefined || v === '' ? null : v;
      ws.set(first + r, i + 1, value, value instanceof Date ? { ...cellStyles[i], numFmt: 'yyyy-mm-dd' } : cellStyles[i]);
    });
  if (dataRows)
    for (const [h, list] of Object.entries(spec.dropdowns)) {
      const col = spec.headers.indexOf(h) + 1;
      if (!col) continue;
      ws.validations.push({
        sqref: columnRange(col, first, first + dataRows - 1),
        items: list,
        errorTitle: '输入有误',
        error: `请从下拉列表中选择:${list.join('、')}`,
      });
    }

  spec.notes.forEach((note, i) => {
    const r = first + dataRows + i;
    ws.set(r, 1, note, NOTE);
    ws.merge({ top: r, left: 1, bottom: r, right: lastCol }, true);
    // Merged cells do not grow to fit wrapped text: give long notes a second line.
    ws.heights.set(r, note.length > 60 ? 30 : 16);
  });

  // One empty line, then the signatures: tall rows leave room to sign.
  const split = footerSplitColumn(lastCol);
  spec.footer.forEach(([left, right], i) => {
    const r = first + dataRows + spec.notes.length + 1 + i;
    for (const [text, from, to] of [[left, 1, split - 1], [right, split, lastCol]] as const) {
      ws.set(r, from, text, FOOTER);
      ws.merge({ top: r, left: from, bottom: r, right: to }, true);
    }
    ws.heights.set(r, 36);
  });
  return ws;
}

/** "E4:E503": one column from row `from` to row `to`. */
function columnRange(col: number, from: number, to: number): string {
  const letter = columnLetter(col);
  return `${letter}${from}:${letter}${to}`;
}

/** The .xlsx file: one sheet per table kind. */
export function templateBytes(policy: Policy, options: TemplateOptions = {}): Promise<Uint8Array> {
  return writeWorkbook(
    templateSheets(policy).map((spec) => templateSheet(spec, options)),
    { creator: '学籍更正助手', modified: options.modified },
  );
}
