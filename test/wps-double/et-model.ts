/**
 * ET's object model over the in-memory state, as strict as the real one where the adapter depends on it:
 * - synchronous: every property read or write and every call counts one round trip to WPS (`state.calls`);
 * - Value2 of several cells is a 1-based 2-D array, as VBA's SAFEARRAY (index 0 is a hole); one cell gives the
 *   value itself, an empty cell `undefined` (VBA Empty);
 * - colours are BGR integers (VBA's RGB(r,g,b) = r + g·256 + b·65536); setting Interior.Color makes the fill solid,
 *   Pattern = xlNone removes it;
 * - a string written through Value2 is parsed as typed input (digits become a number) unless the cell is "@";
 * - Address is "$A$1"; a bad reference, a missing sheet, AddComment on a cell with a comment, Validation.Add over
 *   an existing rule, Select on a sheet that is not active and Activate on a hidden sheet all throw (VBA error 1004);
 * - Worksheet.Delete asks the user to confirm unless Application.DisplayAlerts is false: the double throws instead
 *   of showing a dialog nobody answers;
 * - NumberFormat of General reads "G/通用格式", as WPS's Chinese UI reports it.
 */
import {
  type Area,
  type BookState,
  type CellState,
  GENERAL,
  MAX_ROWS,
  type SheetState,
  WHITE,
  XL_NONE,
  XL_SOLID,
  areaAddress,
  cellKey,
  defaultFill,
  isUsed,
  keyParts,
  newCell,
  overlaps,
  parseArea,
} from './state';

const fail = (what: string): never => {
  throw new Error(what);
};

export interface AppState {
  book: BookState | null;
  displayAlerts: boolean;
  screenUpdating: boolean;
  /** Called by Workbook.Save(): the bytes written to the workbook's FullName. */
  save(book: BookState): void;
}

/** Reads `key` of the cell, counting the call. */
function touch(book: BookState): void {
  book.calls++;
}

function changed(book: BookState): void {
  book.saved = false;
}

/** Parses what a user would type: numbers become numbers (no locale grouping), the rest stays text. */
function typedValue(v: unknown, format: string): CellState['value'] {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  if (format !== '@' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim())) return Number(s);
  return s;
}

function cellsOf(sheet: SheetState, a: Area, create: boolean): [number, number, CellState | undefined][] {
  const out: [number, number, CellState | undefined][] = [];
  for (let r = a.r0; r <= a.r1; r++)
    for (let c = a.c0; c <= a.c1; c++) {
      let cell = sheet.cells.get(cellKey(r, c));
      if (!cell && create) {
        cell = newCell();
        sheet.cells.set(cellKey(r, c), cell);
      }
      out.push([r, c, cell]);
    }
  return out;
}

/** One value for the whole area, or null when the cells differ (as VBA returns Null). */
function common<T>(sheet: SheetState, a: Area, read: (c: CellState) => T): T | null {
  let first: { v: T } | null = null;
  for (let r = a.r0; r <= a.r1; r++)
    for (let c = a.c0; c <= a.c1; c++) {
      const v = read(sheet.cells.get(cellKey(r, c)) ?? newCell());
      if (!first) first = { v };
      else if (first.v !== v) return null;
    }
  return first!.v;
}

const isWholeColumns = (a: Area) => a.r0 === 1 && a.r1 === MAX_ROWS;

export class EtRangeDouble {
  constructor(
    private readonly book: BookState,
    readonly sheet: SheetState,
    readonly area: Area,
  ) {}

  private call(): void {
    touch(this.book);
  }

  private write(apply: (cell: CellState) => void): void {
    this.call();
    if (isWholeColumns(this.area)) fail('双重对象不支持对整列写入单元格内容');
    for (const [, , cell] of cellsOf(this.sheet, this.area, true)) apply(cell!);
    changed(this.book);
  }

  get Address() {
    this.call();
    return areaAddress(this.area);
  }
  get Row() {
    this.call();
    return this.area.r0;
  }
  get Column() {
    this.call();
    return this.area.c0;
  }
  get Rows() {
    this.call();
    return { Count: this.area.r1 - this.area.r0 + 1 };
  }
  get Columns() {
    this.call();
    return { Count: this.area.c1 - this.area.c0 + 1 };
  }

