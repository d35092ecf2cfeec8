/**
 * The workbook the double holds: sheets of cells (value, number format, fill, font, borders, validation),
 * merged areas, notes, custom XML parts. Plain data, mutated only by the queued commands of a sync.
 */
import { cellAddress, columnNumber } from '../../src/rules/grid';
import { classifyFormat, numberText } from '../../src/xlsx/number-format';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}
export interface Font {
  color: string;
  bold: boolean;
  italic: boolean;
  name: string;
  size: number;
  tintAndShade: number;
}
export interface Border {
  style: string;
  color: string;
  weight: string;
}
export type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';

/** What an unformatted cell reports: Excel gives "#FFFFFF" and pattern "None" for no fill. */
export const DEFAULT_FILL: Fill = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
export const DEFAULT_FONT: Font = { color: '#000000', bold: false, italic: false, name: '等线', size: 11, tintAndShade: 0 };
export const DEFAULT_BORDER: Border = { style: 'None', color: '#000000', weight: 'Thin' };

export interface CellState {
  value: string | number | boolean | null;
  /** A string value that is an error such as "#N/A". */
  error?: boolean;
  numberFormat: string;
  /** What the cell shows when it differs from the formatted value (e.g. "#####" in a narrow column). */
  text?: string;
  fill?: Fill;
  font?: Font;
  borders?: Partial<Record<Edge, Border>>;
  validation?: { rule: unknown; errorAlert?: unknown };
  horizontalAlignment?: string;
  wrapText?: boolean;
}

export interface Note {
  content: string;
  authorName: string;
}

/** A modern (threaded) comment: a cell holds a note or a comment, never both. */
export interface Comment {
  content: string;
}

/** An Excel table (ListObject): its whole range, header row included. */
export interface TableState {
  id: string;
  name: string;
  area: Area;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<number, CellState>;
  merges: Area[];
  notes: Map<number, Note>;
  comments: Map<number, Comment>;
  /** 0-based rows hidden by the user or by the AutoFilter. */
  hiddenRows: Set<number>;
  /** The sheet's AutoFilter: its range, and whether a criterion hides rows now. */
  autoFilter: { area: Area; filtered: boolean } | null;
  tables: TableState[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  selection: Area | null;
  pageLayout: PageLayoutState;
}

/** What worksheet.pageLayout sets for printing (the part the add-in writes). */
export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** As given to setPrintTitleRows, e.g. "$1:$3". */
  printTitleRows: string | null;
  /** headersFooters.defaultForAllPages.centerFooter */
  centerFooter: string;
}

export interface CustomXmlPartState {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
}

export interface WorkbookState {
  name: string;
  sheets: SheetState[];
  activeSheetId: string | null;
  customXmlParts: CustomXmlPartState[];
  /** Every sync with its payload sizes, in order. */
  syncs: SyncRecord[];
  /** The options of every Excel.run, in order. */
  runs: { mergeUndoGroup: boolean }[];
  /** FunctionNames registered with Office.actions.associate. */
  actions: Map<string, (event: unknown) => unknown>;
  /** Office.context.document.settings: what `set` wrote, and what the last `saveAsync` stored with the document. */
  settings: { pending: Map<string, unknown>; saved: Map<string, unknown> };
  taskpaneShown: number;
  nextId: number;
  /** The user is typing in a cell (Excel's cell edit mode); see RequestContext.sync. */
  cellEditing: boolean;
  /** Ribbon clicks Office delivered before the add-in had associated the action: dropped, as Office drops them. */
  droppedClicks: string[];
  /** What Office.addin.setStartupBehavior last set ('Load': the runtime starts with the document). */
  startupBehavior: string | null;
  /** The workbook as storage last received it (Excel on the web hands getFileAsync this, not the live workbook). */
  stored: StoredCopy | null;
}

/** The parts of the workbook a file holds, copied when storage catches up. */
export interface StoredCopy {
  name: string;
  sheets: SheetState[];
  customXmlParts: CustomXmlPartState[];
}

export const cellKey = (r: number, c: number) => r * MAX_COLS + c;
export const keyRow = (key: number) => Math.floor(key / MAX_COLS);
export const keyCol = (key: number) => key % MAX_COLS;

