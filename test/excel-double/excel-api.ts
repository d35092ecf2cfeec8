/**
 * The Excel object model of the double: the workbook, worksheets, ranges with values / text / numberFormat /
 * valueTypes, format (fill, font, borders, widths), data validation, sort, merge, notes, custom
 * XML parts. Only what the add-in and its tests use; anything else is simply absent.
 */
import { ClientCollection, ClientObject, ClientResult, DoubleError, RequestContext, properties } from './client';
import {
  type Area,
  type Border,
  type CellState,
  type CustomXmlPartState,
  DEFAULT_BORDER,
  DEFAULT_FILL,
  DEFAULT_FONT,
  type Edge,
  type Fill,
  type Font,
  MAX_COLS,
  MAX_ROWS,
  type SheetState,
  type TableState,
  type WorkbookState,
  areaAddress,
  cellKey,
  displayText,
  ensureCell,
  keyCol,
  keyRow,
  newSheet,
  overlaps,
  parseArea,
  usedArea,
  valueType,
  writeValue,
} from './state';
import { tinted } from './tint';

interface RangeTarget {
  sheet: SheetState;
  area: Area;
  /** Every area of a RangeAreas (Worksheet.getRanges); `area` is then the first. Only fill and font act on them all. */
  areas?: Area[];
}

const areasOf = (t: RangeTarget): Area[] => t.areas ?? [t.area];

const stateOf = (ctx: RequestContext): WorkbookState => ctx._core.state;
const rowsOf = (a: Area) => a.r1 - a.r0 + 1;
const colsOf = (a: Area) => a.c1 - a.c0 + 1;

function eachCoord(a: Area, fn: (r: number, c: number) => void): void {
  if (rowsOf(a) * colsOf(a) > 5_000_000) throw new DoubleError('InvalidArgument', 'the double does not write whole columns or rows cell by cell');
  for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) fn(r, c);
}

/** 2-D values of a range, computed cell by cell. */
function grid<V>(t: RangeTarget, fn: (cell: CellState | undefined) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.area.r0; r <= t.area.r1; r++) {
    const row: V[] = [];
    for (let c = t.area.c0; c <= t.area.c1; c++) row.push(fn(t.sheet.cells.get(cellKey(r, c))));
    out.push(row);
  }
  return out;
}

/** A value written to a range: a 2-D array of the range's size, or one value for every cell. */
function eachWritten(t: RangeTarget, value: unknown, fn: (cell: CellState, v: unknown) => void): void {
  const matrix = Array.isArray(value) ? (value as unknown[][]) : null;
  if (matrix && (matrix.length !== rowsOf(t.area) || matrix.some((row) => !Array.isArray(row) || row.length !== colsOf(t.area))))
    throw new DoubleError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${areaAddress(null, t.area)}).`);
  eachCoord(t.area, (r, c) => fn(ensureCell(t.sheet, r, c), matrix ? matrix[r - t.area.r0][c - t.area.c0] : value));
}

/** One value when every cell agrees, else null (what Excel reports for a mixed range). */
function uniform<V>(t: RangeTarget, fn: (cell: CellState | undefined) => V): V | null {
  let first: V | undefined;
  let set = false;
  for (const a of areasOf(t))
    for (let r = a.r0; r <= a.r1; r++)
      for (let c = a.c0; c <= a.c1; c++) {
        const v = fn(t.sheet.cells.get(cellKey(r, c)));
        if (!set) {
          first = v;
          set = true;
        } else if (v !== first) return null;
      }
  return first ?? null;
}

/**
 * Writing to a protected sheet fails with AccessDenied
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling#api-error-codes).
 */
function guardSheet(sheet: SheetState): void {
  if (sheet.protected) throw new DoubleError('AccessDenied', "The cell or chart you're trying to change is on a protected sheet.");
}

/** The ExcelApi version each versioned member of a class came with (from the API reference pages). */
function since(map: Record<string, string>): (name: string) => string | undefined {
  return (name) => map[name];
}

function findSheet(state: WorkbookState, key: string): SheetState | null {
  return state.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase()) ?? null;
}

// ───────────────────────────── workbook and worksheets ─────────────────────────────

export class Workbook extends ClientObject<WorkbookState> {
  protected readonly _scalars = ['name'];
  declare readonly name: string;

  constructor(ctx: RequestContext) {
    super(ctx, () => stateOf(ctx), false);
  }
  protected _since = since({ name: '1.7' });
  protected _read(name: string): unknown {
    if (name === 'name') return stateOf(this.context).name;
    throw new DoubleError('InvalidArgument', `Workbook.${name}`);
  }
  get worksheets(): WorksheetCollection {
    return this._child('worksheets', () => new WorksheetCollection(this.context));
  }
  get customXmlParts(): CustomXmlPartCollection {
    return this._child('customXmlParts', () => new CustomXmlPartCollection(this.context));
  }
  get comments(): CommentCollection {
    return this._child('comments', () => new CommentCollection(this.context, () => stateOf(this.context).sheets, false));
  }
  /**
   * Saves the workbook (ExcelApi 1.11). Storage still catches up only as the profile's lag says: the double does
   * not assume a save reaches the web's storage before the next getFileAsync.
   */
  save(_behavior?: string): void {
    this._command(() => this.context._requires('ExcelApi', '1.11', 'Workbook.save'));
  }
}
properties(Workbook, ['name']);

export class WorksheetCollection extends ClientCollection<WorkbookState, Worksheet> {
  constructor(ctx: RequestContext) {
    super(ctx, () => stateOf(ctx), false);
  }
  protected _itemsOf(state: WorkbookState): Worksheet[] {
    return state.sheets.map((s) => new Worksheet(this.context, () => s, false));
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => {
      const s = findSheet(stateOf(this.context), key);
      if (!s) throw new DoubleError('ItemNotFound', `The requested resource doesn't exist: worksheet ${key}`);
      return s;
    }, [key], this);
  }
  add(name?: string): Worksheet {
    return new Worksheet(this.context, () => {
      const state = stateOf(this.context);
      const sheetName = name ?? `Sheet${state.sheets.length + 1}`;
      if (findSheet(state, sheetName)) throw new DoubleError('ItemAlreadyExists', `A worksheet named ${sheetName} already exists`);
      if (/[\\/?*[\]:]/.test(sheetName) || sheetName.length > 31) throw new DoubleError('InvalidArgument', `bad sheet name ${sheetName}`);
      const sheet = newSheet(state, sheetName);
      state.sheets.push(sheet);
      return sheet;
    }, [name ?? null], this);
  }
}

