/**
 * The workbook host inside WPS 表格 (a WPS JS add-in): reads the sheets through ET's object model, marks problems
 * in place, selects cells, applies fixes, inserts the template, and, unlike Excel's sandbox, takes the workbook's
 * own saved file from disk and writes the package beside it through `wps.FileSystem`.
 *
 * The package must hold the workbook exactly as the registrar has it, without marks: the file on disk is used only
 * when the workbook was saved as .xlsx, has no unsaved changes and carries no marks (marks change the workbook, so
 * after 校验 the pane offers 保存并导出: clear the marks, save, take the file, mark again).
 */
import { type FixOutcome, type SavedPackage, type WorkbookFile, type WorkbookHost, WorkbookNotSavedError } from '../host/types';
import type { Problem } from '../rules/problem';
import type { EtApplication, EtWorkbook, Wps } from './et';
import { joinPath, readFileBytes, writeNewFile } from './files';
import { LINKS_SHEET, findSheet, readLines, writeLines } from './hidden-sheet';
import { insertTemplateIn } from './insert-template';
import { clearMarks, hasMarks, markProblems } from './marks';
import { applyFixIn } from './fixes';
import { readSheets } from './read-workbook';
import { readScanFolder, scanFoldersBeside } from './scan-folder';

const stripExtension = (name: string) => name.replace(/\.(xlsx|xlsm|xls|et|ett|csv)$/i, '');
/** A cell holds at most 32,767 characters: the scan assignments are stored in lines of this length. */
const LINE_CHARS = 30_000;

export function createWpsHost(wps: Wps): WorkbookHost {
  const app = (): EtApplication => wps.EtApplication();
  const workbook = (): EtWorkbook => {
    const wb = app().ActiveWorkbook;
    if (!wb) throw new Error('WPS 中没有打开的工作簿:请先打开学生基本信息修改情况统计表。');
    return wb;
  };
  /** The problems now marked, and those cleared by saveWorkbook to be marked again once the file is taken. */
  let marked: Problem[] = [];
  let remark: Problem[] = [];

  /** Runs ET work with screen updating off (each change would otherwise repaint the sheet). */
  const quietly = <T>(work: (a: EtApplication, wb: EtWorkbook) => T): T => {
    const a = app();
    const wb = workbook();
    const before = a.ScreenUpdating;
    a.ScreenUpdating = false;
    try {
      return work(a, wb);
    } finally {
      a.ScreenUpdating = before;
    }
  };

  const mark = (problems: Problem[]) => {
    quietly((a, wb) => markProblems(a, wb, problems));
    marked = problems;
  };

  return {
    kind: 'wps',
    capabilities: { marks: true, fixes: true, select: true, template: true, saveBeside: true },

    async workbookName() {
      return stripExtension(workbook().Name || '工作簿');
    },

    async readWorkbook(onProgress) {
      const wb = workbook();
      return { name: stripExtension(wb.Name || '工作簿'), sheets: await readSheets(wb, onProgress) };
    },

    async markProblems(problems) {
      mark(problems);
    },

    async clearMarks() {
      quietly((a, wb) => clearMarks(a, wb));
      marked = [];
    },

    async selectCell(sheetName, address) {
      const sheet = findSheet(workbook(), sheetName);
      if (!sheet) throw new Error(`找不到工作表“${sheetName}”,它可能已被改名或删除,请重新校验。`);
      if (sheet.Visible !== -1) throw new Error(`工作表“${sheetName}”已隐藏:请先取消隐藏,再定位单元格 ${address}。`);
      sheet.Activate();
      sheet.Range(address).Select();
    },

    async applyFix(fix): Promise<FixOutcome> {
      quietly((a, wb) => {
        // The marks would not move with the rows; the pane validates (and marks) again after a fix.
        if (fix.kind === 'sort-rows') clearMarks(a, wb);
        applyFixIn(wb, fix);
      });
      if (fix.kind === 'sort-rows') marked = [];
      // Changes made through the JS API are not one documented undo step in WPS: the pane says so.
      return { undoable: false };
    },

    async insertTemplate(policy, mode) {
      return quietly((a, wb) => insertTemplateIn(a, wb, policy, mode));
    },

    async getWorkbookFile(): Promise<WorkbookFile> {
      const wb = workbook();
      if (!wb.Path) throw new WorkbookNotSavedError('这个工作簿还没有保存成文件:请先用“文件 › 另存为”保存为 Excel 工作簿(*.xlsx),再导出材料包。', false);
      if (!/\.xlsx$/i.test(wb.Name))
        throw new WorkbookNotSavedError(`“${wb.Name}”不是 .xlsx 工作簿,接收方需要 .xlsx:请用“文件 › 另存为”保存为 Excel 工作簿(*.xlsx),打开它后再导出。`, false);
      if (hasMarks(wb))
        throw new WorkbookNotSavedError('工作簿中有校验标记,磁盘上的文件可能带着标记或不是最新内容。点击“保存并导出”:先清除标记并保存工作簿,导出后再标出问题。', true);
      if (!wb.Saved) throw new WorkbookNotSavedError('工作簿有未保存的修改,材料包里要放已保存的文件。点击“保存并导出”:先保存工作簿再导出。', true);
      try {
        return { bytes: readFileBytes(wps.FileSystem, wb.FullName), source: 'saved-file' };
      } finally {
        if (remark.length) {
          const again = remark;
          remark = [];
          mark(again);
        }
      }
    },

    async saveWorkbook() {
      const again = marked;
      quietly((a, wb) => clearMarks(a, wb));
      marked = [];
      try {
        workbook().Save();
        remark = again;
      } catch (e) {
        if (again.length) mark(again);
        throw new Error(`保存工作簿失败:${(e as Error).message}`);
      }
    },

    async savePackage(blob, fileName): Promise<SavedPackage> {
      const folder = workbook().Path;
      const path = writeNewFile(wps.FileSystem, folder, fileName, new Uint8Array(await blob.arrayBuffer()));
      return { path, folder, renamed: path !== joinPath(folder, fileName) };
    },

    async openFolder(folder) {
      // window.open is blocked inside WPS's pane; the workbook's FollowHyperlink opens a folder in the file manager.
      workbook().FollowHyperlink(folder);
    },

    async scanFoldersBeside() {
      return scanFoldersBeside(wps.FileSystem, workbook().Path);
    },

    async readScanFolder(folder) {
      return readScanFolder(wps.FileSystem, folder);
    },

    async loadLinkState() {
      const text = readLines(workbook(), LINKS_SHEET).join('');
      return text ? JSON.parse(text) : null;
    },

    async saveLinkState(state) {
      const text = JSON.stringify(state);
      const lines: string[] = [];
      for (let i = 0; i < text.length; i += LINE_CHARS) lines.push(text.slice(i, i + LINE_CHARS));
      quietly((_, wb) => writeLines(wb, LINKS_SHEET, lines));
    },
  };
}
