/**
 * A clean copy of the workbook built from the grid, for hosts that cannot hand over the file itself
 * (getFileAsync missing or failing): every sheet read, with its values (text kept as text, "@" where the text is
 * all digits so the digits survive editing), dates as dates and merged ranges. Formatting, formulas and
 * everything else of the original are not in it; the pane says so.
 */
import ExcelJS from 'exceljs';
import type { Cell, WorkbookGrid } from '../rules/grid';
import { workbookBytes } from '../xlsx/write-template';

function cellValue(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'date':
      return new Date(`${String(cell.value)}T00:00:00Z`);
    case 'error':
      return { error: String(cell.value) as ExcelJS.CellErrorValue['error'] };
    case 'empty':
      return null;
    default:
      return cell.value;
  }
}

export async function rebuildWorkbook(grid: WorkbookGrid): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '学籍更正助手';
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row) =>
      row.forEach((cell) => {
        if (!cell) return;
        const target = ws.getCell(cell.row, cell.col);
        target.value = cellValue(cell);
        if (cell.kind === 'date') target.numFmt = 'yyyy-mm-dd';
        if (cell.kind === 'text' && /^\d+$/.test(String(cell.value))) target.numFmt = '@';
      }),
    );
    for (const range of sheet.merges ?? []) if (range.includes(':')) ws.mergeCells(range);
  }
  return workbookBytes(wb);
}