export class Worksheet extends ClientObject<SheetState> {
  protected readonly _scalars = ['name', 'id', 'visibility', 'position'];
  declare name: string;
  declare readonly id: string;
  declare visibility: string;
  declare readonly position: number;

  protected _read(name: string): unknown {
    const s = this._need();
    switch (name) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return stateOf(this.context).sheets.indexOf(s);
    }
    throw new DoubleError('InvalidArgument', `Worksheet.${name}`);
  }
  protected _write(name: string, v: unknown): void {
    const s = this._need();
    if (name === 'name') s.name = String(v);
    else if (name === 'visibility') s.visibility = v as SheetState['visibility'];
    else super._write(name, v);
  }
  protected _nav(name: string): ClientObject<unknown> | undefined {
    return name === 'protection'
      ? this.protection
      : name === 'freezePanes'
        ? this.freezePanes
        : name === 'pageLayout'
          ? this.pageLayout
          : name === 'autoFilter'
            ? this.autoFilter
            : undefined;
  }
  get pageLayout(): PageLayout {
    // learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-pagelayout-member: ExcelApi 1.9.
    this.context._requires('ExcelApi', '1.9', 'Worksheet.pageLayout');
    return this._child('pageLayout', () => new PageLayout(this.context, () => this._resolve(), false));
  }
  get autoFilter(): AutoFilter {
    return this._child('autoFilter', () => new AutoFilter(this.context, () => this._resolve(), false));
  }
  get comments(): CommentCollection {
    return this._child('comments', () => new CommentCollection(this.context, () => [this._need()], false));
  }
  get tables(): TableCollection {
    return this._child('tables', () => new TableCollection(this.context, () => [this._need()], false));
  }
  get protection(): WorksheetProtection {
    return this._child('protection', () => new WorksheetProtection(this.context, () => this._resolve(), false));
  }
  get freezePanes(): FreezePanes {
    return this._child('freezePanes', () => new FreezePanes(this.context, () => this._resolve(), false));
  }
  get notes(): NoteCollection {
    return this._child('notes', () => new NoteCollection(this.context, () => this._resolve(), false));
  }
  activate(): void {
    this._command((s) => {
      if (s.visibility !== 'Visible') throw new DoubleError('InvalidOperation', `worksheet ${s.name} is hidden`);
      stateOf(this.context).activeSheetId = s.id;
    });
  }
  private range(area: () => Area | null, args: unknown[]): Range {
    return new Range(this.context, () => {
      const a = area();
      return a ? { sheet: this._need(), area: a } : null;
    }, args, this);
  }
  getRange(address?: string): Range {
    return this.range(() => (address ? parseArea(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }), [address ?? null]);
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): Range {
    return this.range(() => {
      this.context._requires('ExcelApi', '1.7', 'Worksheet.getRangeByIndexes');
      if (rowCount < 1 || colCount < 1 || row + rowCount > MAX_ROWS || col + colCount > MAX_COLS) throw new DoubleError('InvalidArgument', 'getRangeByIndexes out of bounds');
      return { r0: row, c0: col, r1: row + rowCount - 1, c1: col + colCount - 1 };
    }, [row, col, rowCount, colCount]);
  }
  /**
   * Several ranges of the sheet as one RangeAreas (ExcelApi 1.9), e.g. "B3, D5:D9". Excel refuses some long
   * addresses with InvalidArgument, and which is not documented: one of 8,207 characters failed where a shorter one
   * of as many areas passed (https://github.com/OfficeDev/office-js/issues/5198); the double refuses any address
   * over 8,192 characters (to confirm).
   */
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.context, () => {
      this.context._requires('ExcelApi', '1.9', 'Worksheet.getRanges');
      if (address.length > 8_192) throw new DoubleError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { sheet: this._need(), areas: address.split(',').map((a) => parseArea(a.trim())) };
    }, [address], this);
  }
  getUsedRange(valuesOnly = false): Range {
    return this.range(() => usedArea(this._need(), valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }, [valuesOnly]);
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.range(() => {
      this.context._requires('ExcelApi', '1.4', 'Worksheet.getUsedRangeOrNullObject');
      return usedArea(this._need(), valuesOnly);
    }, [valuesOnly]);
  }
}
properties(Worksheet, ['id', 'position'], ['name', 'visibility']);

export class WorksheetProtection extends ClientObject<SheetState> {
  protected readonly _scalars = ['protected'];
  protected _since = since({ protected: '1.2' });
  declare readonly protected: boolean;
  protected _read(name: string): unknown {
    if (name === 'protected') return this._need().protected;
    throw new DoubleError('InvalidArgument', `WorksheetProtection.${name}`);
  }
}
properties(WorksheetProtection, ['protected']);

export class FreezePanes extends ClientObject<SheetState> {
  protected readonly _scalars = [];
  protected _read(name: string): unknown {
    throw new DoubleError('InvalidArgument', `WorksheetFreezePanes.${name}`);
  }
  freezeRows(count = 1): void {
    this._command((s) => {
      this.context._requires('ExcelApi', '1.7', 'WorksheetFreezePanes.freezeRows');
      guardSheet(s);
      s.frozenRows = count;
    });
  }
}

