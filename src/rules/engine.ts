/** Runs every rule over a workbook grid and collects the problems: the one entry point of the engine. */
import type { WorkbookGrid } from './grid';
import { DEFAULT_POLICY, type Policy, type TableKind } from './policy';
import { type Problem, type Severity, compareProblems, formatMessage } from './problem';
import type { RuleContext, RuleModule } from './rule';
import { ALL_RULES } from './checks';
import type { ScanSet } from './scans';
import { type Student, groupStudents } from './students';
import { type SheetReading, type Table, readSheet } from './table';

export interface ValidateOptions {
  policy?: Policy;
  /** "YYYY-MM-DD"; defaults to today (local time). */
  asOf?: string;
  /** Table kinds set by the user for sheets whose kind cannot be told. */
  kindOverrides?: Record<string, TableKind>;
  scans?: ScanSet;
  /** Rules to run instead of all of them (tests run one rule at a time). */
  rules?: RuleModule[];
}

export interface ValidationResult {
  asOf: string;
  policy: Policy;
  tables: Table[];
  students: Student[];
  problems: Problem[];
  counts: Record<Severity, number>;
  /** True when no problem is an error. */
  valid: boolean;
}

export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The tables and students of a workbook, without running any rule (what linking scans to students needs first). */
export function readWorkbookModel(
  grid: WorkbookGrid,
  policy: Policy = DEFAULT_POLICY,
  kindOverrides: Record<string, TableKind> = {},
): { readings: SheetReading[]; tables: Table[]; students: Student[] } {
  const readings = grid.sheets.map((s) => readSheet(s, policy, kindOverrides[s.name]));
  const tables = readings.flatMap((r) => (r.table ? [r.table] : []));
  return { readings, tables, students: tables.flatMap((t) => groupStudents(t, policy)) };
}

export function validateWorkbook(grid: WorkbookGrid, options: ValidateOptions = {}): ValidationResult {
  const policy = options.policy ?? DEFAULT_POLICY;
  const asOf = options.asOf ?? todayIso();
  const { readings, tables, students } = readWorkbookModel(grid, policy, options.kindOverrides);
  const problems: Problem[] = [];

  for (const rule of options.rules ?? ALL_RULES) {
    const override = policy.severities[rule.meta.id];
    if (override === 'off') continue;
    const ctx: RuleContext = {
      policy,
      asOf,
      grid,
      readings,
      tables,
      students,
      scans: options.scans,
      report(input) {
        const template = rule.meta.messages[input.messageId];
        if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message ${input.messageId}`);
        const params = input.params ?? {};
        problems.push({
          rule: rule.meta.id,
          severity: override ?? input.severity ?? rule.meta.severity,
          sheet: input.sheet ?? null,
          cell: input.cell ?? null,
          file: input.file ?? null,
          row: input.row ?? null,
          student: input.student ?? null,
          messageId: input.messageId,
          params,
          message: formatMessage(template, params),
          ...(input.fix ? { fix: input.fix } : {}),
        });
      },
    };
    rule.check(ctx);
  }

  problems.sort(compareProblems(grid.sheets.map((s) => s.name)));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return { asOf, policy, tables, students, problems, counts, valid: counts.error === 0 };
}
