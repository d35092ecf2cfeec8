/** Where a problem is, as the registrar finds it: `工作表!单元格`, the sheet, or the scan's path. */
import type { Problem } from '../rules/problem';

export function problemPlace(p: Pick<Problem, 'sheet' | 'cell' | 'file'>): string {
  if (p.sheet && p.cell) return `${p.sheet}!${p.cell}`;
  if (p.file) return p.file;
  return p.sheet ?? '工作簿';
}
