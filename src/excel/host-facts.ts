/**
 * What the pane knows of the Excel host before the host's own chunk (host.ts, with the readers, zod and the policy)
 * has loaded: its capabilities (from the requirement sets) and where the workbook lives.
 */
import type { WorkbookHost } from '../host/types';
import { supports } from './requirements';

export function excelCapabilities(): WorkbookHost['capabilities'] {
  // Marks need ExcelApi 1.9 to restore what they cover (marks.ts); below it the pane lists the problems only.
  return { marks: supports('fillDetail'), fixes: true, select: true, template: supports('template') };
}

/** Office.context.document.url, or null where Office does not say. */
export function workbookLocation(): string | null {
  return typeof Office !== 'undefined' ? Office.context?.document?.url || null : null;
}
