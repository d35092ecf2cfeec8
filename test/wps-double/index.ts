/**
 * An in-memory WPS for tests: `window.wps` as a WPS 表格 (ET) add-in sees it, without WPS. See README.md.
 */
import { EtWorkbookDouble, newSheetState } from './et-model';
import { type BookState, type CellState, type SheetState, XL_NONE, XL_SOLID, cellKey, newCell, parseArea } from './state';

/** A cell as a registrar typed it: a string stays text, a number is a number; or its value with formats. */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { value?: string | number | boolean | null; format?: string; fill?: number; fontColor?: number; comment?: string };

export interface EtDoubleSpec {
  /** The folder the workbook is saved in ("/home/教务/文档"); omit for a workbook never saved. */
  folder?: string;
  /** The file name with its extension; "工作簿1" when never saved. */
  fileName?: string;
  sheets: { name: string; rows: CellSpec[][]; merges?: string[]; visible?: number }[];
  /** The workbook as saved on disk now; without it, the double writes `serialize(state)` there at the start. */
  savedBytes?: Uint8Array;
  /** Whether the open workbook has unsaved changes at the start. */
  dirty?: boolean;
  /** What Workbook.Save() writes (default: a JSON rendering of every cell, see README.md). */
  serialize?: (book: BookState) => Uint8Array;
  /** Other files on disk (full paths). */
  files?: Record<string, Uint8Array>;
}

export interface FileSystemState {
  files: Map<string, Uint8Array>;
  dirs: Set<string>;
  /** When set, the next writeAsBinaryString writes this many bytes, then fails (a full disk, a pulled USB stick). */
  failNextWriteAfter: number | null;
}

export interface EtDouble {
  wps: Record<string, unknown>;
  book: BookState;
  fs: FileSystemState;
  app: { displayAlerts: boolean; screenUpdating: boolean };
  /** PluginStorage's items: kept for the WPS session only. */
  storage: Map<string, unknown>;
  panes: { id: string; url: string; title: string; visible: boolean }[];
  /** Round trips to WPS so far (each property access or call). */
  calls(): number;
}

/** The folder of a path, with either separator (Windows "C:\\…\\x" or Linux "/…/x"). */
const parentOf = (path: string) => path.replace(/[\\/][^\\/]*$/, '') || '/';
const separator = (folder: string) => (folder.includes('\\') ? '\\' : '/');

function cellFrom(spec: CellSpec): CellState | null {
  if (spec === null || spec === undefined || spec === '') return null;
  const cell = newCell();
  if (typeof spec !== 'object') {
    cell.value = spec;
    return cell;
  }
  cell.value = spec.value ?? null;
  if (spec.format) cell.format = spec.format;
  if (spec.fill !== undefined) cell.fill = { color: spec.fill, pattern: XL_SOLID, patternColor: 0 };
  if (spec.fontColor !== undefined) cell.font.color = spec.fontColor;
  if (spec.comment !== undefined) cell.comment = spec.comment;
  return cell;
}

function sheetFrom(spec: EtDoubleSpec['sheets'][number]): SheetState {
  const sheet = newSheetState(spec.name);
  sheet.visible = spec.visible ?? -1;
  spec.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = cellFrom(v);
      if (cell) sheet.cells.set(cellKey(i + 1, j + 1), cell);
    }),
  );
  sheet.merges = (spec.merges ?? []).map(parseArea);
  return sheet;
}

/** The default saved form: every sheet's cells as JSON (not an .xlsx; enough to tell one save from another). */
export function serializeBook(book: BookState): Uint8Array {
  const sheets = book.sheets.map((s) => ({ name: s.name, visible: s.visible, cells: [...s.cells].filter(([, c]) => c.value !== null || c.fill.pattern !== XL_NONE).map(([k, c]) => [k, c.value, c.format, c.fill.color, c.font.color]) }));
  return new TextEncoder().encode(JSON.stringify({ sheets }));
}

