/**
 * Footer lines below the data. The seed requires the 分部学籍主管处长 and the 经手人 to sign the statistics table
 * and the 公章 on it, so real tables end with signature, seal and date lines, often after 注 lines, a 合计 line
 * or 以下空白. Such a line ends the data and no rule reads it.
 *
 * A line is a footer when one of its cells, in any column, reads like one (the policy's `endMarker`, tested on the
 * cell text with spaces removed and full-width forms folded) and the row carries nothing of a student's row: no
 * key (12 digits or more) that is not itself footer text, no recognised 更正内容 or 更正原因. So a data row whose 备注 reads "已审核"
 * or "经手人:王老师" stays a data row. The default marker is `DEFAULT_END_MARKER` in policy.ts.
 */
import { type Cell, isEmptyCell, rowCells } from './grid';
import type { Policy } from './policy';
import { type PolicyPattern, policyPattern } from './safe-regex';
import { type DataRow, cellText } from './table';

const compiled = new WeakMap<Policy, PolicyPattern>();

function marker(policy: Policy): PolicyPattern {
  let re = compiled.get(policy);
  if (!re) {
    re = policyPattern(policy.endMarker);
    compiled.set(policy, re);
  }
  return re;
}

/** A cell's displayed text as the marker reads it: full-width forms folded (：→:, （→(), every space removed. */
function markerText(cell: Cell): string {
  return cell.text.normalize('NFKC').replace(/\s+/g, '');
}

/** The cell reads like a footer cell (a 注 line, a signature, a seal, a date line, 合计, 以下空白). */
export function isFooterCell(cell: Cell | undefined, policy: Policy): boolean {
  return !isEmptyCell(cell) && marker(policy).test(markerText(cell!));
}

/**
 * The row is a footer line: some cell of the whole sheet row (`sheetCells`, any column) reads like a footer and
 * the cells read for the table (`row`) hold nothing of a student's row.
 */
export function isFooterRow(sheetCells: (Cell | undefined)[], row: DataRow, keyField: 'studentId' | 'regNo', policy: Policy): boolean {
  // The cheap tests first: most rows are students'. A key has 13 or 18 digits (a mistyped one still has 12 or
  // more); a phone number, a date or a 合计 count in the key column has fewer, a signature name none.
  const key = cellText(row.cells[keyField]);
  if (/^\d{12,}$/.test(key)) return false;
  if (key.normalize('NFKC').replace(/\D/g, '').length >= 12 && !isFooterCell(row.cells[keyField], policy)) return false;
  if (row.changeField !== null || row.reason !== null) return false;
  return rowCells(sheetCells).some((c) => isFooterCell(c, policy));
}
