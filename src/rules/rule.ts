/**
 * The shape of a rule module, after ESLint's: `meta` holds the id, default severity and Chinese message
 * templates; `check` reads the validated workbook from the context and reports problems.
 */
import type { Fix, RuleId, Severity } from './problem';
import type { Policy } from './policy';
import type { ScanSet } from './scans';
import type { Student } from './students';
import type { SheetReading, Table } from './table';
import type { WorkbookGrid } from './grid';

export interface RuleMeta<M extends string = string> {
  id: RuleId;
  severity: Severity;
  /** One line in Chinese: what the rule checks. */
  description: string;
  /** Message templates by message id; `{name}` is replaced by the report's params. */
  messages: Record<M, string>;
  fixable?: boolean;
}

export interface ReportInput<M extends string = string> {
  messageId: M;
  params?: Record<string, string | number>;
  sheet?: string | null;
  cell?: string | null;
  file?: string | null;
  row?: number | null;
  student?: string | null;
  /** Overrides the rule's default severity for this problem (e.g. an error case of a mostly-warning rule). */
  severity?: Severity;
  fix?: Fix;
}

export interface RuleContext<M extends string = string> {
  policy: Policy;
  /** The as-of date, "YYYY-MM-DD". */
  asOf: string;
  grid: WorkbookGrid;
  readings: SheetReading[];
  tables: Table[];
  students: Student[];
  /** Scans and their links; undefined until scans are given (the evidence rules then say so). */
  scans?: ScanSet;
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