const PAGE_LAYOUT_SCALARS = ['orientation', 'paperSize', 'centerHorizontally', 'zoom'] as const;

export class PageLayout extends ClientObject<SheetState> {
  protected readonly _scalars = PAGE_LAYOUT_SCALARS;
  protected _read(name: string): unknown {
    const layout = this._need().pageLayout;
    if ((PAGE_LAYOUT_SCALARS as readonly string[]).includes(name)) return layout[name as (typeof PAGE_LAYOUT_SCALARS)[number]];
    throw new DoubleError('InvalidArgument', `PageLayout.${name}`);
  }
  protected _write(name: string, v: unknown): void {
    const layout = this._need().pageLayout;
    if (name === 'orientation' || name === 'paperSize') layout[name] = String(v);
    else if (name === 'centerHorizontally') layout.centerHorizontally = Boolean(v);
    else if (name === 'zoom') layout.zoom = { ...(v as PageLayout['zoom']) };
    else super._write(name, v);
  }
  setPrintTitleRows(rows: string): void {
    this._command((s) => void (s.pageLayout.printTitleRows = rows));
  }
  get headersFooters(): HeaderFooterGroup {
    return this._child('headersFooters', () => new HeaderFooterGroup(this.context, () => this._resolve(), false));
  }
}
export interface PageLayout {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
}
properties(PageLayout, [], [...PAGE_LAYOUT_SCALARS]);

export class HeaderFooterGroup extends ClientObject<SheetState> {
  protected readonly _scalars = [];
  protected _read(name: string): unknown {
    throw new DoubleError('InvalidArgument', `HeaderFooterGroup.${name}`);
  }
  get defaultForAllPages(): HeaderFooter {
    return this._child('defaultForAllPages', () => new HeaderFooter(this.context, () => this._resolve(), false));
  }
}

/** The footer text of every page (the add-in writes only the centre footer). */
export class HeaderFooter extends ClientObject<SheetState> {
  protected readonly _scalars = ['centerFooter'];
  declare centerFooter: string;
  protected _read(name: string): unknown {
    if (name === 'centerFooter') return this._need().pageLayout.centerFooter;
    throw new DoubleError('InvalidArgument', `HeaderFooter.${name}`);
  }
  protected _write(name: string, v: unknown): void {
    if (name === 'centerFooter') this._need().pageLayout.centerFooter = String(v);
    else super._write(name, v);
  }
}
properties(HeaderFooter, [], ['centerFooter']);

// ───────────────────────────── ranges ─────────────────────────────

export class Range extends ClientObject<RangeTarget> {
  protected readonly _scalars = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'text', 'numberFormat', 'valueTypes', 'formulas', 'rowHidden'];
  declare readonly rowHidden: boolean | null;
  declare readonly address: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare values: unknown[][];
  declare readonly text: string[][];
  declare numberFormat: unknown[][];
  declare readonly valueTypes: string[][];
  declare formulas: unknown[][];

  protected _since = since({ rowHidden: '1.2' });
  protected _guardWrite(): void {
    guardSheet(this._need().sheet);
  }
  protected _read(name: string): unknown {
    const t = this._need();
    switch (name) {
      case 'rowHidden': {
        let hidden = 0;
        for (let r = t.area.r0; r <= t.area.r1; r++) if (t.sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === rowsOf(t.area) ? true : null;
      }
      case 'address':
        return areaAddress(t.sheet.name, t.area);
      case 'rowIndex':
        return t.area.r0;
      case 'columnIndex':
        return t.area.c0;
      case 'rowCount':
        return rowsOf(t.area);
      case 'columnCount':
        return colsOf(t.area);
      case 'values':
      case 'formulas':
        return grid(t, (c) => (c?.value ?? ''));
      case 'text':
        return grid(t, displayText);
      case 'numberFormat':
        return grid(t, (c) => c?.numberFormat ?? 'General');
      case 'valueTypes':
        return grid(t, valueType);
    }
    throw new DoubleError('InvalidArgument', `Range.${name}`);
  }
  protected _write(name: string, v: unknown): void {
    const t = this._need();
    if (name === 'values' || name === 'formulas') eachWritten(t, v, writeValue);
    else if (name === 'numberFormat') eachWritten(t, v, (cell, f) => void (cell.numberFormat = String(f)));
    else super._write(name, v);
  }
  protected _nav(name: string): ClientObject<unknown> | undefined {
    return name === 'format' ? this.format : name === 'dataValidation' ? this.dataValidation : undefined;
  }
  get format(): RangeFormat {
    return this._child('format', () => new RangeFormat(this.context, () => this._resolve(), false));
  }
  get dataValidation(): DataValidation {
    return this._child('dataValidation', () => new DataValidation(this.context, () => {
      this.context._requires('ExcelApi', '1.8', 'Range.dataValidation');
      return this._resolve();
    }, false));
  }
  get sort(): RangeSort {
    return this._child('sort', () => new RangeSort(this.context, () => this._resolve(), false));
  }

  select(): void {
    this._command((t) => {
      if (stateOf(this.context).activeSheetId !== t.sheet.id) throw new DoubleError('InvalidSelection', `worksheet ${t.sheet.name} is not active: activate it before selecting`);
      t.sheet.selection = { ...t.area };
    });
  }

  merge(across = false): void {
    this._writeCommand((t) => {
      this.context._requires('ExcelApi', '1.2', 'Range.merge');
      const areas = across ? Array.from({ length: rowsOf(t.area) }, (_, i) => ({ ...t.area, r0: t.area.r0 + i, r1: t.area.r0 + i })) : [t.area];
      for (const a of areas) {
        if (t.sheet.merges.some((m) => overlaps(m, a))) throw new DoubleError('InvalidOperation', 'the range overlaps a merged area');
        eachCoord(a, (r, c) => {
          if (r !== a.r0 || c !== a.c0) {
            const cell = t.sheet.cells.get(cellKey(r, c));
            if (cell) cell.value = null;
          }
        });
        t.sheet.merges.push({ ...a });
      }
    });
  }

  /**
   * Only the merged areas whose top-left cell lies in this range, as Excel answers
   * (https://github.com/OfficeDev/office-js/issues/3611); a merge that starts above or left of the range is not returned.
   */
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this.context, () => {
      this.context._requires('ExcelApi', '1.13', 'Range.getMergedAreasOrNullObject');
      const t = this._need();
      const inside = (r: number, c: number) => r >= t.area.r0 && r <= t.area.r1 && c >= t.area.c0 && c <= t.area.c1;
      const areas = t.sheet.merges.filter((m) => inside(m.r0, m.c0));
      return areas.length ? { sheet: t.sheet, areas } : null;
    }, [], this);
  }

  clear(applyTo: string = 'All'): void {
    this._writeCommand((t) => {
      for (const [k, cell] of [...t.sheet.cells]) {
        const r = keyRow(k);
        const c = keyCol(k);
        if (r < t.area.r0 || r > t.area.r1 || c < t.area.c0 || c > t.area.c1) continue;
        if (applyTo === 'All') t.sheet.cells.delete(k);
        else if (applyTo === 'Contents') writeValue(cell, null);
        else if (applyTo === 'Formats') t.sheet.cells.set(k, { value: cell.value, error: cell.error, numberFormat: 'General' });
      }
      if (applyTo === 'All') for (const k of [...t.sheet.notes.keys()]) if (overlaps({ r0: keyRow(k), c0: keyCol(k), r1: keyRow(k), c1: keyCol(k) }, t.area)) t.sheet.notes.delete(k);
    });
  }

}
properties(Range, ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'text', 'valueTypes', 'rowHidden'], ['values', 'numberFormat', 'formulas']);

