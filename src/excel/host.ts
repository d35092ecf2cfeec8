/**
 * The workbook host inside Excel (office-js): reads the sheets, marks problems in place, selects cells, applies
 * fixes, inserts the template and hands over the workbook file for the package.
 *
 * The exported file must not carry our marks: getWorkbookFile clears them, takes the file, looks inside it for any
 * mark left (Excel on the web hands over the copy in storage, which can lag behind), retries, and marks the same
 * problems again, so the registrar's workbook goes into the package exactly as it would without the add-in.
 * A sort fix clears the marks first (they would not move with the rows); the pane validates again after a fix.
 * Every batch goes through runExcel (run.ts): it waits while a cell is being edited and explains Excel's errors.
 */
import type { FixOutcome, WorkbookFile, WorkbookHost } from '../host/types';
import type { WorkbookGrid } from '../rules/grid';
import type { Fix, Problem } from '../rules/problem';
import { applyFixIn, applyFixesIn } from './fixes';
import { insertTemplateIn } from './insert-template';
import { clearMarks, markProblems } from './marks';
import { findMarksInFile } from './file-marks';
import { excelCapabilities, workbookLocation } from './host-facts';
import { readOfficeFile } from './office-file';
import { readWorkbookGrid } from './read-workbook';
import { assertExcelSupported, assertFeature, supports } from './requirements';
import { runExcel } from './run';

/** The document setting that holds the scan assignments: saved inside the workbook, so they come back with it. */
const LINK_STATE_SETTING = 'xjLinkState';

const stripExtension = (name: string) => name.replace(/\.(xlsx|xlsm|xlsb|xls|csv)$/i, '');

/** Waits before each retry when the file from storage still carries marks (Excel on the web saves in the background). */
const STORAGE_RETRY_MS = [1_000, 2_000, 4_000];

/** Office handed over a file that must not go into the package (marked or unreadable). */
class FileRefused extends Error {}

const platformOf = (): string | null => (typeof Office !== 'undefined' && Office.context?.platform ? String(Office.context.platform) : null);

/** The Excel host always merges several fixes into one change (applyFixes). */
export type ExcelHost = WorkbookHost & Pick<Required<WorkbookHost>, 'applyFixes'>;

export function createExcelHost(options: { storageRetryMs?: number[] } = {}): ExcelHost {
  /** The problems now marked, to mark again after the file was taken for export. */
  let marked: Problem[] = [];
  const platform = platformOf();
  const onWeb = platform === 'OfficeOnline';

  const clear = () => runExcel((context) => clearMarks(context, supports('notes')));
  const mark = (problems: Problem[]) => runExcel((context) => markProblems(context, problems, supports('notes')));

  /** The workbook file without marks, or an error that says what to do; never a marked file. */
  async function cleanOfficeFile(): Promise<WorkbookFile> {
    // On the web, push the cleared workbook to storage before asking for its file (Workbook.save, ExcelApi 1.11).
    if (onWeb) await runExcel(async (context) => {
      context.workbook.save(Excel.SaveBehavior.save);
      await context.sync();
    }).catch(() => undefined);
    const delays = options.storageRetryMs ?? STORAGE_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      const bytes = await readOfficeFile();
      const found = await findMarksInFile(bytes);
      if (found === 'clean') return { bytes, source: 'office-file', lastSaved: onWeb };
      if (found === 'unreadable') throw new FileRefused('Office 交回的工作簿文件无法读取(不是有效的 .xlsx):请保存工作簿后重新导出。');
      if (attempt >= delays.length)
        throw new FileRefused('Office 交回的工作簿文件仍带有校验时加上的标记(网页版 Excel 交出的是最近一次保存的版本),不能放进材料包:请先点“清除标记”,按 Ctrl+S 保存工作簿,稍等片刻再导出。');
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }

  return {
    kind: 'excel',
    capabilities: excelCapabilities(),
    workbookLocation,

    async workbookName() {
      return runExcel(async (context) => {
        const workbook = context.workbook.load('name');
        await context.sync();
        return stripExtension(workbook.name || '工作簿');
      });
    },

    async readWorkbook(onProgress) {
      assertExcelSupported();
      return runExcel(async (context): Promise<WorkbookGrid> => {
        const workbook = context.workbook.load('name');
        const sheets = await readWorkbookGrid(context, { merges: supports('mergedAreas'), onProgress });
        return { name: stripExtension(workbook.name || '工作簿'), sheets };
      });
    },

    async markProblems(problems) {
      await mark(problems);
      marked = problems;
    },

    async clearMarks() {
      await clear();
      marked = [];
    },

    async selectCell(sheet, address) {
      await runExcel(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(address).select();
        try {
          await context.sync();
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === 'ItemNotFound') throw new Error(`找不到工作表“${sheet}”,它可能已被改名或删除,请重新校验。`);
          throw new Error(`无法选中“${sheet}”的单元格 ${address}(工作表可能已隐藏):${(e as Error).message}`);
        }
      });
    },

    async applyFix(fix: Fix): Promise<FixOutcome> {
      if (fix.kind === 'sort-rows') {
        await clear();
        marked = [];
      }
      await runExcel((context) => applyFixIn(context, fix), { undoGroup: true });
      return { undoable: supports('undoGroup') };
    },

    async applyFixes(fixes: Fix[]): Promise<FixOutcome> {
      if (fixes.some((f) => f.kind === 'sort-rows')) {
        await clear();
        marked = [];
      }
      await runExcel((context) => applyFixesIn(context, fixes), { undoGroup: true });
      return { undoable: supports('undoGroup') };
    },

    async insertTemplate(policy, mode) {
      assertExcelSupported();
      assertFeature('template');
      return runExcel((context) => insertTemplateIn(context, policy, mode));
    },

    async getWorkbookFile(grid): Promise<WorkbookFile> {
      // getFileAsync(Compressed) needs CompressedFile, not File (File 1.1 alone may offer only PDF or text).
      if (supports('compressedFile')) {
        const again = marked;
        try {
          await clear();
          return await cleanOfficeFile();
        } catch (e) {
          // A file with marks, or one Office handed over unreadable, is never packaged: say what to do.
          if (e instanceof FileRefused) throw e;
          // getFileAsync itself failed (too large, not allowed here): fall back to the rebuilt copy below.
        } finally {
          if (again.length) await mark(again);
        }
      }
      const { rebuildWorkbook } = await import('./rebuild-workbook');
      return { bytes: await rebuildWorkbook(grid), source: 'rebuilt' };
    },

    async loadLinkState() {
      return Office.context.document.settings?.get(LINK_STATE_SETTING) ?? null;
    },

    async saveLinkState(state) {
      const settings = Office.context.document.settings;
      if (!settings) return;
      settings.set(LINK_STATE_SETTING, state);
      await new Promise<void>((resolve, reject) =>
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(`无法在工作簿中保存扫描件的对应关系:${r.error?.message ?? ''}`)))),
      );
    },
  };
}
