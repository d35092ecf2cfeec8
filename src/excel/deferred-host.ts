/**
 * The Excel host as the pane gets it at once: it paints before the host's chunk (host.ts, with the readers, zod and
 * the policy) has arrived, and each call waits for it. The chunk loads at the first call, or earlier when the entry
 * fetches it once the first paint is done (src/taskpane/index.tsx).
 */
import type { WorkbookHost } from '../host/types';
import type { ExcelHost } from './host';
import { excelCapabilities, workbookLocation } from './host-facts';

export function deferredExcelHost(load: () => Promise<ExcelHost> = () => import('./host').then((m) => m.createExcelHost())): WorkbookHost {
  let loaded: Promise<ExcelHost> | null = null;
  const real = () => (loaded ??= load());
  return {
    kind: 'excel',
    capabilities: excelCapabilities(),
    workbookLocation,
    workbookName: () => real().then((h) => h.workbookName()),
    readWorkbook: (onProgress) => real().then((h) => h.readWorkbook(onProgress)),
    markProblems: (problems) => real().then((h) => h.markProblems(problems)),
    clearMarks: () => real().then((h) => h.clearMarks()),
    selectCell: (sheet, address) => real().then((h) => h.selectCell(sheet, address)),
    applyFix: (fix) => real().then((h) => h.applyFix(fix)),
    applyFixes: (fixes) => real().then((h) => h.applyFixes(fixes)),
    insertTemplate: (policy, mode) => real().then((h) => h.insertTemplate(policy, mode)),
    getWorkbookFile: (grid) => real().then((h) => h.getWorkbookFile(grid)),
    loadLinkState: () => real().then((h) => h.loadLinkState()),
    saveLinkState: (state) => real().then((h) => h.saveLinkState(state)),
  };
}
