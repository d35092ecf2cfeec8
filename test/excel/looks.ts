/** What a sheet of the double looks like to the user: values, formats and notes, with Excel's defaults filled in. */
import type { Problem, Severity } from '../../src/rules/problem';
import type { StoredCopy } from '../excel-double/state';
import { DEFAULT_FILL, DEFAULT_FONT, keyCol, keyRow } from '../excel-double/state';
import { cellAddress } from '../../src/rules/grid';

export function looks(state: StoredCopy, sheetName: string) {
  const sheet = state.sheets.find((s) => s.name === sheetName)!;
  const cells: Record<string, unknown> = {};
  for (const [k, c] of sheet.cells) {
    const look = { value: c.value, numberFormat: c.numberFormat, fill: c.fill ?? DEFAULT_FILL, font: c.font ?? DEFAULT_FONT, borders: c.borders ?? {} };
    const plain = look.value === null && look.numberFormat === 'General' && look.fill === DEFAULT_FILL && JSON.stringify(look.font) === JSON.stringify(DEFAULT_FONT) && !c.borders;
    if (!plain) cells[cellAddress(keyRow(k) + 1, keyCol(k) + 1)] = look;
  }
  const notes = Object.fromEntries([...sheet.notes].map(([k, n]) => [cellAddress(keyRow(k) + 1, keyCol(k) + 1), n.content]));
  const comments = Object.fromEntries([...sheet.comments].map(([k, n]) => [cellAddress(keyRow(k) + 1, keyCol(k) + 1), n.content]));
  return JSON.parse(JSON.stringify({ cells, notes, comments }));
}

export function cellOf(state: StoredCopy, sheetName: string, address: string) {
  return looks(state, sheetName).cells[address] as { value: unknown; fill: { color: string; pattern: string }; font: { color: string } } | undefined;
}

export function problem(sheet: string, cell: string, severity: Severity, message: string): Problem {
  return { rule: 'cell-required', severity, sheet, cell, file: null, row: null, studentRef: null, messageId: 'm', params: {}, message };
}
