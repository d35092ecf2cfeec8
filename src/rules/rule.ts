/**
 * The shape of a rule module, after ESLint's: `meta` holds the id, default severity, Chinese message templates and
 * what the rule may do (fix, mark a 个例); `check` reads the validated workbook from the context and reports
 * problems, saying where (a row's field, a scan file) rather than spelling out sheet, cell, row and student.
 */
import type { Cell, WorkbookGrid } from './grid';
import type { Field, Policy } from './policy';
import type { Fix, RuleId, Severity } from './problem';
import type { EvidenceLink, ScanInfo, ScanSet } from './scans';
import type { Student } from './students';
import type { DataRow, SheetReading, Table } from './table';

export interface RuleMeta<M extends string = string> {
  id: RuleId;
  severity: Severity;
  /** One line in Chinese: what the rule checks. */
  description: string;
  /** Message templates by message id; `{name}` is replaced by the report's params. */
  messages: Record<M, string>;
  /** The rule offers fixes; `report` refuses a fix from a rule without it. */
  fixable?: boolean;
  /**
   * Messages whose problems make their row a 个例 (SPEC "Eligibility": a correction past its deadline, listed for
   * the 主管校长's signed report), each with the ground in a few words for that report (a template over the message's
   * params). The engine puts the ground on those problems as `specialCase` unless they are errors (an error cannot be
   * submitted at all); 校验报告.txt, the written report and the pane read it.
   */
  specialCases?: Partial<Record<NoInfer<M>, string>>;
}

/**
 * Where a problem is. A data row's field (its cell whether or not it holds anything; none when the column is
 * absent) or one of the row's cells: the sheet, the address, the row and the student follow from it. A scan file,
 * with the student it is linked to. A place on a sheet outside the data rows (a header, a blank row): the row
 * follows from the cell when not given.
 */
export type Where =
  | { table: Table; row: DataRow; field: Field }
  | { table: Table; row: DataRow; cell: Cell }
  | { file: string; studentRef?: string | null }
  | { sheet: string; cell?: string | null; row?: number | null };

/** The common repair: write `value` as text into the problem's own cell. */
export interface TextFix {
  value: string;
  label: string;
}

export interface ReportInput<M extends string = string> {
  messageId: M;
  params?: Record<string, string | number>;
  /** Absent for a problem of the whole workbook. */
  at?: Where;
  /** Overrides the rule's default severity for this problem (e.g. an error case of a mostly-warning rule). */
  severity?: Severity;
  /** Only from a rule whose meta says `fixable`. */
  fix?: TextFix | Fix;
}

export interface RuleContext<M extends string = string> {
  policy: Policy;
  /** The as-of date, "YYYY-MM-DD". */
  asOf: string;
  grid: WorkbookGrid;
  readings: SheetReading[];
  tables: Table[];
  students: Student[];
  /** Every data row of every table, with its table, in order. */
  dataRows: { table: Table; row: DataRow }[];
  /** Scans and their links; undefined until scans are given (the evidence rules then say so). */
  scans?: ScanSet;
  /** Each linked scan once, with its links (none until scans are given). */
  linkedScans: { info: ScanInfo; links: EvidenceLink[] }[];
  /** The table a student's rows are on. */
  tableOf(student: Student): Table;
  report(input: ReportInput<M>): void;
}

export interface RuleModule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
}

/** Typed helper so a module's message ids are checked against its templates. */
export function defineRule<M extends string>(rule: RuleModule<M>): RuleModule<M> {
  return rule;
}
