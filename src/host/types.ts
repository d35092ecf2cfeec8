/**
 * What the task pane needs from where the workbook lives. Two implementations: Excel (office-js, marks in
 * place) and a plain browser page with an .xlsx file opened by the user (no marks, no in-place fixes).
 */
import type { WorkbookGrid } from '../rules/grid';
import type { Fix, Problem } from '../rules/problem';
import type { Policy } from '../rules/policy';

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
  /** 'office-file': the registrar's own file from Office; 'rebuilt': a clean copy of the table sheets built from the grid. */
  source: 'office-file' | 'rebuilt' | 'opened-file';
}

export interface WorkbookHost {
  kind: 'excel' | 'file';
  /** Features this host has; the pane hides or explains what is missing. */
  capabilities: { marks: boolean; fixes: boolean; select: boolean; template: boolean };
  /** Workbook file name without extension (used for `{name}_材料包.zip`). */
  workbookName(): Promise<string>;
  readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookGrid>;
  /** Replaces any previous marks with marks for these problems; the user's formatting stays recoverable. */
  markProblems(problems: Problem[]): Promise<void>;
  /** Restores every marked cell's fill, font and borders to what they were. */
  clearMarks(): Promise<void>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, address: string): Promise<void>;
  applyFix(fix: Fix): Promise<FixOutcome>;
  /** Several fixes as one change (one undo step where the host can merge them); hosts without it get them one by one. */
  applyFixes?(fixes: Fix[]): Promise<FixOutcome>;
  insertTemplate(policy: Policy): Promise<void>;
  /** The workbook to put in the package, without marks. */
  getWorkbookFile(grid: WorkbookGrid): Promise<WorkbookFile>;
  /** The registrar's saved scan assignments for this workbook (plain JSON, see src/scan/link-state.ts), or null. */
  loadLinkState(): Promise<unknown>;
  saveLinkState(state: unknown): Promise<void>;
}