export class RangeAreas extends ClientObject<{ sheet: SheetState; areas: Area[] }> {
  protected readonly _scalars = ['address', 'areaCount'];
  declare readonly address: string;
  declare readonly areaCount: number;
  protected _read(name: string): unknown {
    const t = this._need();
    if (name === 'address') return t.areas.map((a) => areaAddress(t.sheet.name, a)).join(', ');
    if (name === 'areaCount') return t.areas.length;
    throw new DoubleError('InvalidArgument', `RangeAreas.${name}`);
  }
  protected _nav(name: string): ClientObject<unknown> | undefined {
    return name === 'format' ? this.format : undefined;
  }
  /** The format of every area at once: fill and font read as one value where all cells agree, else null. */
  get format(): RangeFormat {
    return this._child('format', () => new RangeFormat(this.context, () => {
      const t = this._resolve();
      return t && { sheet: t.sheet, area: t.areas[0], areas: t.areas };
    }, false));
  }
}
properties(RangeAreas, ['address', 'areaCount']);

export class RangeFormat extends ClientObject<RangeTarget> {
  protected readonly _scalars = ['columnWidth', 'rowHeight', 'horizontalAlignment', 'wrapText'];
  declare columnWidth: number | null;
  declare rowHeight: number | null;
  declare horizontalAlignment: string | null;
  declare wrapText: boolean | null;

  protected _since = since({ columnWidth: '1.2', rowHeight: '1.2' });
  protected _guardWrite(): void {
    guardSheet(this._need().sheet);
  }
  /** The double gives a RangeAreas only its fill and font. */
  private _single(): RangeTarget {
    const t = this._need();
    if (t.areas) throw new DoubleError('InvalidArgument', 'the double implements only the fill and font of a RangeAreas');
    return t;
  }
  protected _read(name: string): unknown {
    const t = this._single();
    switch (name) {
      case 'columnWidth': {
        const widths = new Set<number>();
        for (let c = t.area.c0; c <= t.area.c1; c++) widths.add(t.sheet.columnWidths.get(c) ?? 48);
        return widths.size === 1 ? [...widths][0] : null;
      }
      case 'rowHeight': {
        const heights = new Set<number>();
        for (let r = t.area.r0; r <= Math.min(t.area.r1, t.area.r0 + 10_000); r++) heights.add(t.sheet.rowHeights.get(r) ?? 15);
        return heights.size === 1 ? [...heights][0] : null;
      }
      case 'horizontalAlignment':
        return uniform(t, (c) => c?.horizontalAlignment ?? 'General');
      case 'wrapText':
        return uniform(t, (c) => c?.wrapText ?? false);
    }
    throw new DoubleError('InvalidArgument', `RangeFormat.${name}`);
  }
  protected _write(name: string, v: unknown): void {
    const t = this._single();
    if (name === 'columnWidth') for (let c = t.area.c0; c <= t.area.c1; c++) t.sheet.columnWidths.set(c, Number(v));
    else if (name === 'rowHeight') for (let r = t.area.r0; r <= t.area.r1; r++) t.sheet.rowHeights.set(r, Number(v));
    else if (name === 'horizontalAlignment') eachCoord(t.area, (r, c) => void (ensureCell(t.sheet, r, c).horizontalAlignment = String(v)));
    else if (name === 'wrapText') eachCoord(t.area, (r, c) => void (ensureCell(t.sheet, r, c).wrapText = Boolean(v)));
    else super._write(name, v);
  }
  protected _nav(name: string): ClientObject<unknown> | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  get fill(): RangeFill {
    return this._child('fill', () => new RangeFill(this.context, () => this._resolve(), false));
  }
  get font(): RangeFont {
    return this._child('font', () => new RangeFont(this.context, () => this._resolve(), false));
  }
  get borders(): RangeBorderCollection {
    return this._child('borders', () => new RangeBorderCollection(this.context, () => this._resolve() && this._single(), false));
  }
}
properties(RangeFormat, [], ['columnWidth', 'rowHeight', 'horizontalAlignment', 'wrapText']);

