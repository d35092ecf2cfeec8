/**
 * Writes the statistics workbook (附表1–3) from `templateSheets` with ExcelJS: merged bold title, the
 * 分部名称 line, a bordered header frozen in place, text format "@" on the key and ID columns so long digit
 * strings keep every digit, dropdowns for 更正内容 / 更正原因, the 注 lines right after the data area (the reader
 * ends a table at a 注 line, so nothing typed into the data area is cut off), and below them the footer the seed
 * requires (处长 and 经手人 signatures, seal, date). Printed on A4 landscape, one page wide, the title and header
 * rows repeated on every page, page numbers at the foot.
 * Browser-safe: ExcelJS only.
 */
import ExcelJS from 'exceljs';
import type { Policy, TableKind } from '../rules/policy';
import { TEMPLATE_DATA_ROWS, TEMPLATE_HEADER_ROW, TEMPLATE_PAGE_NUMBERS, type TemplateSheet, footerSplitColumn, templateSheets } from '../rules/template';

/** One data row by header label; strings are written as text, numbers as numbers, dates as date cells. */
export type TemplateRow = Record<string, string | number | Date | null>;

export interface TemplateOptions {
  /** Data rows to fill in, per table kind, in the order given. */
  rows?: Partial<Record<TableKind, TemplateRow[]>>;
  /** Rows formatted for data entry before the 注 lines (at least as many as filled in). */
  dataRows?: number;
  /** Replaces the 分部名称 / 填报日期 line of each sheet. */
  infoLines?: Partial<Record<TableKind, string>>;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = '宋体';
/** Page numbers centred at the foot of every printed page. */
export const TEMPLATE_PAGE_FOOTER = `&C${TEMPLATE_PAGE_NUMBERS}`;

function addSheet(wb: ExcelJS.Workbook, spec: TemplateSheet, options: TemplateOptions): void {
  const rows = options.rows?.[spec.kind] ?? [];
  const dataRows = Math.max(options.dataRows ?? TEMPLATE_DATA_ROWS, rows.length);
  const lastCol = spec.headers.length;
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `1:${TEMPLATE_HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: TEMPLATE_PAGE_FOOTER },
  });
  ws.columns = spec.headers.map((h) => ({ width: spec.widths[h] ?? 12 }));

  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getRow(1).height = 32;

  const info = ws.getCell(2, 1);
  info.value = options.infoLines?.[spec.kind] ?? spec.infoLine;
  info.font = { name: FONT, size: 11 };
  ws.mergeCells(2, 1, 2, lastCol);

  const header = ws.getRow(TEMPLATE_HEADER_ROW);
  spec.headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  header.height = 24;

  const textCols = new Set(spec.textColumns);
  const first = TEMPLATE_HEADER_ROW + 1;
  for (let r = 0; r < dataRows; r++) {
    const row = ws.getRow(first + r);
    const values = rows[r];
    spec.headers.forEach((h, i) => {
      const cell = row.getCell(i + 1);
      cell.border = THIN;
      cell.font = { name: FONT, size: 11 };
      if (textCols.has(h)) cell.numFmt = '@';
      const list = spec.dropdowns[h];
      if (list)
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${list.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '输入有误',
          error: `请从下拉列表中选择:${list.join('、')}`,
        };
      const v = values?.[h];
      if (v === undefined || v === null || v === '') return;
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }

  spec.notes.forEach((note, i) => {
    const r = first + dataRows + i;
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { vertical: 'top', wrapText: true };
    ws.mergeCells(r, 1, r, lastCol);
    // Merged cells do not grow to fit wrapped text: give long notes a second line.
    ws.getRow(r).height = note.length > 60 ? 30 : 16;
  });

  // One empty line, then the signatures: tall rows leave room to sign.
  const split = footerSplitColumn(lastCol);
  spec.footer.forEach(([left, right], i) => {
    const r = first + dataRows + spec.notes.length + 1 + i;
    for (const [text, from, to] of [[left, 1, split - 1], [right, split, lastCol]] as const) {
      const cell = ws.getCell(r, from);
      cell.value = text;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: 'middle' };
      ws.mergeCells(r, from, r, to);
    }
    ws.getRow(r).height = 36;
  });
}

/** The workbook as an ExcelJS object (callers may still edit it), one sheet per table kind. */
export function buildTemplateWorkbook(policy: Policy, options: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '学籍更正助手';
  for (const spec of templateSheets(policy)) addSheet(wb, spec, options);
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
