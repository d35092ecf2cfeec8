/**
 * Reads the workbook's sheets into the engine's grid with as few `context.sync()` calls as the payload allows:
 * one sync for the sheet list, one for every sheet's used range, then blocks of rows, as many blocks (of any
 * sheets) queued before one sync as fit the budget. Excel on the web refuses a request or response over 5 MB, so
 * a sync carries at most TARGET_BYTES of cell data: the first one a conservative FIRST_SYNC_CELLS cells, the next
 * ones as many as the bytes per cell measured so far allow. Merged areas (ExcelApi 1.13) ride with the first blocks.
 * Excel returns only the merged areas whose top-left cell lies in the range asked for
 * (https://github.com/OfficeDev/office-js/issues/3611), so they are asked for from A1 to the used range's
 * bottom-right corner: a merge that starts above or left of the used range (an empty merged title) is found too.
 *
 * A text cell is its value, so the blocks after the first sync load only `values` and `valueTypes`; the shown text
 * and number format, which only numbers, dates, booleans and errors need, are asked in the next sync for just the
 * columns of the block that hold such cells. Most of a registrar's table is text: this nearly halves the bytes, and
 * so the syncs, of a large sheet. The first sync loads all four, so a sheet that fits it still takes one.
 */
import type { Progress } from '../host/types';
import type { Cell, SheetGrid } from '../rules/grid';
import { type ExcelValueType, cellFromExcel } from './cell-values';

/** What one sync may carry back: 3 MB, well under the 5 MB limit even if the estimate is off. */
const TARGET_BYTES = 3 * 1024 * 1024;
/** The first sync's cells, before any measurement: 100 bytes a cell (long Chinese text in value and text) stays at 3 MB. */
const FIRST_SYNC_CELLS = 30_000;
/** The least a cell costs in the response (`"",""," General","Empty"`), so the measured budget stays bounded. */
const MIN_BYTES_PER_CELL = 24;
/** Rows of one range request, however narrow the sheet. */
const MAX_BLOCK_ROWS = 5_000;

const CELL_PROPERTIES = 'values,valueTypes';
const DETAIL_PROPERTIES = 'text,numberFormat';
const ALL_PROPERTIES = `${CELL_PROPERTIES},${DETAIL_PROPERTIES}`;

export interface SheetToRead {
  name: string;
  worksheet: Excel.Worksheet;
}

interface Area {
  sheet: SheetToRead;
  grid: SheetGrid;
  /** 0-based position and size of the used range. */
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Rows of the used range already queued. */
  next: number;
  merges?: Excel.RangeAreas;
}

interface Block {
  area: Area;
  /** Offset of the block's first row within the used range, and its row count. */
  start: number;
  rows: number;
  range: Excel.Range;
  /** Loaded with the text and number format too (the first sync's blocks). */
  full: boolean;
}

/** One column of a loaded block whose cells other than text wait for their shown text and number format. */
interface Detail {
  block: Block;
  /** Column offset within the used range. */
  col: number;
  range?: Excel.Range;
}

/** The response bytes of one string in the JSON, counting any non-ASCII character as a \u escape. */
const jsonBytes = (s: string) => (/[^\x00-\x7f]/.test(s) ? s.length * 6 : s.length) + 3;

/** Reads every sheet of the workbook. */
export async function readWorkbookGrid(context: Excel.RequestContext, options: { merges: boolean; onProgress?: (p: Progress) => void }): Promise<SheetGrid[]> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  return readSheets(context, worksheets.items.map((worksheet) => ({ name: worksheet.name, worksheet })), options);
}