  get Value2(): unknown {
    this.call();
    const a = this.area;
    const valueAt = (r: number, c: number) => this.sheet.cells.get(cellKey(r, c))?.value ?? undefined;
    if (a.r0 === a.r1 && a.c0 === a.c1) return valueAt(a.r0, a.c0);
    // A 1-based array, as VBA's Range.Value2: element 0 of each dimension is a hole.
    const rows: unknown[][] = new Array(a.r1 - a.r0 + 2);
    for (let r = a.r0; r <= a.r1; r++) {
      const row: unknown[] = new Array(a.c1 - a.c0 + 2);
      for (let c = a.c0; c <= a.c1; c++) row[c - a.c0 + 1] = valueAt(r, c);
      rows[r - a.r0 + 1] = row;
    }
    return rows;
  }

  /** A scalar fills every cell; an array (JS arrays, 0-based, as scripts write them) must match the area's shape. */
  set Value2(v: unknown) {
    const a = this.area;
    if (Array.isArray(v)) {
      const rows = a.r1 - a.r0 + 1;
      const cols = a.c1 - a.c0 + 1;
      if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) fail(`Value2 的数组大小与区域 ${areaAddress(a)} 不符`);
      this.call();
      (v as unknown[][]).forEach((row, i) =>
        row.forEach((value, j) => {
          const key = cellKey(a.r0 + i, a.c0 + j);
          const cell = this.sheet.cells.get(key) ?? newCell();
          cell.value = typedValue(value, cell.format);
          this.sheet.cells.set(key, cell);
        }),
      );
      changed(this.book);
      return;
    }
    this.write((cell) => (cell.value = typedValue(v, cell.format)));
  }

  get NumberFormat(): string | null {
    this.call();
    return common(this.sheet, this.area, (c) => c.format);
  }
  set NumberFormat(format: string | null) {
    if (typeof format !== 'string') fail('NumberFormat 必须是字符串');
    this.write((cell) => (cell.format = format === 'General' ? GENERAL : format!));
  }

  get Interior() {
    const range = this;
    // Null when the cells differ, as VBA.
    const read = (f: (c: CellState) => number) => {
      range.call();
      return common(range.sheet, range.area, f) as number;
    };
    return {
      get Color() {
        return read((c) => c.fill.color);
      },
      set Color(v: number) {
        range.write((c) => (c.fill = { ...c.fill, color: v, pattern: c.fill.pattern === XL_NONE ? XL_SOLID : c.fill.pattern }));
      },
      get Pattern() {
        return read((c) => c.fill.pattern);
      },
      set Pattern(v: number) {
        range.write((c) => (c.fill = v === XL_NONE ? defaultFill() : { ...c.fill, pattern: v }));
      },
      get PatternColor() {
        return read((c) => c.fill.patternColor);
      },
      set PatternColor(v: number) {
        range.write((c) => (c.fill = { ...c.fill, patternColor: v }));
      },
    };
  }

  get Font() {
    const range = this;
    const prop = <K extends keyof CellState['font']>(key: K) => ({
      get: () => {
        range.call();
        return common(range.sheet, range.area, (c) => c.font[key]);
      },
      set: (v: CellState['font'][K]) => range.write((c) => (c.font = { ...c.font, [key]: v })),
    });
    const font = {};
    for (const key of ['Color', 'Bold', 'Size', 'Name'] as const) Object.defineProperty(font, key, prop(key.toLowerCase() as keyof CellState['font']));
    return font as { Color: number; Bold: boolean; Size: number; Name: string };
  }

  private single(what: string): CellState | undefined {
    const a = this.area;
    if (a.r0 !== a.r1 || a.c0 !== a.c1) fail(`${what} 只能用于一个单元格`);
    return this.sheet.cells.get(cellKey(a.r0, a.c0));
  }

  get Comment() {
    this.call();
    const cell = this.single('Comment');
    if (!cell || cell.comment === null) return null;
    const range = this;
    return {
      Text(text?: string) {
        range.call();
        if (text !== undefined) {
          cell.comment = text;
          changed(range.book);
        }
        return cell.comment ?? '';
      },
      Delete() {
        range.call();
        cell.comment = null;
        changed(range.book);
      },
    };
  }

  AddComment(text: string) {
    this.call();
    if (this.single('AddComment')?.comment != null) fail('AddComment 失败:单元格已有批注');
    this.write((c) => (c.comment = text));
    return this.Comment!;
  }

  Select(): void {
    this.call();
    if (this.book.active !== this.sheet) fail('Range 类的 Select 方法失败:工作表不是活动工作表');
    this.sheet.selection = { ...this.area };
  }

  Sort(key1: EtRangeDouble, order1 = 1, _k2?: unknown, _t?: unknown, _o2?: unknown, _k3?: unknown, _o3?: unknown, header = 2, _oc?: unknown, _mc?: unknown, orientation = 1): void {
    this.call();
    const a = this.area;
    if (header !== 2 || orientation !== 1) fail('双重对象只排序无标题的行');
    if (key1.sheet !== this.sheet || key1.area.c0 < a.c0 || key1.area.c0 > a.c1) fail('Sort 失败:排序依据不在区域内');
    if (this.sheet.merges.some((m) => overlaps(m, a))) fail('Sort 失败:此操作要求合并单元格都具有相同大小');
    const rows = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const cells = [];
      for (let c = a.c0; c <= a.c1; c++) cells.push(this.sheet.cells.get(cellKey(r, c)));
      rows.push(cells);
    }
    const k = key1.area.c0 - a.c0;
    const rank = (v: CellState['value'] | undefined) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3);
    const sorted = rows
      .map((cells, i) => ({ cells, i }))
      .sort((x, y) => {
        const vx = x.cells[k]?.value ?? undefined;
        const vy = y.cells[k]?.value ?? undefined;
        const d = rank(vx) - rank(vy);
        if (d) return d;
        if (vx === undefined || vy === undefined) return x.i - y.i;
        const cmp = typeof vx === 'number' ? (vx as number) - (vy as number) : String(vx).localeCompare(String(vy), 'zh-CN');
        return (order1 === 1 ? cmp : -cmp) || x.i - y.i;
      });
    sorted.forEach(({ cells }, i) =>
      cells.forEach((cell, j) => {
        const key = cellKey(a.r0 + i, a.c0 + j);
        if (cell) this.sheet.cells.set(key, cell);
        else this.sheet.cells.delete(key);
      }),
    );
    changed(this.book);
  }

  ClearContents(): void {
    this.write((c) => (c.value = null));
  }

  get Validation() {
    const range = this;
    const first = () => range.sheet.cells.get(cellKey(range.area.r0, range.area.c0))?.validation ?? null;
    const setAll = (patch: Partial<NonNullable<CellState['validation']>>) => {
      if (!first()) fail('没有数据有效性规则');
      range.write((c) => (c.validation = { ...c.validation!, ...patch }));
    };
    return {
      Add(type: number, alertStyle = 1, _operator?: number, formula1 = '') {
        range.call();
        for (const [, , c] of cellsOf(range.sheet, range.area, false)) if (c?.validation) fail('Validation.Add 失败:区域已有数据有效性,请先 Delete');
        range.write((c) => (c.validation = { type, alertStyle, formula1, inCellDropdown: true, errorTitle: '', errorMessage: '' }));
      },
      Delete() {
        range.write((c) => (c.validation = null));
      },
      get InCellDropdown() {
        return first()?.inCellDropdown ?? true;
      },
      set InCellDropdown(v: boolean) {
        setAll({ inCellDropdown: v });
      },
      get ErrorTitle() {
        return first()?.errorTitle ?? '';
      },
      set ErrorTitle(v: string) {
        setAll({ errorTitle: v });
      },
      get ErrorMessage() {
        return first()?.errorMessage ?? '';
      },
      set ErrorMessage(v: string) {
        setAll({ errorMessage: v });
      },
    };
  }

  Merge(): void {
    this.call();
    if (this.sheet.merges.some((m) => overlaps(m, this.area))) fail('Merge 失败:区域与已合并的单元格重叠');
    this.sheet.merges.push({ ...this.area });
    changed(this.book);
  }

  get MergeCells(): boolean | null {
    this.call();
    const hit = this.sheet.merges.filter((m) => overlaps(m, this.area));
    if (hit.length === 0) return false;
    return hit.every((m) => m.r0 <= this.area.r0 && m.c0 <= this.area.c0 && m.r1 >= this.area.r1 && m.c1 >= this.area.c1) ? true : null;
  }

  get MergeArea(): EtRangeDouble {
    this.call();
    this.single('MergeArea');
    const merge = this.sheet.merges.find((m) => overlaps(m, this.area));
    return new EtRangeDouble(this.book, this.sheet, merge ? { ...merge } : { ...this.area });
  }

  private layout(key: string) {
    return {
      get: () => {
        this.call();
        return common(this.sheet, this.area, (c) => c.layout[key] ?? null);
      },
      set: (v: unknown) => this.write((c) => (c.layout[key] = v)),
    };
  }

  get HorizontalAlignment() {
    return this.layout('HorizontalAlignment').get() as number;
  }
  set HorizontalAlignment(v: number) {
    this.layout('HorizontalAlignment').set(v);
  }
  get WrapText() {
    return this.layout('WrapText').get() as boolean;
  }
  set WrapText(v: boolean) {
    this.layout('WrapText').set(v);
  }
  get RowHeight() {
    return this.layout('RowHeight').get() as number;
  }
  set RowHeight(v: number) {
    this.layout('RowHeight').set(v);
  }
  get Borders() {
    const range = this;
    return {
      get LineStyle() {
        return range.layout('Borders').get() as number;
      },
      set LineStyle(v: number) {
        range.layout('Borders').set(v);
      },
    };
  }

  get ColumnWidth(): number {
    this.call();
    return this.sheet.columnWidths.get(this.area.c0) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    this.call();
    for (let c = this.area.c0; c <= this.area.c1; c++) this.sheet.columnWidths.set(c, v);
    changed(this.book);
  }
}