const FILL_PROPS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const;

export class RangeFill extends ClientObject<RangeTarget> {
  protected readonly _scalars = [...FILL_PROPS];
  declare color: string;
  declare pattern: string;
  declare patternColor: string;
  declare tintAndShade: number;
  declare patternTintAndShade: number;

  protected _since = since({ pattern: '1.9', patternColor: '1.9', tintAndShade: '1.9', patternTintAndShade: '1.9' });
  protected _guardWrite(): void {
    guardSheet(this._need().sheet);
  }
  protected _read(name: string): unknown {
    if (!(FILL_PROPS as readonly string[]).includes(name)) throw new DoubleError('InvalidArgument', `RangeFill.${name}`);
    const shown = this.context._core.colorReads === 'shown';
    return uniform(this._need(), (c) => {
      const fill = c?.fill ?? DEFAULT_FILL;
      return name === 'color' && shown ? tinted(fill.color, fill.tintAndShade) : fill[name as keyof Fill];
    });
  }
  protected _write(name: string, v: unknown): void {
    if (!(FILL_PROPS as readonly string[]).includes(name)) return super._write(name, v);
    const t = this._need();
    for (const area of areasOf(t)) eachCoord(area, (r, c) => {
      const cell = ensureCell(t.sheet, r, c);
      const fill: Fill = { ...(cell.fill ?? DEFAULT_FILL), [name]: name === 'color' || name === 'patternColor' ? String(v).toUpperCase() : v };
      // Setting a colour on a cell without fill makes the fill solid, as in Excel. A colour is set as plain RGB:
      // a theme colour's tint does not carry over to it (tintAndShade is the tint "for the color of the range
      // fill", https://learn.microsoft.com/javascript/api/excel/excel.rangefill#excel-excel-rangefill-tintandshade-member).
      if (name === 'color' && fill.pattern === 'None') fill.pattern = 'Solid';
      if (name === 'color') fill.tintAndShade = 0;
      cell.fill = fill;
    });
  }
  clear(): void {
    this._writeCommand((t) => areasOf(t).forEach((area) => eachCoord(area, (r, c) => void (t.sheet.cells.get(cellKey(r, c)) && delete t.sheet.cells.get(cellKey(r, c))!.fill))));
  }
}
properties(RangeFill, [], [...FILL_PROPS]);

const FONT_PROPS = ['color', 'bold', 'italic', 'name', 'size', 'tintAndShade'] as const;

export class RangeFont extends ClientObject<RangeTarget> {
  protected readonly _scalars = [...FONT_PROPS];
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  declare name: string;
  declare size: number;
  declare tintAndShade: number;

  protected _since = since({ tintAndShade: '1.9' });
  protected _guardWrite(): void {
    guardSheet(this._need().sheet);
  }
  protected _read(name: string): unknown {
    if (!(FONT_PROPS as readonly string[]).includes(name)) throw new DoubleError('InvalidArgument', `RangeFont.${name}`);
    const shown = this.context._core.colorReads === 'shown';
    return uniform(this._need(), (c) => {
      const font = c?.font ?? DEFAULT_FONT;
      return name === 'color' && shown ? tinted(font.color, font.tintAndShade) : font[name as keyof Font];
    });
  }
  protected _write(name: string, v: unknown): void {
    if (!(FONT_PROPS as readonly string[]).includes(name)) return super._write(name, v);
    const t = this._need();
    for (const area of areasOf(t)) eachCoord(area, (r, c) => {
      const cell = ensureCell(t.sheet, r, c);
      cell.font = { ...(cell.font ?? DEFAULT_FONT), [name]: name === 'color' ? String(v).toUpperCase() : v, ...(name === 'color' ? { tintAndShade: 0 } : {}) };
    });
  }
}
properties(RangeFont, [], [...FONT_PROPS]);

export class RangeBorderCollection extends ClientObject<RangeTarget> {
  protected readonly _scalars = [];
  protected _read(name: string): unknown {
    throw new DoubleError('InvalidArgument', `RangeBorderCollection.${name}`);
  }
  getItem(index: string): RangeBorder {
    return new RangeBorder(this.context, () => {
      const t = this._resolve();
      return t ? { ...t, index } : null;
    }, false);
  }
}

/** The cells and sides an edge or inside border of a range stands for. */
function borderSides(a: Area, index: string): { r: number; c: number; edge: Edge }[] {
  const out: { r: number; c: number; edge: Edge }[] = [];
  eachCoord(a, (r, c) => {
    if (index === 'EdgeTop' && r === a.r0) out.push({ r, c, edge: 'EdgeTop' });
    if (index === 'EdgeBottom' && r === a.r1) out.push({ r, c, edge: 'EdgeBottom' });
    if (index === 'EdgeLeft' && c === a.c0) out.push({ r, c, edge: 'EdgeLeft' });
    if (index === 'EdgeRight' && c === a.c1) out.push({ r, c, edge: 'EdgeRight' });
    if (index === 'InsideHorizontal' && r < a.r1) out.push({ r, c, edge: 'EdgeBottom' }, { r: r + 1, c, edge: 'EdgeTop' });
    if (index === 'InsideVertical' && c < a.c1) out.push({ r, c, edge: 'EdgeRight' }, { r, c: c + 1, edge: 'EdgeLeft' });
  });
  return out;
}

export class RangeBorder extends ClientObject<RangeTarget & { index: string }> {
  protected readonly _scalars = ['style', 'color', 'weight'];
  declare style: string;
  declare color: string;
  declare weight: string;

