/**
 * What the task pane needs from where the workbook lives. Three implementations: Excel (office-js, marks in
 * place), WPS 表格 (src/wps: marks in place, the package written beside the workbook) and a plain browser page
 * with an .xlsx file opened by the user (no marks, no in-place fixes).
 */
import type { WorkbookGrid } from '../rules/grid';
import type { Fix, Problem } from '../rules/problem';
import type { TemplateMode, TemplateOutcome } from '../rules/template';
import type { Policy } from '../rules/policy';
import type { PickedFile } from '../scan/picked-files';

export interface Progress {
  /** Short Chinese description of the step, e.g. "读取工作表 在籍生 (第 5001–10000 行)". */
  step: string;
  done: number;
  total: number;
}

export interface FixOutcome {
  /** False when the host could not merge the change into one undo step (the pane then says Excel cannot undo it). */
  undoable: boolean;
}

export interface WorkbookFile {
  bytes: Uint8Array;
  /**
   * 'office-file': the registrar's own file from Office; 'rebuilt': a clean copy of the table sheets built from the
   * grid; 'saved-file': the workbook's file as saved on disk (WPS), checked to be the workbook as it is now.
   */
  source: 'office-file' | 'rebuilt' | 'opened-file' | 'saved-file';
  /** True when Office handed over the copy last saved to storage (Excel on the web): edits not yet saved are not in it. */
  lastSaved?: boolean;
}

/** Where a host that writes the package itself (WPS) put it. */
export interface SavedPackage {
  /** The full path of the written file. */
  path: string;
  folder: string;
  /** True when a package of the same name was already there and the new one got another name. */
  renamed: boolean;
}

/**
 * Thrown by getWorkbookFile when the file on disk is not the workbook as it is now (never saved, unsaved changes,
 * or saved with the add-in's marks): the pane says why and, when `canSave`, offers to save first.
 */
export class WorkbookNotSavedError extends Error {
  constructor(
    message: string,
    readonly canSave: boolean,
  ) {
    super(message);
  }
}

export interface WorkbookHost {
  kind: 'excel' | 'file' | 'wps';
  /**
   * Features this host has; the pane hides or explains what is missing. `saveBeside`: the host writes the package
   * next to the workbook itself (savePackage) and can show that folder (openFolder).
   */
  capabilities: { marks: boolean; fixes: boolean; select: boolean; template: boolean; saveBeside?: boolean };
  /** Where the open workbook lives (Office.context.document.url), to say where to put the package; null if unknown. */
  workbookLocation?(): string | null;
  /** Workbook file name without extension (used for `{name}_材料包.zip`). */
  workbookName(): Promise<string>;
  readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookGrid>;
  /** Replaces any previous marks with marks for these problems; the user's formatting stays recoverable. */
  markProblems(problems: Problem[]): Promise<void>;
  /** Restores every marked cell's fill and font to what they were (borders are not touched by marks). */
  clearMarks(): Promise<void>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, address: string): Promise<void>;
  applyFix(fix: Fix): Promise<FixOutcome>;
  /** Several fixes as one change (one undo step where the host can merge them); hosts without it get them one by one. */
  applyFixes?(fixes: Fix[]): Promise<FixOutcome>;
  /** 插入模板; in `ask` mode (the default) a workbook that has such sheets already gets nothing, and says which. */
  insertTemplate(policy: Policy, mode?: TemplateMode): Promise<TemplateOutcome>;
  /** The workbook to put in the package, without marks. */
  getWorkbookFile(grid: WorkbookGrid): Promise<WorkbookFile>;
  /** Saves the workbook without the add-in's marks (after a WorkbookNotSavedError with canSave). */
  saveWorkbook?(): Promise<void>;
  /** Writes the package beside the workbook (hosts with `saveBeside`). */
  savePackage?(blob: Blob, fileName: string): Promise<SavedPackage>;
  /** Opens the folder in the system's file manager. */
  openFolder?(folder: string): Promise<void>;
  /** Folders next to the workbook that hold scans (full paths), where the host can list folders (WPS). */
  scanFoldersBeside?(): Promise<string[]>;
  /** Reads such a folder's files as picked scans. */
  readScanFolder?(folder: string): Promise<PickedFile[]>;
  /** The registrar's saved scan assignments for this workbook (plain JSON, see src/scan/link-state.ts), or null. */
  loadLinkState(): Promise<unknown>;
  saveLinkState(state: unknown): Promise<void>;
}
