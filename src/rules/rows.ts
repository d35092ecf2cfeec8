/** Reading a data row's values the way every rule reads them. */
import type { Cell } from './grid';
import { CHANGE_FIELDS, type ChangeField, type Field, type Policy, REASONS, type Reason } from './policy';
import { type DataRow, type Table, cellText } from './table';

export function rowText(row: Pick<DataRow, 'cells'>, field: Field): string {
  return cellText(row.cells[field]);
}

/**
 * A field's cell in a row, unless it only carries a merged range's value: a rule that reports a cell's own content
 * or fixes it judges a merged range once, on its top-left cell.
 */
export function ownCell(table: Table, row: DataRow, field: Field): Cell | undefined {
  const cell = row.cells[field];
  return cell && (table.mergedCopies.size === 0 || !table.mergedCopies.has(cell.address)) ? cell : undefined;
}

/** Printable ASCII and CJK ideographs: NFKC leaves them as they are and none is a space (the common case, kept cheap). */
const ALREADY_NORMAL = /^[\x21-\x7e\u3400-\u4dbf\u4e00-\u9fff]*$/;

/** Text for comparisons: NFKC (full-width letters and digits to half-width) without any spaces or invisible format characters. */
export function normalizeValue(s: string): string {
  return ALREADY_NORMAL.test(s) ? s : s.normalize('NFKC').replace(/[\s\u3000\p{Cf}]+/gu, '');
}

/** The row's 更正内容 as one of the five fields, through the policy's aliases; null when not recognised (a data row holds it: `row.changeField`). */
export function changeFieldOf(row: Pick<DataRow, 'cells'>, policy: Policy): ChangeField | null {
  const v = normalizeValue(rowText(row, 'changeField'));
  if ((CHANGE_FIELDS as readonly string[]).includes(v)) return v as ChangeField;
  // Own keys only: a cell reading "constructor" is not an alias.
  return Object.hasOwn(policy.changeFieldAliases, v) ? policy.changeFieldAliases[v] : null;
}

/** The row's 更正原因, null when not recognised (a data row holds it: `row.reason`). */
export function reasonOf(row: Pick<DataRow, 'cells'>): Reason | null {
  const v = normalizeValue(rowText(row, 'reason'));
  return (REASONS as readonly string[]).includes(v) ? (v as Reason) : null;
}
