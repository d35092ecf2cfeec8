/** Students: the rows of one table grouped by key (a student with two corrections has two rows). */
import type { EvidenceKind, Policy, TableKind } from './policy';
import { rowText } from './rows';
import type { DataRow, Table } from './table';
import { requiredEvidence } from './evidence/requirement';

export interface Student {
  /**
   * The student's reference across the workbook, `${sheet}#${key}` (the key is the 学号, or the 注册证号 for
   * graduates); not to be confused with the 学号 field, `studentId`.
   */
  ref: string;
  sheet: string;
  kind: TableKind | null;
  key: string;
  /** The first non-empty 姓名 of the student's rows. */
  name: string;
  rows: DataRow[];
  /** `{key}{name}` as the package folder is named (folder-name-invalid checks it can be used). */
  folder: string;
  /** Groups of alternatives: one scan of each group is needed. */
  required: EvidenceKind[][];
}

export function studentRef(sheet: string, key: string): string {
  return `${sheet}#${key}`;
}

/** The reference of the student a data row belongs to, or null when the row has no key. */
export function rowStudentRef(table: Table, row: DataRow): string | null {
  const key = rowText(row, table.keyField);
  return key ? studentRef(table.sheet, key) : null;
}

export function groupStudents(table: Table, policy: Policy): Student[] {
  const byKey = new Map<string, DataRow[]>();
  for (const row of table.rows) {
    const key = rowText(row, table.keyField);
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const students: Student[] = [];
  for (const [key, rows] of byKey) {
    let name = '';
    for (let i = 0; i < rows.length && !name; i++) name = rowText(rows[i], 'name');
    students.push({
      ref: studentRef(table.sheet, key),
      sheet: table.sheet,
      kind: table.kind,
      key,
      name,
      rows,
      folder: `${key}${name}`,
      required: requiredEvidence(rows, table.kind, policy),
    });
  }
  return students;
}