export function newSheet(state: WorkbookState, name: string): SheetState {
  return {
    id: `{00000000-0001-0000-0000-${String(state.nextId++).padStart(12, '0')}}`,
    name,
    visibility: 'Visible',
    protected: false,
    cells: new Map(),
    merges: [],
    notes: new Map(),
    comments: new Map(),
    hiddenRows: new Set(),
    autoFilter: null,
    tables: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    frozenRows: 0,
    selection: null,
    pageLayout: { orientation: 'Portrait', paperSize: 'Letter', centerHorizontally: false, zoom: { scale: 100 }, printTitleRows: null, centerFooter: '' },
  };
}

export function ensureCell(sheet: SheetState, r: number, c: number): CellState {
  const k = cellKey(r, c);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = { value: null, numberFormat: 'General' };
    sheet.cells.set(k, cell);
  }
  return cell;
}

/** "A1", "$A$1:B2", "C:C", "3:5", with or without "Sheet!" in front. */
export function parseArea(address: string): Area {
  const a = address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
  const [from, to = from] = a.split(':');
  const cols = /^[A-Z]+$/;
  const rows = /^\d+$/;
  if (cols.test(from) && cols.test(to)) return { r0: 0, c0: columnNumber(from) - 1, r1: MAX_ROWS - 1, c1: columnNumber(to) - 1 };
  if (rows.test(from) && rows.test(to)) return { r0: Number(from) - 1, c0: 0, r1: Number(to) - 1, c1: MAX_COLS - 1 };
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`bad address ${address}`);
    return { r: Number(m[2]) - 1, c: columnNumber(m[1]) - 1 };
  };
  const x = p(from);
  const y = p(to);
  return { r0: Math.min(x.r, y.r), c0: Math.min(x.c, y.c), r1: Math.max(x.r, y.r), c1: Math.max(x.c, y.c) };
}

const quoteSheet = (name: string) => (/^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export function areaAddress(sheetName: string | null, a: Area): string {
  const local = a.r0 === a.r1 && a.c0 === a.c1 ? cellAddress(a.r0 + 1, a.c0 + 1) : `${cellAddress(a.r0 + 1, a.c0 + 1)}:${cellAddress(a.r1 + 1, a.c1 + 1)}`;
  return sheetName === null ? local : `${quoteSheet(sheetName)}!${local}`;
}

export const overlaps = (a: Area, b: Area) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** The text Excel shows for a cell. */
export function displayText(cell: CellState | undefined): string {
  if (!cell || cell.value === null) return '';
  if (cell.text !== undefined) return cell.text;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (typeof cell.value === 'number') return cell.numberFormat === '@' ? String(cell.value) : numberText(cell.value, classifyFormat(cell.numberFormat), false);
  return cell.value;
}

export function valueType(cell: CellState | undefined): string {
  if (!cell || cell.value === null) return 'Empty';
  if (cell.error) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

const hasFormat = (c: CellState) => c.numberFormat !== 'General' || c.fill || c.font || c.borders || c.validation || c.horizontalAlignment || c.wrapText;

/** The used range: the smallest area holding every value (valuesOnly) or also every formatted cell. */
export function usedArea(sheet: SheetState, valuesOnly: boolean): Area | null {
  let a: Area | null = null;
  for (const [k, c] of sheet.cells) {
    if (c.value === null && (valuesOnly || !hasFormat(c))) continue;
    const r = keyRow(k);
    const col = keyCol(k);
    if (!a) a = { r0: r, c0: col, r1: r, c1: col };
    else {
      a.r0 = Math.min(a.r0, r);
      a.r1 = Math.max(a.r1, r);
      a.c0 = Math.min(a.c0, col);
      a.c1 = Math.max(a.c1, col);
    }
  }
  return a;
}

/** Writes a value as Excel parses typed input: under "@" everything stays text; else digits become numbers. */
export function writeValue(cell: CellState, v: unknown): void {
  cell.error = undefined;
  cell.text = undefined;
  if (v === null || v === undefined || v === '') cell.value = null;
  else if (typeof v === 'number' || typeof v === 'boolean') cell.value = v;
  else {
    const s = String(v);
    if (cell.numberFormat === '@') cell.value = s;
    else if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(s.trim())) cell.value = Number(s);
    else if (/^(TRUE|FALSE)$/i.test(s)) cell.value = s.toUpperCase() === 'TRUE';
    else cell.value = s;
  }
}
