/** Problems and fixes: the typed, placed and explained output of every rule (the JSON report's `problems`). */

export type Severity = 'error' | 'warning' | 'info';

/** How a severity is named to the registrar, in the pane and in the reports. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Every rule id of the SPEC. The JSON report and the policy's severity overrides use exactly these. */
export const RULE_IDS = [
  // table level
  'sheet-kind-unknown',
  'header-not-found',
  'sheet-skipped',
  'column-missing',
  'column-recommended',
  'column-duplicate',
  'sort-order',
  'duplicate-row',
  'key-name-conflict',
  'blank-row',
  // cell level
  'cell-required',
  'key-format',
  'stored-as-number',
  'change-field-invalid',
  'change-reason-invalid',
  'value-unchanged',
  'new-value-invalid',
  'name-format',
  'character-width',
  'double-change',
  'gender-id-mismatch',
  'whitespace',
  'folder-name-invalid',
  // eligibility
  'late-entry-error',
  'graduate-change-rejected',
  'graduate-late',
  'change-not-timely',
  // evidence
  'evidence-missing',
  'evidence-unexpected',
  'evidence-unmatched',
  'evidence-not-checked',
  'evidence-name-only',
  // scans
  'scan-format',
  'scan-corrupt',
  'scan-too-large',
  'scan-low-resolution',
  'scan-density-tag',
  'scan-phone-photo',
  'scan-screenshot',
  'scan-id-single-side',
  'scan-duplicate',
  'scan-not-original',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * A machine-readable repair: the Excel adapter applies it in the workbook, `applyFix` on a grid. Values never change without one.
 * - set-text: write `value` into the cell as text (store as text, upper-case x, add 族, trim).
 * - sort-rows: reorder the data rows `firstRow..lastRow` as whole rows; `order[i]` is the original row number
 *   that moves to row `firstRow + i`.
 */
export type Fix =
  | { kind: 'set-text'; sheet: string; cell: string; value: string; label: string }
  | { kind: 'sort-rows'; sheet: string; firstRow: number; lastRow: number; order: number[]; label: string };

export interface Problem {
  rule: RuleId;
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  file: string | null;
  /** 1-based row of the cell or of the whole row the problem is about, when it has one. */
  row: number | null;
  /** The student the problem belongs to (`Student.ref`), when it has one. */
  studentRef: string | null;
  messageId: string;
  params: Record<string, string | number>;
  message: string;
  fix?: Fix;
  /** The problem makes its row a 个例 (its rule's `meta.specialCases`): the ground, for the 主管校长's signed report. */
  specialCase?: string;
}

export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** What `localeCompare` without arguments uses, made once: sorting many problems compares often. */
const collator = new Intl.Collator();

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Report order: by sheet order as given, then row, then column, then severity. */
export function compareProblems(sheetOrder: string[]) {
  const idx = (s: string | null) => (s === null ? -1 : sheetOrder.indexOf(s));
  return (a: Problem, b: Problem): number =>
    idx(a.sheet) - idx(b.sheet) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.cell ?? '').length - (b.cell ?? '').length ||
    collator.compare(a.cell ?? '', b.cell ?? '') ||
    collator.compare(a.file ?? '', b.file ?? '') ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