  protected _guardWrite(): void {
    guardSheet(this._need().sheet);
  }
  protected _read(name: string): unknown {
    const t = this._need();
    const values = new Set(borderSides(t.area, t.index).map(({ r, c, edge }) => (t.sheet.cells.get(cellKey(r, c))?.borders?.[edge] ?? DEFAULT_BORDER)[name as keyof Border]));
    return values.size === 1 ? [...values][0] : null;
  }
  protected _write(name: string, v: unknown): void {
    const t = this._need();
    for (const { r, c, edge } of borderSides(t.area, t.index)) {
      const cell = ensureCell(t.sheet, r, c);
      cell.borders = { ...cell.borders, [edge]: { ...(cell.borders?.[edge] ?? DEFAULT_BORDER), [name]: v } };
    }
  }
}
properties(RangeBorder, [], ['style', 'color', 'weight']);

export class DataValidation extends ClientObject<RangeTarget> {
  protected readonly _scalars = ['rule', 'errorAlert'];
  declare rule: unknown;
  declare errorAlert: unknown;

  protected _guardWrite(): void {
    guardSheet(this._need().sheet);
  }
  protected _read(name: string): unknown {
    const t = this._need();
    const first = t.sheet.cells.get(cellKey(t.area.r0, t.area.c0))?.validation;
    if (name === 'rule') return first?.rule ?? {};
    if (name === 'errorAlert') return first?.errorAlert ?? null;
    throw new DoubleError('InvalidArgument', `DataValidation.${name}`);
  }
  protected _write(name: string, v: unknown): void {
    if (name !== 'rule' && name !== 'errorAlert') return super._write(name, v);
    const t = this._need();
    eachCoord(t.area, (r, c) => {
      const cell = ensureCell(t.sheet, r, c);
      cell.validation = { rule: cell.validation?.rule ?? {}, errorAlert: cell.validation?.errorAlert, [name]: v };
    });
  }
}
properties(DataValidation, [], ['rule', 'errorAlert']);

type SortValue = string | number | boolean | null;