export class EtWorksheetDouble {
  constructor(
    private readonly app: AppState,
    private readonly book: BookState,
    readonly state: SheetState,
  ) {}

  private call(): void {
    touch(this.book);
  }

  private alive(): SheetState {
    if (!this.book.sheets.includes(this.state)) fail('对象已被删除');
    return this.state;
  }

  get Name() {
    this.call();
    return this.alive().name;
  }
  set Name(name: string) {
    this.call();
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) fail(`工作表名称无效:${name}`);
    if (this.book.sheets.some((s) => s !== this.state && s.name.toLowerCase() === name.toLowerCase())) fail(`工作表名称已被占用:${name}`);
    this.alive().name = name;
    changed(this.book);
  }

  get Visible() {
    this.call();
    return this.alive().visible;
  }
  set Visible(v: number) {
    this.call();
    if (v !== -1 && this.book.sheets.filter((s) => s.visible === -1 && s !== this.state).length === 0) fail('不能隐藏唯一可见的工作表');
    this.alive().visible = v;
    if (v !== -1 && this.book.active === this.state) this.book.active = this.book.sheets.find((s) => s.visible === -1)!;
    changed(this.book);
  }

  get Index() {
    this.call();
    return this.book.sheets.indexOf(this.alive()) + 1;
  }

  /** The bounding box of every cell with a value or a format (formats count, as in Excel); A1 on an empty sheet. */
  get UsedRange() {
    this.call();
    let a: Area | null = null;
    for (const [key, cell] of this.alive().cells) {
      if (!isUsed(cell)) continue;
      const [r, c] = keyParts(key);
      a = a ? { r0: Math.min(a.r0, r), c0: Math.min(a.c0, c), r1: Math.max(a.r1, r), c1: Math.max(a.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return new EtRangeDouble(this.book, this.state, a ?? { r0: 1, c0: 1, r1: 1, c1: 1 });
  }

  Range(address: string) {
    this.call();
    return new EtRangeDouble(this.book, this.alive(), parseArea(String(address)));
  }

  get PageSetup() {
    this.call();
    return pageSetupOf(this.book, this.alive());
  }

  Activate(): void {
    this.call();
    if (this.alive().visible !== -1) fail('Worksheet 类的 Activate 方法失败:工作表已隐藏');
    this.book.active = this.state;
  }

  Delete(): void {
    this.call();
    if (this.app.displayAlerts) fail('删除工作表需要用户在对话框中确认(请先设 Application.DisplayAlerts = false)');
    if (this.book.sheets.filter((s) => s !== this.state && s.visible === -1).length === 0) fail('工作簿至少要有一张可见的工作表');
    this.book.sheets.splice(this.book.sheets.indexOf(this.alive()), 1);
    if (this.book.active === this.state) this.book.active = this.book.sheets.find((s) => s.visible === -1)!;
    changed(this.book);
  }
}

export function newSheetState(name: string): SheetState {
  return { name, visible: -1, cells: new Map(), merges: [], columnWidths: new Map(), selection: null, freeze: null, pageSetup: {} };
}

export class EtWorkbookDouble {
  constructor(
    private readonly app: AppState,
    readonly state: BookState,
  ) {}

  private call(): void {
    touch(this.state);
  }

  private sheet(s: SheetState) {
    return new EtWorksheetDouble(this.app, this.state, s);
  }

  get Name() {
    this.call();
    return this.state.name;
  }
  get Path() {
    this.call();
    return this.state.path;
  }
  get FullName() {
    this.call();
    return this.state.path ? `${this.state.path}${this.state.path.includes('\\') ? '\\' : '/'}${this.state.name}` : this.state.name;
  }
  get Saved() {
    this.call();
    return this.state.saved;
  }
  set Saved(v: boolean) {
    this.call();
    this.state.saved = Boolean(v);
  }

  /** A workbook never saved would open the 另存为 dialog in WPS; the double refuses instead. */
  Save(): void {
    this.call();
    if (!this.state.path) fail('工作簿尚未保存过:Save 会打开“另存为”对话框');
    this.app.save(this.state);
    this.state.saved = true;
  }

  get Worksheets() {
    this.call();
    const book = this.state;
    const wrap = (s: SheetState) => this.sheet(s);
    return {
      get Count() {
        touch(book);
        return book.sheets.length;
      },
      Item(index: number | string) {
        touch(book);
        const s = typeof index === 'number' ? book.sheets[index - 1] : book.sheets.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
        return wrap(s ?? fail(`下标越界:没有工作表 ${index}`));
      },
      Add: (before?: EtWorksheetDouble, after?: EtWorksheetDouble) => {
        touch(book);
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
        const s = newSheetState(`Sheet${n}`);
        const at = after ? book.sheets.indexOf(after.state) + 1 : before ? book.sheets.indexOf(before.state) : book.sheets.indexOf(book.active);
        book.sheets.splice(Math.max(0, at), 0, s);
        book.active = s;
        changed(book);
        return wrap(s);
      },
    };
  }

  get ActiveSheet() {
    this.call();
    return this.sheet(this.state.active);
  }

  FollowHyperlink(address: string): void {
    this.call();
    this.state.followed.push(address);
  }
}

export { WHITE, XL_NONE, XL_SOLID };

/**
 * VBA's PageSetup as ET mirrors it (learn.microsoft.com/office/vba/api/excel.pagesetup): Zoom is false or 10–400;
 * FitToPagesWide/Tall are false or a page count and apply only while Zoom is false; PrintTitleRows is a row range
 * such as "$1:$3"; a header or footer holds at most 255 characters. A value outside these throws, as ET does.
 */
const PAGE_SETUP_CHECKS: Record<string, (v: unknown) => boolean> = {
  Orientation: (v) => v === 1 || v === 2,
  PaperSize: (v) => Number.isInteger(v) && (v as number) > 0,
  CenterHorizontally: (v) => typeof v === 'boolean',
  Zoom: (v) => v === false || (Number.isInteger(v) && (v as number) >= 10 && (v as number) <= 400),
  FitToPagesWide: (v) => v === false || (Number.isInteger(v) && (v as number) >= 1),
  FitToPagesTall: (v) => v === false || (Number.isInteger(v) && (v as number) >= 1),
  PrintTitleRows: (v) => typeof v === 'string' && (v === '' || /^\$\d+:\$\d+$/.test(v)),
  CenterFooter: (v) => typeof v === 'string' && v.length <= 255,
};

function pageSetupOf(book: BookState, sheet: SheetState): Record<string, unknown> {
  const props: PropertyDescriptorMap = {};
  for (const [name, valid] of Object.entries(PAGE_SETUP_CHECKS))
    props[name] = {
      enumerable: true,
      get: () => {
        touch(book);
        return sheet.pageSetup[name];
      },
      set: (v: unknown) => {
        touch(book);
        if (!valid(v)) fail(`PageSetup.${name} 的值无效:${String(v)}`);
        sheet.pageSetup[name] = v;
        changed(book);
      },
    };
  // Any other property is refused rather than silently kept (a typo would otherwise pass).
  return Object.preventExtensions(Object.defineProperties({}, props));
}
