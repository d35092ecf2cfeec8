/**
 * Reads the workbook's sheets into the engine's grid through ET's synchronous object model. Each call is a round
 * trip into WPS, so the cost is the number of calls, not their size: a sheet is read in blocks of rows, one
 * Value2 call per block, one NumberFormat call per column of the block (a column of one format answers at once;
 * only a column of mixed formats is read cell by cell). Merged areas are looked for block by block, and only a
 * block that has some is searched row by row. The add-in's own very-hidden sheets are not read.
 */
import type { Progress } from '../host/types';
import type { Cell, SheetGrid } from '../rules/grid';
import { columnLetter } from '../rules/grid';
import type { EtWorkbook, EtWorksheet } from './et';
import { isOwnSheet } from './hidden-sheet';
import { cellFromEt, normalFormat, rowsOf } from './values';

/** Rows per Value2 call: 2,000 rows of a 13-column table is 26,000 values, small for one call. */
export const BLOCK_ROWS = 2_000;

const A1 = (row: number, col: number) => `${columnLetter(col)}${row}`;
const areaA1 = (r0: number, c0: number, r1: number, c1: number) => `${A1(r0, c0)}:${A1(r1, c1)}`;

/** "$B$5:$C$6" → "B5:C6". */
const plain = (address: string) => address.replace(/\$/g, '');

/** Reads every sheet but the add-in's own; between blocks it lets the pane repaint its progress (ET's calls block). */
export async function readSheets(workbook: EtWorkbook, onProgress?: (p: Progress) => void): Promise<SheetGrid[]> {
  const sheets: EtWorksheet[] = [];
  const count = workbook.Worksheets.Count;
  for (let i = 1; i <= count; i++) {
    const sheet = workbook.Worksheets.Item(i);
    if (!isOwnSheet(sheet.Name)) sheets.push(sheet);
  }
  const used = sheets.map((sheet) => {
    const range = sheet.UsedRange;
    return { sheet, name: sheet.Name, top: range.Row, left: range.Column, rows: range.Rows.Count, cols: range.Columns.Count };
  });
  const total = used.reduce((n, u) => n + u.rows, 0);
  let done = 0;
  const grids: SheetGrid[] = [];
  for (const u of used) {
    const grid: SheetGrid = { name: u.name, rows: Array.from({ length: u.top + u.rows - 1 }, () => []), merges: [] };
    const bottom = u.top + u.rows - 1;
    const right = u.left + u.cols - 1;
    for (let first = u.top; first <= bottom; first += BLOCK_ROWS) {
      const last = Math.min(bottom, first + BLOCK_ROWS - 1);
      readBlock(u.sheet, grid, first, last, u.left, right);
      done += last - first + 1;
      onProgress?.({ step: `读取工作表 ${u.name}(第 ${first}–${last} 行)`, done, total });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    grids.push(grid);
  }
  return grids;
}

function readBlock(sheet: EtWorksheet, grid: SheetGrid, first: number, last: number, left: number, right: number): void {
  const rows = last - first + 1;
  const cols = right - left + 1;
  const block = sheet.Range(areaA1(first, left, last, right));
  const values = rowsOf(block.Value2, rows, cols);
  // One format per column when the column agrees; null means mixed, read per cell only where a number needs it.
  const columnFormats = Array.from({ length: cols }, (_, j) => sheet.Range(areaA1(first, left + j, last, left + j)).NumberFormat);
  for (let i = 0; i < rows; i++) {
    const row = first + i;
    const out: (Cell | undefined)[] = [];
    for (let j = 0; j < cols; j++) {
      const value = values[i][j];
      if (value === undefined || value === null || value === '') continue;
      const code = columnFormats[j] ?? (typeof value === 'number' ? sheet.Range(A1(row, left + j)).NumberFormat : null);
      const cell = cellFromEt(row, left + j, value, normalFormat(code));
      if (cell) out[left + j - 1] = cell;
    }
    grid.rows[row - 1] = out;
  }
  if (block.MergeCells !== false) readMerges(sheet, grid, first, last, left, right);
}

/**
 * The merged areas of rows known to hold some: the rows are halved until a half has none (one call) or is one row,
 * whose cells are then asked one by one, so a few merges cost a few dozen calls, not one per row.
 */
function readMerges(sheet: EtWorksheet, grid: SheetGrid, first: number, last: number, left: number, right: number): void {
  if (first < last) {
    const middle = Math.floor((first + last) / 2);
    for (const [a, b] of [[first, middle], [middle + 1, last]])
      if (sheet.Range(areaA1(a, left, b, right)).MergeCells !== false) readMerges(sheet, grid, a, b, left, right);
    return;
  }
  const seen = new Set(grid.merges);
  {
    const row = first;
    for (let col = left; col <= right; col++) {
      const cell = sheet.Range(A1(row, col));
      if (!cell.MergeCells) continue;
      const area = plain(cell.MergeArea.Address);
      if (!seen.has(area)) {
        seen.add(area);
        grid.merges!.push(area);
      }
    }
  }
}