/** Excel's ascending order: numbers, then text (case-insensitive unless asked), then booleans; blanks always last. */
function compareSortValues(a: SortValue, b: SortValue, ascending: boolean, matchCase: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const rank = (v: SortValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let d = rank(a) - rank(b);
  if (d === 0) {
    if (typeof a === 'string' && typeof b === 'string') d = matchCase ? (a < b ? -1 : a > b ? 1 : 0) : a.toLowerCase().localeCompare(b.toLowerCase());
    else d = Number(a) - Number(b);
  }
  return ascending ? d : -d;
}

/**
 * Sorts the rows first..last of the area by the fields (key = column offset in the area). Hidden rows (by the user
 * or the AutoFilter) are not moved, as Excel documents: "hidden rows are not moved when you sort rows"
 * (https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654);
 * the visible rows are sorted among the visible positions.
 */
function sortRows(sheet: SheetState, area: Area, first: number, fields: { key: number; ascending?: boolean }[], matchCase: boolean): void {
  const rows = Array.from({ length: area.r1 - first + 1 }, (_, i) => first + i).filter((r) => !sheet.hiddenRows.has(r));
  const keyOf = (r: number, f: { key: number }) => sheet.cells.get(cellKey(r, area.c0 + f.key))?.value ?? null;
  const order = [...rows].sort((x, y) => {
    for (const f of fields) {
      const d = compareSortValues(keyOf(x, f), keyOf(y, f), f.ascending !== false, matchCase);
      if (d !== 0) return d;
    }
    return x - y;
  });
  for (const store of [sheet.cells, sheet.notes, sheet.comments] as Map<number, unknown>[]) {
    const moved: [number, unknown][] = [];
    order.forEach((from, i) => {
      for (let c = area.c0; c <= area.c1; c++) {
        const v = store.get(cellKey(from, c));
        store.delete(cellKey(from, c));
        if (v !== undefined) moved.push([cellKey(rows[i], c), v]);
      }
    });
    for (const [k, v] of moved) store.set(k, v);
  }
}

const inside = (a: Area, b: Area) => a.r0 >= b.r0 && a.r1 <= b.r1 && a.c0 >= b.c0 && a.c1 <= b.c1;

export class RangeSort extends ClientObject<RangeTarget> {
  protected readonly _scalars = [];
  protected _read(name: string): unknown {
    throw new DoubleError('InvalidArgument', `RangeSort.${name}`);
  }
  /** Sorts the rows of the range by the fields (key = column offset in the range), moving whole rows of the range. */
  apply(fields: { key: number; ascending?: boolean }[], matchCase = false, hasHeaders = false, orientation = 'Rows'): void {
    this._command((t) => {
      this.context._requires('ExcelApi', '1.2', 'RangeSort.apply');
      guardSheet(t.sheet);
      if (orientation !== 'Rows') throw new DoubleError('InvalidArgument', 'the double sorts rows only');
      if (t.sheet.merges.some((m) => overlaps(m, t.area))) throw new DoubleError('InvalidOperation', 'To do this, all the merged cells need to be the same size.');
      // Modelled on Excel's refusal to sort a selection that cuts through a table (to confirm in a real Excel).
      if (t.sheet.tables.some((tb) => overlaps(tb.area, t.area) && !inside(t.area, tb.area))) throw new DoubleError('InvalidOperation', 'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.');
      sortRows(t.sheet, t.area, t.area.r0 + (hasHeaders ? 1 : 0), fields, matchCase);
    }, fields);
  }
}

// ───────────────────────────── notes ─────────────────────────────

const NOTES_SET = ['ExcelApi', '1.18'] as const;

export class NoteCollection extends ClientCollection<SheetState, Note> {
  protected _itemsOf(s: SheetState): Note[] {
    this.context._requires(...NOTES_SET, 'notes');
    return [...s.notes.keys()].map((k) => new Note(this.context, () => ({ sheet: s, key: k }), false));
  }
  private key(address: string | Range): number {
    const a = typeof address === 'string' ? parseArea(address) : address._need().area;
    if (a.r0 !== a.r1 || a.c0 !== a.c1) throw new DoubleError('InvalidCellAddress', 'a note belongs to one cell');
    return cellKey(a.r0, a.c0);
  }
  add(cellAddress: string | Range, content: string): Note {
    return new Note(this.context, () => {
      this.context._requires(...NOTES_SET, 'NoteCollection.add');
      const s = this._need();
      guardSheet(s);
      const k = this.key(cellAddress);
      if (s.notes.has(k)) throw new DoubleError('InvalidArgument', 'the cell already has a note');
      // A cell holds a note or a threaded comment, not both
      // (https://support.microsoft.com/office/the-difference-between-threaded-comments-and-notes-75a51eec-4092-42ab-abf8-7669077b7be3).
      if (s.comments.has(k)) throw new DoubleError('InvalidArgument', 'The cell already has a comment: a cell cannot hold a note and a comment.');
      s.notes.set(k, { content: String(content), authorName: '学籍更正助手' });
      return { sheet: s, key: k };
    }, [cellAddress, content], this);
  }
  getCount(): ClientResult<number> {
    return this._result((s) => {
      this.context._requires(...NOTES_SET, 'NoteCollection.getCount');
      return s.notes.size;
    });
  }
  getItemOrNullObject(key: string): Note {
    return new Note(this.context, () => {
      this.context._requires(...NOTES_SET, 'NoteCollection.getItemOrNullObject');
      const s = this._need();
      const k = this.key(key);
      return s.notes.has(k) ? { sheet: s, key: k } : null;
    }, [key], this);
  }
  getItem(key: string): Note {
    return new Note(this.context, () => {
      this.context._requires(...NOTES_SET, 'NoteCollection.getItem');
      const s = this._need();
      const k = this.key(key);
      if (!s.notes.has(k)) throw new DoubleError('ItemNotFound', `no note at ${key}`);
      return { sheet: s, key: k };
    }, [key], this);
  }
}

export class Note extends ClientObject<{ sheet: SheetState; key: number }> {
  protected readonly _scalars = ['content', 'authorName'];
  declare content: string;
  declare readonly authorName: string;

  protected _read(name: string): unknown {
    const t = this._need();
    const note = t.sheet.notes.get(t.key);
    if (!note) throw new DoubleError('ItemNotFound', 'the note was deleted');
    if (name === 'content') return note.content;
    if (name === 'authorName') return note.authorName;
    throw new DoubleError('InvalidArgument', `Note.${name}`);
  }
  protected _guardWrite(): void {
    guardSheet(this._need().sheet);
  }
  protected _write(name: string, v: unknown): void {
    const t = this._need();
    const note = t.sheet.notes.get(t.key);
    if (name !== 'content' || !note) return super._write(name, v);
    note.content = String(v);
  }
  delete(): void {
    this._writeCommand((t) => void t.sheet.notes.delete(t.key));
  }
}
properties(Note, ['authorName'], ['content']);

// ───────────────────────────── custom XML parts ─────────────────────────────

const XML_SET = ['ExcelApi', '1.5'] as const;

export class CustomXmlPartCollection extends ClientCollection<WorkbookState, CustomXmlPart> {
  constructor(ctx: RequestContext) {
    super(ctx, () => stateOf(ctx), false);
  }
  protected _itemsOf(state: WorkbookState): CustomXmlPart[] {
    return state.customXmlParts.map((p) => new CustomXmlPart(this.context, () => p, false));
  }
  add(xml: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => {
      this.context._requires(...XML_SET, 'customXmlParts.add');
      const state = stateOf(this.context);
      if (!/^\s*(<\?xml[^>]*>\s*)?<[A-Za-z]/.test(xml)) throw new DoubleError('InvalidArgument', 'not XML');
      const part: CustomXmlPartState = { id: `{PART-${state.nextId++}}`, namespaceUri: /\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? '', xml };
      state.customXmlParts.push(part);
      return part;
    }, [xml], this);
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this.context, () => {
      this.context._requires(...XML_SET, 'customXmlParts.getByNamespace');
      return stateOf(this.context).customXmlParts.filter((p) => p.namespaceUri === namespaceUri);
    }, [namespaceUri], this);
  }
}

export class CustomXmlPartScopedCollection extends ClientCollection<CustomXmlPartState[], CustomXmlPart> {
  protected _itemsOf(parts: CustomXmlPartState[]): CustomXmlPart[] {
    return parts.map((p) => new CustomXmlPart(this.context, () => p, false));
  }
}

export class CustomXmlPart extends ClientObject<CustomXmlPartState> {
  protected readonly _scalars = ['id', 'namespaceUri'];
  declare readonly id: string;
  declare readonly namespaceUri: string;

  protected _read(name: string): unknown {
    const p = this._need();
    if (name === 'id') return p.id;
    if (name === 'namespaceUri') return p.namespaceUri;
    throw new DoubleError('InvalidArgument', `CustomXmlPart.${name}`);
  }
  getXml(): ClientResult<string> {
    return this._result((p) => p.xml);
  }
  delete(): void {
    this._command((p) => {
      const parts = stateOf(this.context).customXmlParts;
      const i = parts.indexOf(p);
      if (i >= 0) parts.splice(i, 1);
    });
  }
}
properties(CustomXmlPart, ['id', 'namespaceUri']);

// ───────────────────────────── AutoFilter, comments, tables ─────────────────────────────

