/**
 * The sheet as the engine sees it: a grid of cells, each with its address, raw value, displayed text and
 * whether the spreadsheet holds it as text or as a number. Both the Excel adapter and the .xlsx reader
 * produce this shape; nothing here knows about office-js or files.
 */

export type CellKind = 'text' | 'number' | 'boolean' | 'date' | 'error' | 'empty';

export interface Cell {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** 1-based column number (A = 1). */
  col: number;
  /** A1-style address without the sheet, e.g. "D7". */
  address: string;
  /** Raw value: string for text, number for numbers, ISO date "YYYY-MM-DD" for dates, null when empty. */
  value: string | number | boolean | null;
  /** The text Excel displays (number format applied). */
  text: string;
  kind: CellKind;
}

export interface SheetGrid {
  name: string;
  /** rows[r - 1][c - 1]; missing entries are empty cells. */
  rows: (Cell | undefined)[][];
  /** Merged ranges such as "A1:H1". */
  merges?: string[];
}

export interface WorkbookGrid {
  /** File name without the extension, when known (used for the package name). */
  name?: string;
  sheets: SheetGrid[];
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Letters by column number: addresses are derived often (see SheetCell) and a sheet has few columns. */
const letters: string[] = [];

export function cellAddress(row: number, col: number): string {
  return (letters[col] ??= columnLetter(col)) + row;
}

export function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Za-z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/**
 * A cell whose address is derived from its row and column on the prototype instead of stored in each cell: the .xlsx
 * reader builds about a million of them for a 100,000-row sheet, and the address string was a third of each.
 * Structured clone (postMessage to the pane's worker) keeps own fields only; `reviveGrid` restores the address there.
 */
export class SheetCell implements Cell {
  constructor(
    public row: number,
    public col: number,
    public value: Cell['value'],
    public text: string,
    public kind: CellKind,
  ) {}

  get address(): string {
    return cellAddress(this.row, this.col);
  }
}

/**
 * The grid as it arrives through structured clone, each cell that lost its derived address rebuilt as a SheetCell
 * (cells with an address of their own, as the Excel adapter builds them, are kept as they are).
 */
export function reviveGrid(grid: WorkbookGrid): WorkbookGrid {
  for (const sheet of grid.sheets)
    for (const row of sheet.rows) {
      if (!row) continue;
      for (let i = 0; i < row.length; i++) {
        const c = row[i];
        if (c && typeof c.address !== 'string') row[i] = new SheetCell(c.row, c.col, c.value, c.text, c.kind);
      }
    }
  return grid;
}

/** Builds a cell from a raw value the way a test or a reader would. */
export function makeCell(row: number, col: number, value: Cell['value'], kind?: CellKind, text?: string): Cell {
  const k: CellKind =
    kind ?? (value === null || value === '' ? 'empty' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text');
  return { row, col, address: cellAddress(row, col), value: k === 'empty' ? null : value, text: text ?? (value === null ? '' : String(value)), kind: k };
}

/** A sheet from plain rows of values, as tests and the template builder write them. Strings are text cells, numbers are number cells. */
export function sheetFromValues(name: string, values: (string | number | boolean | null | undefined)[][], merges?: string[]): SheetGrid {
  return {
    name,
    rows: values.map((r, i) => r.map((v, j) => (v === undefined || v === null || v === '' ? undefined : makeCell(i + 1, j + 1, v)))),
    merges,
  };
}

export function getCell(sheet: SheetGrid, row: number, col: number): Cell | undefined {
  return sheet.rows[row - 1]?.[col - 1];
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

/**
 * The numbers (1-based) of the rows a sheet holds from `from` on, ascending. A sheet read from a file is sparse
 * (a cell in row 1,000,000 does not make a million rows): this visits the rows that exist, not the gaps.
 */
export function rowNumbers(sheet: SheetGrid, from = 1): number[] {
  const out: number[] = [];
  // forEach skips the holes of a sparse array (at most Excel's 1,048,576 cheap checks, never a visit per row).
  sheet.rows.forEach((row, i) => {
    if (row && i + 1 >= from) out.push(i + 1);
  });
  return out;
}

/** The cells a row holds, in column order, without visiting the gaps of a sparse row. */
export function rowCells(row: (Cell | undefined)[] | undefined): Cell[] {
  const out: Cell[] = [];
  if (!row) return out;
  // A row of ordinary width is walked; a wide one (a cell far to the right) by the indexes it holds.
  if (row.length <= 256) {
    for (let i = 0; i < row.length; i++) if (row[i]) out.push(row[i]!);
  } else {
    for (const key of Object.keys(row)) if (row[Number(key)]) out.push(row[Number(key)]!);
  }
  return out;
}

/** The row holds no non-empty cell (walked as `rowCells` walks it, without the copy). */
export function isEmptyRow(row: (Cell | undefined)[] | undefined): boolean {
  if (!row) return true;
  if (row.length > 256) return rowCells(row).every(isEmptyCell);
  for (let i = 0; i < row.length; i++) if (!isEmptyCell(row[i])) return false;
  return true;
}

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A merged range "A4:B5" (the reader writes them so: no `$`, top-left first) as numbers, or null when it is not a range. */
export function mergedRange(range: string): MergedRange | null {
  const [a, b] = range.split(':');
  if (!b || !/^[A-Z]+\d+$/i.test(a) || !/^[A-Z]+\d+$/i.test(b)) return null;
  const p = parseAddress(a);
  const q = parseAddress(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
