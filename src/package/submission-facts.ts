/**
 * The facts the paper side states, computed once for every document that states them (校验报告.txt and
 * 信息修改书面报告.docx print the same numbers): the counts of 信息变更 and 录入错误 per table and in total, and
 * the 个例 rows that need the 主管校长's signed report.
 */
import type { ValidationResult } from '../rules/engine';
import { REASONS, type Reason, type TableKind } from '../rules/policy';
import { reasonOf, rowText } from '../rules/rows';
import { rowStudentRef } from '../rules/students';

export interface ReasonTally {
  rows: number;
  students: number;
}

export interface TableCounts {
  sheet: string;
  kind: TableKind | null;
  /** 新生 / 在籍生 / 毕业生, or 未识别的表. */
  label: string;
  byReason: Record<Reason, ReasonTally>;
}

export interface ReasonCounts {
  tables: TableCounts[];
  total: Record<Reason, ReasonTally>;
}

type Tally = Record<Reason, { rows: number; students: Set<string | null> }>;

const newTally = (): Tally => ({ 信息变更: { rows: 0, students: new Set() }, 录入错误: { rows: 0, students: new Set() } });

const settle = (t: Tally): Record<Reason, ReasonTally> =>
  Object.fromEntries(REASONS.map((r) => [r, { rows: t[r].rows, students: t[r].students.size }])) as Record<Reason, ReasonTally>;

/** Rows and students per 更正原因, per table and in total (a row without a valid reason is not counted). */
export function reasonCounts(result: ValidationResult): ReasonCounts {
  const total = newTally();
  const tables = result.tables.map((table) => {
    const per = newTally();
    for (const row of table.rows) {
      const reason = reasonOf(row);
      if (!reason) continue;
      for (const tally of [per[reason], total[reason]]) {
        tally.rows++;
        tally.students.add(rowStudentRef(table, row));
      }
    }
    return { sheet: table.sheet, kind: table.kind, label: table.kind ? result.policy.kinds[table.kind].label : '未识别的表', byReason: settle(per) };
  });
  return { tables, total: settle(total) };
}

export interface SpecialCase {
  sheet: string | null;
  row: number | null;
  /** 新生 / 在籍生 / 毕业生 (empty when the table kind is unknown). */
  tableLabel: string;
  keyLabel: '学号' | '注册证号';
  key: string;
  name: string;
  /** 更正内容 and 更正原因 as written in the row. */
  changeField: string;
  reason: string;
  /** The messages of the rules that made the row a 个例 (why it is past its deadline). */
  messages: string[];
  /** The same reasons in a few words each, for the 主管校长's report. */
  grounds: string[];
}

/** One entry per 个例 row, in the order the rules reported them, with every reason that row has. */
export function specialCases(result: ValidationResult): SpecialCase[] {
  const students = new Map(result.students.map((s) => [s.ref, s]));
  const tables = new Map(result.tables.map((t) => [t.sheet, t]));
  // By sheet and row, so that listing every graduate row stays linear.
  const rowsOf = new Map(result.tables.map((t) => [t.sheet, new Map(t.rows.map((r) => [r.row, r]))]));
  const byRow = new Map<string, SpecialCase>();
  for (const p of result.problems) {
    const ground = p.specialCase;
    if (ground === undefined) continue;
    const id = `${p.sheet}#${p.row}`;
    const known = byRow.get(id);
    if (known) {
      known.messages.push(p.message);
      if (!known.grounds.includes(ground)) known.grounds.push(ground);
      continue;
    }
    const student = p.studentRef ? students.get(p.studentRef) : undefined;
    const table = p.sheet ? tables.get(p.sheet) : undefined;
    const row = p.row === null ? undefined : rowsOf.get(p.sheet ?? '')?.get(p.row);
    byRow.set(id, {
      sheet: p.sheet,
      row: p.row,
      tableLabel: table?.kind ? result.policy.kinds[table.kind].label : '',
      keyLabel: table?.keyField === 'regNo' ? '注册证号' : '学号',
      key: student?.key ?? '',
      name: student?.name ?? '',
      changeField: row ? rowText(row, 'changeField') : '',
      reason: row ? rowText(row, 'reason') : '',
      messages: [p.message],
      grounds: [ground],
    });
  }
  return [...byRow.values()];
}
