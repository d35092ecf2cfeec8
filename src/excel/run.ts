/**
 * The one way the adapter talks to Excel: every batch runs through `runExcel`, which asks Excel to wait while the
 * registrar is still typing in a cell (`delayForCellEdit`, ExcelApi 1.11; without it Excel fails the whole batch
 * with InvalidOperationInCellEditMode) and turns Excel's error codes into Chinese messages (errors.ts).
 */
import { toExcelError } from './errors';
import { supports } from './requirements';

export interface RunOptions {
  /** Merge every sync of the batch into one undo step (ExcelApi 1.20); ignored where Excel cannot. */
  undoGroup?: boolean;
}

export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  const runOptions: Excel.RunOptions = { delayForCellEdit: true };
  if (options.undoGroup && supports('undoGroup')) runOptions.mergeUndoGroup = true;
  try {
    return await Excel.run(runOptions, batch);
  } catch (e) {
    throw toExcelError(e);
  }
}