export function createEtDouble(spec: EtDoubleSpec): EtDouble {
  const sheets = spec.sheets.map(sheetFrom);
  const book: BookState = {
    name: spec.fileName ?? '工作簿1',
    path: spec.folder ?? '',
    sheets,
    active: sheets.find((s) => s.visible === -1) ?? sheets[0],
    saved: !spec.dirty,
    followed: [],
    calls: 0,
  };
  const fs: FileSystemState = { files: new Map(Object.entries(spec.files ?? {})), dirs: new Set(['/']), failNextWriteAfter: null };
  const addDirs = (path: string) => {
    for (let p = parentOf(path); p !== '/' && p !== path && !fs.dirs.has(p); p = parentOf(p)) fs.dirs.add(p);
  };
  for (const path of fs.files.keys()) addDirs(path);
  const serialize = spec.serialize ?? serializeBook;
  const fullName = () => `${book.path}${separator(book.path)}${book.name}`;
  if (book.path) {
    fs.dirs.add(book.path);
    addDirs(fullName());
    fs.files.set(fullName(), spec.savedBytes ?? serialize(book));
  }

  const app = {
    book,
    displayAlerts: true,
    screenUpdating: true,
    save: (b: BookState) => fs.files.set(fullName(), serialize(b)),
  };
  const workbook = new EtWorkbookDouble(app, book);
  const storage = new Map<string, unknown>();
  const panes: EtDouble['panes'] = [];
  const count = () => void book.calls++;

  const fileSystem = {
    Exists(path: string) {
      count();
      return fs.files.has(path) || fs.dirs.has(path.replace(/\/$/, '') || '/');
    },
    Mkdir(path: string) {
      count();
      if (!fs.dirs.has(parentOf(path))) return false;
      fs.dirs.add(path);
      return true;
    },
    /** The bytes, whole. Missing file: throws. */
    ReadFileAsArrayBuffer(path: string) {
      count();
      const bytes = fs.files.get(path);
      if (!bytes) throw new Error(`文件不存在:${path}`);
      return bytes.slice().buffer;
    },
    /** Reads text; binary is cut at the first NUL byte, as measured on WPS 12.8 for Linux (issue 13): never for bytes. */
    ReadFile(path: string) {
      count();
      const bytes = fs.files.get(path);
      if (!bytes) throw new Error(`文件不存在:${path}`);
      const nul = bytes.indexOf(0);
      return new TextDecoder().decode(nul < 0 ? bytes : bytes.subarray(0, nul));
    },
    /** Each character is one byte; a character over 0xFF is refused; the folder must exist. */
    writeAsBinaryString(path: string, data: string) {
      count();
      if (!fs.dirs.has(parentOf(path))) return false;
      const bytes = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (code > 0xff) throw new Error(`writeAsBinaryString:第 ${i} 个字符不是单字节`);
        bytes[i] = code;
      }
      const cut = fs.failNextWriteAfter;
      if (cut !== null) {
        fs.failNextWriteAfter = null;
        fs.files.set(path, bytes.slice(0, cut));
        throw new Error('写入失败:磁盘已满');
      }
      fs.files.set(path, bytes);
      return true;
    },
    /** The names in a folder (strings; WPS's own entry objects are not documented field by field); a file or a missing folder throws. */
    readdirSync(path: string) {
      count();
      const folder = path.replace(/[\\/]$/, '');
      if (!fs.dirs.has(folder)) throw new Error(`不是文件夹:${path}`);
      const names = new Set<string>();
      for (const p of [...fs.files.keys(), ...fs.dirs]) if (p !== folder && parentOf(p) === folder) names.add(p.slice(folder.length + 1));
      return [...names].sort();
    },
    Remove(path: string) {
      count();
      return fs.files.delete(path) || fs.dirs.delete(path);
    },
  };

  const wps = {
    EtApplication: () => {
      count();
      return {
        get ActiveWorkbook() {
          count();
          return workbook;
        },
        get ActiveWindow() {
          count();
          const sheet = book.active;
          return {
            get SplitRow() {
              return sheet.freeze?.row ?? 0;
            },
            set SplitRow(v: number) {
              count();
              sheet.freeze = { row: v, col: sheet.freeze?.col ?? 0 };
            },
            get SplitColumn() {
              return sheet.freeze?.col ?? 0;
            },
            set SplitColumn(v: number) {
              count();
              sheet.freeze = { row: sheet.freeze?.row ?? 0, col: v };
            },
            FreezePanes: false,
          };
        },
        get DisplayAlerts() {
          return app.displayAlerts;
        },
        set DisplayAlerts(v: boolean) {
          count();
          app.displayAlerts = v;
        },
        get ScreenUpdating() {
          return app.screenUpdating;
        },
        set ScreenUpdating(v: boolean) {
          count();
          app.screenUpdating = v;
        },
      };
    },
    CreateTaskPane(url: string, title = '') {
      count();
      const pane = { id: `pane-${panes.length + 1}`, url, title, visible: false };
      panes.push(pane);
      return {
        get ID() {
          return pane.id;
        },
        get Visible() {
          return pane.visible;
        },
        set Visible(v: boolean) {
          pane.visible = v;
        },
      };
    },
    GetTaskPane(id: string) {
      count();
      const pane = panes.find((p) => p.id === id);
      if (!pane) return null;
      return {
        ID: pane.id,
        get Visible() {
          return pane.visible;
        },
        set Visible(v: boolean) {
          pane.visible = v;
        },
      };
    },
    PluginStorage: {
      getItem: (key: string) => (storage.has(key) ? storage.get(key) : null),
      setItem: (key: string, value: unknown) => void storage.set(key, value),
    },
    FileSystem: fileSystem,
  };

  return { wps, book, fs, app, storage, panes, calls: () => book.calls };
}

export { cellKey } from './state';