export class AutoFilter extends ClientObject<SheetState> {
  protected readonly _scalars = ['enabled', 'isDataFiltered'];
  protected _since = since({ enabled: '1.9', isDataFiltered: '1.9' });
  declare readonly enabled: boolean;
  declare readonly isDataFiltered: boolean;
  protected _read(name: string): unknown {
    const s = this._need();
    if (name === 'enabled') return s.autoFilter !== null;
    if (name === 'isDataFiltered') return s.autoFilter?.filtered ?? false;
    throw new DoubleError('InvalidArgument', `AutoFilter.${name}`);
  }
}
properties(AutoFilter, ['enabled', 'isDataFiltered']);

const COMMENTS_SET = ['ExcelApi', '1.10'] as const;

export class CommentCollection extends ClientCollection<SheetState[], Comment> {
  protected _itemsOf(sheets: SheetState[]): Comment[] {
    this.context._requires(...COMMENTS_SET, 'comments');
    return sheets.flatMap((s) => [...s.comments.keys()].map((k) => new Comment(this.context, () => ({ sheet: s, key: k }), false)));
  }
}

export class Comment extends ClientObject<{ sheet: SheetState; key: number }> {
  protected readonly _scalars = ['content'];
  declare readonly content: string;
  protected _read(name: string): unknown {
    const t = this._need();
    if (name === 'content') return t.sheet.comments.get(t.key)?.content ?? '';
    throw new DoubleError('InvalidArgument', `Comment.${name}`);
  }
  getLocation(): Range {
    return new Range(this.context, () => {
      const t = this._need();
      const r = keyRow(t.key);
      const c = keyCol(t.key);
      return { sheet: t.sheet, area: { r0: r, c0: c, r1: r, c1: c } };
    }, [], this);
  }
}
properties(Comment, ['content']);

export class TableCollection extends ClientCollection<SheetState[], Table> {
  protected _itemsOf(sheets: SheetState[]): Table[] {
    return sheets.flatMap((s) => s.tables.map((tb) => new Table(this.context, () => ({ sheet: s, table: tb }), false)));
  }
}

type TableTarget = { sheet: SheetState; table: TableState };

export class Table extends ClientObject<TableTarget> {
  protected readonly _scalars = ['name', 'id'];
  declare readonly name: string;
  declare readonly id: string;
  protected _read(name: string): unknown {
    const t = this._need();
    if (name === 'name') return t.table.name;
    if (name === 'id') return t.table.id;
    throw new DoubleError('InvalidArgument', `Table.${name}`);
  }
  getRange(): Range {
    return new Range(this.context, () => ({ sheet: this._need().sheet, area: { ...this._need().table.area } }), [], this);
  }
  get columns(): TableColumnCollection {
    return this._child('columns', () => new TableColumnCollection(this.context, () => this._resolve(), false));
  }
  get sort(): TableSort {
    return this._child('sort', () => new TableSort(this.context, () => this._resolve(), false));
  }
}
properties(Table, ['name', 'id']);

export class TableColumnCollection extends ClientCollection<TableTarget, ClientObject<unknown>> {
  protected _itemsOf(): ClientObject<unknown>[] {
    throw new DoubleError('InvalidArgument', 'the double does not list table columns');
  }
  /** Adds a column at the table's right end (index null), written with the values (header first); the cells there must be empty. */
  add(index: number | null = null, values?: unknown[][]): void {
    this._command((t) => {
      guardSheet(t.sheet);
      const a = t.table.area;
      if (index !== null && index !== a.c1 - a.c0 + 1) throw new DoubleError('InvalidArgument', 'the double adds table columns at the end only');
      const c = a.c1 + 1;
      for (let r = a.r0; r <= a.r1; r++) if ((t.sheet.cells.get(cellKey(r, c))?.value ?? null) !== null) throw new DoubleError('InvalidOperation', 'The operation is attempting to shift cells in a table on your worksheet.');
      if (values && values.length !== a.r1 - a.r0 + 1) throw new DoubleError('InvalidArgument', 'values do not match the table rows');
      a.c1 = c;
      values?.forEach((row, i) => writeValue(ensureCell(t.sheet, a.r0 + i, c), row[0]));
    }, values);
  }
  getItemAt(index: number): TableColumn {
    return new TableColumn(this.context, () => {
      const t = this._need();
      if (index < 0 || index > t.table.area.c1 - t.table.area.c0) throw new DoubleError('ItemNotFound', `no table column ${index}`);
      return { ...t, index };
    }, [index], this);
  }
}

export class TableColumn extends ClientObject<TableTarget & { index: number }> {
  protected readonly _scalars = [];
  protected _read(name: string): unknown {
    throw new DoubleError('InvalidArgument', `TableColumn.${name}`);
  }
  /** Deletes the column: its cells go and the cells right of it within the table's rows shift left. */
  delete(): void {
    this._command((t) => {
      guardSheet(t.sheet);
      const a = t.table.area;
      const col = a.c0 + t.index;
      for (let r = a.r0; r <= a.r1; r++) {
        t.sheet.cells.delete(cellKey(r, col));
        const right = [...t.sheet.cells.keys()].filter((k) => keyRow(k) === r && keyCol(k) > col).sort((x, y) => x - y);
        for (const k of right) {
          t.sheet.cells.set(k - 1, t.sheet.cells.get(k)!);
          t.sheet.cells.delete(k);
        }
      }
      a.c1 -= 1;
    });
  }
}

export class TableSort extends ClientObject<TableTarget> {
  protected readonly _scalars = [];
  protected _read(name: string): unknown {
    throw new DoubleError('InvalidArgument', `TableSort.${name}`);
  }
  /** Sorts the table's data rows (header excluded); hidden rows stay where they are, as in a range sort. */
  apply(fields: { key: number; ascending?: boolean }[], matchCase = false): void {
    this._command((t) => {
      this.context._requires('ExcelApi', '1.2', 'TableSort.apply');
      guardSheet(t.sheet);
      sortRows(t.sheet, t.table.area, t.table.area.r0 + 1, fields, matchCase);
    }, fields);
  }
}
