/**
 * The in-memory state behind the ET double: workbook, sheets, cells (value, number format, fill, font, comment,
 * validation, layout), and the file system WPS's FileSystem object sees. Plain data, no Node imports, so the same
 * code runs in jest and, bundled, in the browser page of the end-to-end run.
 */

/** Rows and columns are 1-based, as ET's Row / Column. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Fill {
  /** BGR integer, as VBA's Interior.Color. */
  color: number;
  pattern: number;
  patternColor: number;
}

export interface FontState {
  color: number;
  bold: boolean;
  size: number;
  name: string;
}

export interface ValidationState {
  type: number;
  alertStyle: number;
  formula1: string;
  inCellDropdown: boolean;
  errorTitle: string;
  errorMessage: string;
}

export interface CellState {
  value: string | number | boolean | null;
  format: string;
  fill: Fill;
  font: FontState;
  comment: string | null;
  validation: ValidationState | null;
  /** Layout the template sets (alignment, wrap, borders, row height): recorded, not rendered. */
  layout: Record<string, unknown>;
}

export interface SheetState {
  name: string;
  visible: number;
  cells: Map<string, CellState>;
  merges: Area[];
  columnWidths: Map<number, number>;
  selection: Area | null;
  freeze: { row: number; col: number } | null;
  /** PageSetup's properties as set (Orientation, PaperSize, Zoom, FitToPagesWide, …). */
  pageSetup: Record<string, unknown>;
}

export interface BookState {
  /** The file name with its extension ("统计表.xlsx"), or "工作簿1" before the first save. */
  name: string;
  /** The folder it is saved in; "" before the first save. */
  path: string;
  sheets: SheetState[];
  active: SheetState;
  saved: boolean;
  /** Addresses given to Workbook.FollowHyperlink. */
  followed: string[];
  /** Calls into the object model (property reads and writes, method calls): WPS answers each one synchronously. */
  calls: number;
}

/** The defaults ET reports for an untouched cell: General format (as the Chinese UI names it), no fill, black 11-pt 宋体. */
export const GENERAL = 'G/通用格式';
export const WHITE = 0xffffff;
export const XL_NONE = -4142;
export const XL_SOLID = 1;
export const defaultFill = (): Fill => ({ color: WHITE, pattern: XL_NONE, patternColor: 0 });
export const defaultFont = (): FontState => ({ color: 0, bold: false, size: 11, name: '宋体' });
export const newCell = (): CellState => ({ value: null, format: GENERAL, fill: defaultFill(), font: defaultFont(), comment: null, validation: null, layout: {} });

export const cellKey = (row: number, col: number) => `${row},${col}`;
export const keyParts = (key: string) => key.split(',').map(Number) as [number, number];

/** Whether a cell differs from an untouched one (what makes it part of the used range). */
export function isUsed(c: CellState): boolean {
  return (
    c.value !== null ||
    c.format !== GENERAL ||
    c.fill.pattern !== XL_NONE ||
    c.font.color !== 0 ||
    c.font.bold ||
    c.comment !== null ||
    c.validation !== null ||
    Object.keys(c.layout).length > 0
  );
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * "A1", "$A$1", "A1:C4", "C:C" → an area. Anything else throws, as ET's Range() does on a bad reference
 * (VBA: run-time error 1004, "Method 'Range' of object '_Worksheet' failed").
 */
export function parseArea(address: string): Area {
  const one = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
  const cell = new RegExp(`^${one}(?::${one})?$`).exec(address);
  const column = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address);
  let area: Area | null = null;
  if (cell) {
    const c0 = columnOf(cell[1]);
    const r0 = Number(cell[2]);
    const c1 = cell[3] ? columnOf(cell[3]) : c0;
    const r1 = cell[4] ? Number(cell[4]) : r0;
    area = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
  } else if (column) {
    const a = columnOf(column[1]);
    const b = columnOf(column[2]);
    area = { r0: 1, c0: Math.min(a, b), r1: MAX_ROWS, c1: Math.max(a, b) };
  }
  if (!area || area.r0 < 1 || area.c0 < 1 || area.r1 > MAX_ROWS || area.c1 > MAX_COLS) throw new Error(`方法 'Range' 作用于对象 '_Worksheet' 时失败:无效的引用 "${address}"`);
  return area;
}

/** "$A$1" or "$A$1:$C$4", as ET's Range.Address. */
export function areaAddress(a: Area): string {
  const one = (r: number, c: number) => `$${columnLetters(c)}$${r}`;
  return a.r0 === a.r1 && a.c0 === a.c1 ? one(a.r0, a.c0) : `${one(a.r0, a.c0)}:${one(a.r1, a.c1)}`;
}

export const overlaps = (a: Area, b: Area) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
