/**
 * The 17th digit of a student's 身份证号 (odd 男, even 女) against the student's 性别, taking corrected values
 * over old ones: 身份证号 from the 更正后 of a 身份证号 row, else its 更正前, else a 身份证号 column; 性别 likewise.
 * Skipped when either is unknown or the 身份证号 is not valid (new-value-invalid reports that).
 */
import type { Cell } from '../grid';
import type { ChangeField, Field } from '../policy';
import { defineRule } from '../rule';
import { normalizeValue } from '../rows';
import type { Student } from '../students';
import { type DataRow, cellText } from '../table';
import { idSex, isValidIdNumber } from '../id-number';
import { digitsLost, genderOf } from '../values';

interface Source {
  cell: Cell;
  row: DataRow;
  value: string;
  /** True when the value is a 更正后 (what the student's record will become). */
  corrected: boolean;
}

/** The best-known value of a field: 更正后, then 更正前 of the field's correction row, then the field's own column. */
function sourceOf(student: Student, field: ChangeField, column: Field): Source | null {
  const row = student.rows.find((r) => r.changeField === field);
  const found = row && (source(row.cells.after, row, true) ?? source(row.cells.before, row, false));
  if (found) return found;
  for (const r of student.rows) {
    const own = source(r.cells[column], r, false);
    if (own) return own;
  }
  return null;
}

function source(cell: Cell | undefined, row: DataRow, corrected: boolean): Source | null {
  const value = normalizeValue(cellText(cell));
  return cell && value ? { cell, row, value, corrected } : null;
}

export default defineRule({
  meta: {
    id: 'gender-id-mismatch',
    severity: 'error',
    description: '身份证号第 17 位与性别不一致',
    messages: {
      mismatch: '身份证号“{id}”({idCell})第 17 位是{parity}数,应为{idSex}性,而性别填的是“{gender}”({genderCell}):请与身份证原件核对。',
    },
  },
  check(ctx) {
    const options = { asOf: ctx.asOf, regionPrefixes: ctx.policy.idRegionPrefixes, minBirthYear: ctx.policy.idMinBirthYear };
    for (const student of ctx.students) {
      const id = sourceOf(student, '身份证号', 'idNumber');
      const genderSource = sourceOf(student, '性别', 'gender');
      if (!id || !genderSource) continue;
      // An 18-digit number held as a number has lost its last digits, the sex digit among them.
      if (digitsLost(id.cell)) continue;
      const gender = genderOf(genderSource.value);
      if (!gender || !isValidIdNumber(id.value, options)) continue;
      const fromId = idSex(id.value);
      if (fromId === gender) continue;
      const at = genderSource.corrected ? genderSource : id;
      ctx.report({
        messageId: 'mismatch',
        params: {
          id: id.value,
          idCell: id.cell.address,
          parity: fromId === '男' ? '奇' : '偶',
          idSex: fromId,
          gender,
          genderCell: genderSource.cell.address,
        },
        at: { table: ctx.tableOf(student), row: at.row, cell: at.cell },
      });
    }
  },
});
