/**
 * Reads the workbook's sheets into the engine's grid with as few `context.sync()` calls as the payload allows:
 * one sync for the sheet list, one for every sheet's used range, then blocks of rows, as many blocks (of any
 * sheets) queued before one sync as fit the budget. Excel on the web refuses a request or response over 5 MB, so
 * a sync carries at most TARGET_BYTES of cell data: the first one a conservative FIRST_SYNC_CELLS cells, the next
 * ones as many as the bytes per cell measured so far allow. Merged areas (ExcelApi 1.13) ride with the first blocks.
 * Excel returns only the merged areas whose top-left cell lies in the range asked for
 * (https://github.com/OfficeDev/office-js/issues/3611), so they are asked for from A1 to the used range's
 * bottom-right corner: a merge that starts above or left of the used range (an empty merged title) is found too.
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

const CELL_PROPERTIES = 'values,text,numberFormat,valueTypes';

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
  for (let first = true; areas.some((a) => a.next < a.rows); first = false) {
    const blocks = queueBlocks(areas, budget);
    if (first && options.merges)
      for (const a of areas) a.merges = a.sheet.worksheet.getRangeByIndexes(0, 0, a.top + a.rows, a.left + a.cols).getMergedAreasOrNullObject().load('address');
    await context.sync();

    let bytes = 0;
    let cells = 0;
    for (const block of blocks) {
      bytes += storeBlock(block);
      cells += block.rows * block.area.cols;
      doneRows += block.rows;
      const from = block.area.top + block.start + 1;
      options.onProgress?.({ step: `读取工作表 ${block.area.sheet.name}(第 ${from}–${from + block.rows - 1} 行)`, done: doneRows, total: totalRows });
    }
    budget = Math.floor(TARGET_BYTES / Math.max(MIN_BYTES_PER_CELL, bytes / Math.max(1, cells)));
  }

  for (const a of areas) if (a.merges && !a.merges.isNullObject) a.grid.merges = parseAreas(a.merges.address);
  return grids;
}

/** Queues the next blocks of rows, sheet after sheet, until the sync's cell budget is used (at least one row). */
function queueBlocks(areas: Area[], budget: number): Block[] {
  const blocks: Block[] = [];
  let left = budget;
  for (const area of areas) {
    while (area.next < area.rows) {
      const fit = Math.floor(left / area.cols);
      if (fit < 1 && blocks.length > 0) return blocks;
      const rows = Math.min(area.rows - area.next, MAX_BLOCK_ROWS, Math.max(1, fit));
      const range = area.sheet.worksheet.getRangeByIndexes(area.top + area.next, area.left, rows, area.cols).load(CELL_PROPERTIES);
      blocks.push({ area, start: area.next, rows, range });
      area.next += rows;
      left -= rows * area.cols;
    }
  }
  return blocks;
}

/** Puts a loaded block's cells into the grid; returns the estimated response bytes. */
function storeBlock({ area, start, range }: Block): number {
  const { values, text, numberFormat, valueTypes } = range;
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const rowNo = area.top + start + i + 1;
    const out: (Cell | undefined)[] = [];
    for (let j = 0; j < values[i].length; j++) {
      const v: unknown = values[i][j];
      const shown = text[i][j] ?? '';
      const format = String(numberFormat[i][j] ?? 'General');
      const type = valueTypes[i][j] as ExcelValueType;
      bytes += jsonBytes(typeof v === 'string' ? v : String(v)) + jsonBytes(shown) + jsonBytes(format) + jsonBytes(type);
      const cell = cellFromExcel(rowNo, area.left + j + 1, v, shown, format, type);
      if (cell) out[area.left + j] = cell;
    }
    area.grid.rows[rowNo - 1] = out;
  }
  return bytes;
}

/** "Sheet1!A1:H1, Sheet1!B5:C6" (sheet names may be quoted and hold commas) → ["A1:H1", "B5:C6"]. */
export function parseAreas(address: string): string[] {
  return [...address.matchAll(/!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)].map((m) => (m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`));
}
