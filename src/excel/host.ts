/**
 * The workbook host inside Excel (office-js): reads the sheets, marks problems in place, selects cells, applies
 * fixes, inserts the template and hands over the workbook file for the package.
 *
 * The exported file must not carry our marks: getWorkbookFile clears them, takes the file, and marks the same
 * problems again, so the registrar's workbook goes into the package exactly as it would without the add-in.
 * A sort fix clears the marks first (they would not move with the rows); the pane validates again after a fix.
 */
import type { FixOutcome, WorkbookFile, WorkbookHost } from '../host/types';
import type { WorkbookGrid } from '../rules/grid';
import type { Fix, Problem } from '../rules/problem';
import { applyFixIn, applyFixesIn } from './fixes';
import { insertTemplateIn } from './insert-template';
import { clearMarks, markProblems } from './marks';
import { readOfficeFile } from './office-file';
import { readWorkbookGrid } from './read-workbook';
import { assertExcelSupported, supports } from './requirements';

/** The document setting that holds the scan assignments: saved inside the workbook, so they come back with it. */
const LINK_STATE_SETTING = 'xjLinkState';

const stripExtension = (name: string) => name.replace(/\.(xlsx|xlsm|xlsb|xls|csv)$/i, '');

export function createExcelHost(): WorkbookHost {
  /** The problems now marked, to mark again after the file was taken for export. */
  let marked: Problem[] = [];

  const clear = () => Excel.run((context) => clearMarks(context, supports('notes')));
  const mark = (problems: Problem[]) => Excel.run((context) => markProblems(context, problems, supports('notes')));

  return {
    kind: 'excel',
    capabilities: { marks: true, fixes: true, select: true, template: true },

    async workbookName() {
      return Excel.run(async (context) => {
        const workbook = context.workbook.load('name');
        await context.sync();
        return stripExtension(workbook.name || '工作簿');
      });
    },

    async readWorkbook(onProgress) {
      assertExcelSupported();
      return Excel.run(async (context): Promise<WorkbookGrid> => {
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
      await Excel.run(async (context) => {
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
      const undoable = supports('undoGroup');
      const batch = (context: Excel.RequestContext) => applyFixIn(context, fix);
      await (undoable ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch));
      return { undoable };
    },

    async applyFixes(fixes: Fix[]): Promise<FixOutcome> {
      if (fixes.some((f) => f.kind === 'sort-rows')) {
        await clear();
        marked = [];
      }
      const undoable = supports('undoGroup');
      const batch = (context: Excel.RequestContext) => applyFixesIn(context, fixes);
      await (undoable ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch));
      return { undoable };
    },

    async insertTemplate(policy) {
      assertExcelSupported();
      await Excel.run((context) => insertTemplateIn(context, policy));
    },

    async getWorkbookFile(grid): Promise<WorkbookFile> {
      if (supports('file')) {
        const again = marked;
        try {
          await clear();
          return { bytes: await readOfficeFile(), source: 'office-file' };
        } catch {
          // Fall back to the rebuilt copy below.
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