/** Reads the given sheets: their used ranges (values only, so formatting and our marks do not widen them), then the cells. */
export async function readSheets(context: Excel.RequestContext, sheets: SheetToRead[], options: { merges: boolean; onProgress?: (p: Progress) => void }): Promise<SheetGrid[]> {
  const used = sheets.map((sheet) => ({ sheet, range: sheet.worksheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') }));
  await context.sync();

  const grids: SheetGrid[] = sheets.map((s) => ({ name: s.name, rows: [] }));
  const areas: Area[] = [];
  used.forEach(({ sheet, range }, i) => {
    if (range.isNullObject) return;
    const area: Area = { sheet, grid: grids[i], top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount, next: 0 };
    area.grid.rows = Array.from({ length: area.top + area.rows }, () => []);
    areas.push(area);
  });

  const totalRows = areas.reduce((n, a) => n + a.rows, 0);
  let doneRows = 0;
  let budget = FIRST_SYNC_CELLS;
  let details: Detail[] = [];
  for (let first = true; details.length || areas.some((a) => a.next < a.rows); first = false) {
    const blocks = queueBlocks(areas, budget, first);
    if (first && options.merges)
      for (const a of areas) a.merges = a.sheet.worksheet.getRangeByIndexes(0, 0, a.top + a.rows, a.left + a.cols).getMergedAreasOrNullObject().load('address');
    for (const d of details) d.range = d.block.area.sheet.worksheet.getRangeByIndexes(d.block.area.top + d.block.start, d.block.area.left + d.col, d.block.rows, 1).load(DETAIL_PROPERTIES);
    await context.sync();

    let bytes = 0;
    for (const d of details) bytes += storeDetail(d);
    details = [];
    let cells = 0;
    for (const block of blocks) {
      bytes += storeBlock(block, details);
      cells += block.rows * block.area.cols;
      doneRows += block.rows;
      const from = block.area.top + block.start + 1;
      options.onProgress?.({ step: `读取工作表 ${block.area.sheet.name}(第 ${from}–${from + block.rows - 1} 行)`, done: doneRows, total: totalRows });
    }
    // The bytes per cell include the details this sync brought of the previous blocks, as the next sync will.
    if (cells) budget = Math.floor(TARGET_BYTES / Math.max(MIN_BYTES_PER_CELL, bytes / cells));
  }

  for (const a of areas) if (a.merges && !a.merges.isNullObject) a.grid.merges = parseAreas(a.merges.address);
  return grids;
}

/** Queues the next blocks of rows, sheet after sheet, until the sync's cell budget is used (at least one row). */
function queueBlocks(areas: Area[], budget: number, full: boolean): Block[] {
  const blocks: Block[] = [];
  let left = budget;
  for (const area of areas) {
    while (area.next < area.rows) {
      const fit = Math.floor(left / area.cols);
      if (fit < 1 && blocks.length > 0) return blocks;
      const rows = Math.min(area.rows - area.next, MAX_BLOCK_ROWS, Math.max(1, fit));
      const range = area.sheet.worksheet.getRangeByIndexes(area.top + area.next, area.left, rows, area.cols).load(full ? ALL_PROPERTIES : CELL_PROPERTIES);
      blocks.push({ area, start: area.next, rows, range, full });
      area.next += rows;
      left -= rows * area.cols;
    }
  }
  return blocks;
}

/**
 * Puts a loaded block's cells into the grid: all of a full block, else its text cells, adding the columns of the
 * others to `details`. Returns the estimated response bytes, of a full block as if it had been loaded like the later
 * ones (values and types, and the text and number format of the columns that hold cells other than text), so the
 * budget it gives the next sync holds for those.
 */
function storeBlock(block: Block, details: Detail[]): number {
  const { area, start, range, full } = block;
  const { values, valueTypes } = range;
  const text = full ? range.text : null;
  const numberFormat = full ? range.numberFormat : null;
  const waiting = new Set<number>();
  const columnDetailBytes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const rowNo = area.top + start + i + 1;
    const out: (Cell | undefined)[] = [];
    for (let j = 0; j < values[i].length; j++) {
      const v: unknown = values[i][j];
      const type = valueTypes[i][j] as ExcelValueType;
      bytes += jsonBytes(typeof v === 'string' ? v : String(v)) + jsonBytes(type);
      let cell: Cell | undefined;
      if (text && numberFormat) {
        const shown = text[i][j] ?? '';
        const format = String(numberFormat[i][j] ?? 'General');
        columnDetailBytes[j] = (columnDetailBytes[j] ?? 0) + jsonBytes(shown) + jsonBytes(format);
        cell = cellFromExcel(rowNo, area.left + j + 1, v, shown, format, type);
      } else if (type === 'String') cell = cellFromExcel(rowNo, area.left + j + 1, v, '', '', type);
      if (type !== 'String' && type !== 'Empty') waiting.add(j);
      if (cell) out[area.left + j] = cell;
    }
    area.grid.rows[rowNo - 1] = out;
  }
  for (const col of waiting) {
    if (full) bytes += columnDetailBytes[col];
    else details.push({ block, col });
  }
  return bytes;
}

/** Puts a column's waiting cells into the grid with their shown text and number format; returns the estimated response bytes. */
function storeDetail({ block, col, range }: Detail): number {
  const { area, start } = block;
  const { values, valueTypes } = block.range;
  const { text, numberFormat } = range!;
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const shown = text[i][0] ?? '';
    const format = String(numberFormat[i][0] ?? 'General');
    bytes += jsonBytes(shown) + jsonBytes(format);
    const type = valueTypes[i][col] as ExcelValueType;
    if (type === 'String' || type === 'Empty') continue;
    const rowNo = area.top + start + i + 1;
    const cell = cellFromExcel(rowNo, area.left + col + 1, values[i][col], shown, format, type);
    if (cell) area.grid.rows[rowNo - 1][area.left + col] = cell;
  }
  return bytes;
}

/** "Sheet1!A1:H1, Sheet1!B5:C6" (sheet names may be quoted and hold commas) → ["A1:H1", "B5:C6"]. */
export function parseAreas(address: string): string[] {
  return [...address.matchAll(/!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)].map((m) => (m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`));
}
