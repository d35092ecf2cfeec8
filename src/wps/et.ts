/**
 * The part of WPS's JS add-in API (`window.wps`) this adapter calls, typed. The ET (WPS 表格) object model mirrors
 * Excel's VBA model and is synchronous: every property read or method call goes to WPS and returns at once.
 * Which of these are documented and which are unverified in real WPS is listed in src/wps/README.md.
 */

/** VBA constants the adapter uses (values as in Excel's object model, which ET mirrors). */
export const XL = {
  none: -4142, // xlNone: Interior.Pattern / ColorIndex of a cell without fill
  solid: 1, // xlSolid
  ascending: 1, // xlAscending
  headerNo: 2, // xlNo
  topToBottom: 1, // xlTopToBottom (sort rows)
  sheetVisible: -1, // xlSheetVisible
  sheetVeryHidden: 2, // xlSheetVeryHidden: hidden from the user's 取消隐藏 list, only code can show it
  validateList: 3, // xlValidateList
  validAlertStop: 1, // xlValidAlertStop
  between: 1, // xlBetween
  center: -4108, // xlCenter
  continuous: 1, // xlContinuous
  landscape: 2, // xlLandscape
  paperA4: 9, // xlPaperA4
} as const;

export interface EtInterior {
  /** BGR integer (0xBBGGRR), as VBA. */
  Color: number;
  Pattern: number;
  PatternColor: number;
}

export interface EtFont {
  Color: number;
  Bold: boolean;
  Size: number;
  Name: string;
}

export interface EtComment {
  /** VBA's Comment.Text([Text]): returns the text; with an argument, replaces it. */
  Text(text?: string): string;
  Delete(): void;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string): void;
  Delete(): void;
  InCellDropdown: boolean;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface EtRange {
  /** "$A$1" or "$A$1:$C$4". */
  readonly Address: string;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** One cell: the value; several: a 2-D array (1-based in the VBA model; src/wps/values.ts reads both). */
  Value2: unknown;
  /** One cell: its code; several: the common code, or null when they differ. */
  NumberFormat: string | null;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  Select(): void;
  Sort(key1: EtRange, order1?: number, key2?: unknown, type?: unknown, order2?: unknown, key3?: unknown, order3?: unknown, header?: number, orderCustom?: unknown, matchCase?: boolean, orientation?: number): void;
  ClearContents(): void;
  readonly Validation: EtValidation;
  Merge(): void;
  /** True: all merged; false: none; null: some. */
  readonly MergeCells: boolean | null;
  /** The merged area the (single) cell belongs to, or the cell itself. */
  readonly MergeArea: EtRange;
  HorizontalAlignment: number;
  WrapText: boolean;
  ColumnWidth: number;
  RowHeight: number;
  readonly Borders: { LineStyle: number };
}

/** The print settings of a sheet (VBA's PageSetup): FitToPagesWide/Tall apply only while Zoom is false. */
export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  CenterHorizontally: boolean;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  /** Rows repeated at the top of every printed page, "$1:$3". */
  PrintTitleRows: string;
  /** Header/footer codes, "&P" the page number and "&N" the page count. */
  CenterFooter: string;
}

export interface EtWorksheet {
  readonly PageSetup: EtPageSetup;
  Name: string;
  Visible: number;
  readonly Index: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  /** Adds a sheet after `after` (VBA Add(Before, After)); the new sheet becomes the active one. */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  /** The folder the workbook is saved in; "" for a workbook never saved. */
  readonly Path: string;
  readonly FullName: string;
  /** False once anything changed since the last save. */
  Saved: boolean;
  Save(): void;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  FollowHyperlink(address: string): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  /** False: WPS asks nothing (Worksheet.Delete would otherwise wait for the user to confirm). */
  DisplayAlerts: boolean;
  readonly ActiveWindow: { SplitRow: number; SplitColumn: number; FreezePanes: boolean } | null;
  ScreenUpdating: boolean;
}

export interface WpsFileSystem {
  Exists(path: string): boolean;
  ReadFileAsArrayBuffer(path: string): ArrayBuffer;
  /** The older, documented way to read bytes: one character per byte. */
  readAsBinaryString?(path: string): string;
  /** Each character one byte (0–255). */
  writeAsBinaryString(path: string, data: string): boolean;
  Remove(path: string): boolean;
  /** The entries of a folder (names); WPS documents it, its exact return shape is unverified (src/wps/README.md). */
  readdirSync?(path: string): unknown;
}

export interface WpsTaskPane {
  readonly ID: string;
  Visible: boolean;
}

export interface Wps {
  EtApplication(): EtApplication;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: string): WpsTaskPane | null;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  FileSystem: WpsFileSystem;
}

/** `window.wps` inside WPS, undefined anywhere else. */
export function wpsGlobal(): Wps | undefined {
  const w = (globalThis as { wps?: Wps }).wps;
  return w && typeof w.EtApplication === 'function' ? w : undefined;
}
