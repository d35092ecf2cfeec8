/**
 * The workbook host for a plain browser page (the pane opened outside Office, e.g. by a registrar who uses WPS):
 * the user opens an .xlsx file, which is read in memory. Nothing can be marked, fixed or selected in place,
 * and the package gets the opened file exactly as it is.
 */
import type { WorkbookGrid } from '../rules/grid';
import { XLSX_LIMITS } from '../xlsx/limits';
import type { Progress, WorkbookFile, WorkbookHost } from './types';

/** The part of a browser `File` the host reads. */
export interface OpenedFile {
  name: string;
  /** Bytes, when known before reading (a browser File): a file too large to be a workbook is refused unread. */
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FileHost extends WorkbookHost {
  kind: 'file';
  /** Takes the user's .xlsx file; the next `readWorkbook` reads it. */
  open(file: OpenedFile): Promise<void>;
}

/** Outside Office the scan assignments are kept in this browser's local storage, per workbook file name. */
const linkStateKey = (fileName: string) => `xjLinkState:${fileName}`;

const baseName = (fileName: string) => fileName.replace(/\.xlsx$/i, '');

const unavailable = (what: string) => () => Promise.reject(new Error(`在浏览器中打开的文件不能${what},请在 Excel 中使用本加载项。`));

export function createFileHost(): FileHost {
  let opened: { name: string; bytes: Uint8Array } | null = null;
  const requireOpened = () => {
    if (!opened) throw new Error('请先打开一个 .xlsx 工作簿。');
    return opened;
  };
  return {
    kind: 'file',
    capabilities: { marks: false, fixes: false, select: false, template: false },
    async open(file) {
      if (!/\.xlsx$/i.test(file.name)) throw new Error(`“${file.name}”不是 .xlsx 工作簿;请先在 Excel 或 WPS 中另存为 .xlsx。`);
      if (file.size !== undefined && file.size > XLSX_LIMITS.fileBytes)
        throw new Error(`“${file.name}”有 ${Math.round(file.size / 1024 / 1024)} MB,超过 ${XLSX_LIMITS.fileBytes / 1024 / 1024} MB,不会是学生基本信息修改情况统计表;没有读取。请检查是否选错了文件。`);
      opened = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async workbookName() {
      return baseName(requireOpened().name);
    },
    async readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookGrid> {
      const { name, bytes } = requireOpened();
      onProgress?.({ step: `读取工作簿 ${name}`, done: 0, total: 1 });
      // The .xlsx reader (and JSZip) is loaded only here, so the first paint does not wait for it.
      const { readWorkbook } = await import('../xlsx/read-workbook');
      const grid = await readWorkbook(bytes, { name: baseName(name) });
      onProgress?.({ step: `读取工作簿 ${name}`, done: 1, total: 1 });
      return grid;
    },
    // Nothing is marked outside Office, so there is nothing to clear.
    markProblems: () => Promise.resolve(),
    clearMarks: () => Promise.resolve(),
    selectCell: unavailable('定位单元格'),
    applyFix: unavailable('直接修正'),
    insertTemplate: unavailable('插入模板'),
    async getWorkbookFile(): Promise<WorkbookFile> {
      return { bytes: requireOpened().bytes, source: 'opened-file' };
    },
    async loadLinkState() {
      const saved = opened && globalThis.localStorage?.getItem(linkStateKey(opened.name));
      return saved ? JSON.parse(saved) : null;
    },
    async saveLinkState(state) {
      if (opened) globalThis.localStorage?.setItem(linkStateKey(opened.name), JSON.stringify(state));
    },
  };
}
