/**
 * The engine: reads the tables and students of a workbook grid once, links the scans to those students, runs every
 * rule and collects the problems. `validate` is the whole flow (the pane and the CLI); `validateWorkbook` is the same
 * with the scans already linked (tests and benchmarks).
 */
import { type WorkbookGrid, parseAddress } from './grid';
import { DEFAULT_POLICY, type Policy, type TableKind } from './policy';
import { type Problem, type Severity, compareProblems, formatMessage } from './problem';
import type { ReportInput, RuleContext, RuleModule, Where } from './rule';
import { ALL_RULES } from './checks';
import { type ScanSet, linkedScans } from './scans';
import { type Student, groupStudents, rowStudentRef } from './students';
import { type SheetReading, type Table, fieldAddress, readSheet } from './table';

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

/** Links scans to the students read from the workbook; undefined while there are none to link (the evidence rules say so). */
export type LinkScans = (students: Student[]) => ScanSet | undefined | Promise<ScanSet | undefined>;

export interface ValidationResult {
  asOf: string;
  policy: Policy;
  tables: Table[];
  students: Student[];
  /** The scans and links the rules saw. */
  scans?: ScanSet;
  problems: Problem[];
  counts: Record<Severity, number>;
  /** True when no problem is an error. */
  valid: boolean;
}

export interface WorkbookModel {
  readings: SheetReading[];
  tables: Table[];
  students: Student[];
}

export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The tables and students of a workbook, without running any rule. */
export function readWorkbookModel(grid: WorkbookGrid, policy: Policy = DEFAULT_POLICY, kindOverrides: Record<string, TableKind> = {}): WorkbookModel {
  const readings = grid.sheets.map((s) => readSheet(s, policy, kindOverrides[s.name]));
  const tables = readings.flatMap((r) => (r.table ? [r.table] : []));
  return { readings, tables, students: tables.flatMap((t) => groupStudents(t, policy)) };
}

/** The whole flow: reads the model once, links the scans to its students with `link`, runs the rules. */
export async function validate(grid: WorkbookGrid, options: Omit<ValidateOptions, 'scans'> & { link?: LinkScans } = {}): Promise<ValidationResult> {
  const model = readWorkbookModel(grid, options.policy, options.kindOverrides);
  return runRules(grid, model, { ...options, scans: await options.link?.(model.students) });
}

/** Validation with the scans, if any, already linked. */
export function validateWorkbook(grid: WorkbookGrid, options: ValidateOptions = {}): ValidationResult {
  return runRules(grid, readWorkbookModel(grid, options.policy, options.kindOverrides), options);
}

type Place = Pick<Problem, 'sheet' | 'cell' | 'file' | 'row' | 'studentRef'>;

function placeOf(at: Where | undefined): Place {
  const none: Place = { sheet: null, cell: null, file: null, row: null, studentRef: null };
  if (!at) return none;
  if ('table' in at) {
    const cell = 'field' in at ? fieldAddress(at.table, at.field, at.row.row) : at.cell.address;
    return { ...none, sheet: at.table.sheet, cell, row: at.row.row, studentRef: rowStudentRef(at.table, at.row) };
  }
  if ('file' in at) return { ...none, file: at.file, studentRef: at.studentRef ?? null };
  const cell = at.cell ?? null;
  return { ...none, sheet: at.sheet, cell, row: at.row ?? (cell ? parseAddress(cell).row : null) };
}

function fixOf(rule: RuleModule, fix: ReportInput['fix'], place: Place): Problem['fix'] {
  if (!fix) return undefined;
  if (!rule.meta.fixable) throw new Error(`rule ${rule.meta.id} offers a fix but its meta does not say fixable`);
  if ('kind' in fix) return fix;
  if (!place.sheet || !place.cell) throw new Error(`rule ${rule.meta.id} offers a text fix for a problem without a cell`);
  return { kind: 'set-text', sheet: place.sheet, cell: place.cell, value: fix.value, label: fix.label };
}

function runRules(grid: WorkbookGrid, model: WorkbookModel, options: ValidateOptions): ValidationResult {
  const policy = options.policy ?? DEFAULT_POLICY;
  const asOf = options.asOf ?? todayIso();
  const { readings, tables, students } = model;
  const tableBySheet = new Map(tables.map((t) => [t.sheet, t]));
  const dataRows = tables.flatMap((table) => table.rows.map((row) => ({ table, row })));
  const linked = options.scans ? linkedScans(options.scans) : [];
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
      dataRows,
      scans: options.scans,
      linkedScans: linked,
      tableOf: (student) => tableBySheet.get(student.sheet)!,
      report(input) {
        const template = rule.meta.messages[input.messageId];
        if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message ${input.messageId}`);
        const params = input.params ?? {};
        const place = placeOf(input.at);
        const fix = fixOf(rule, input.fix, place);
        const severity = override ?? input.severity ?? rule.meta.severity;
        const ground = severity === 'error' ? undefined : rule.meta.specialCases?.[input.messageId];
        problems.push({
          rule: rule.meta.id,
          severity,
          ...place,
          messageId: input.messageId,
          params,
          message: formatMessage(template, params),
          ...(fix ? { fix } : {}),
          ...(ground !== undefined ? { specialCase: formatMessage(ground, params) } : {}),
        });
      },
    };
    rule.check(ctx);
  }

  problems.sort(compareProblems(grid.sheets.map((s) => s.name)));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return { asOf, policy, tables, students, scans: options.scans, problems, counts, valid: counts.error === 0 };
}
