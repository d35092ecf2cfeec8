/**
 * A clean copy of the workbook built from the grid, for hosts that cannot hand over the file itself
 * (getFileAsync missing or failing): every sheet read, with its values (text kept as text, "@" where the text is
 * all digits so the digits survive editing), dates as dates and merged ranges. Formatting, formulas and
 * everything else of the original are not in it; the pane says so.
 */
import { type Cell, type WorkbookGrid, mergedRange } from '../rules/grid';
import type { CellStyle } from '../xlsx/write/styles';
import { writeWorkbook } from '../xlsx/write/workbook';
import { type CellValue, Worksheet } from '../xlsx/write/worksheet';

const DATE: CellStyle = { numFmt: 'yyyy-mm-dd' };
const TEXT: CellStyle = { numFmt: '@' };

function cellValue(cell: Cell): CellValue {
  switch (cell.kind) {
    case 'date':
      return new Date(`${String(cell.value)}T00:00:00Z`);
    case 'error':
      return { error: String(cell.value) };
    case 'empty':
      return null;
    default:
      return cell.value;
  }
}

function cellStyle(cell: Cell): CellStyle | undefined {
  if (cell.kind === 'date') return DATE;
  if (cell.kind === 'text' && /^\d+$/.test(String(cell.value))) return TEXT;
  return undefined;
}

export function rebuildWorkbook(grid: WorkbookGrid): Promise<Uint8Array> {
  const sheets = grid.sheets.map((sheet) => {
    const ws = new Worksheet(sheet.name);
    for (const row of sheet.rows) for (const cell of row) if (cell) ws.set(cell.row, cell.col, cellValue(cell), cellStyle(cell));
    for (const range of sheet.merges ?? []) {
      const m = mergedRange(range);
      if (m && (m.bottom > m.top || m.right > m.left)) ws.merge(m);
    }
    return ws;
  });
  return writeWorkbook(sheets, { creator: '学籍更正助手' });
}
