/**
 * One validation of the grid in memory, with the picked scans linked to its students: what the worker runs (and the
 * pane's thread where no worker starts). At 1,000 students and 300 scans this is about half a second of work, which
 * must not freeze the pane.
 */
import { type ValidationResult, validate } from '../../rules/engine';
import type { WorkbookGrid } from '../../rules/grid';
import { DEFAULT_POLICY, type Policy, type TableKind } from '../../rules/policy';
import type { ScanInfo, ScanSet } from '../../rules/scans';
import type { Student } from '../../rules/students';
import { type ManualAssignment, buildScanSet } from '../../scan/link';
import { restoreLinkState } from '../../scan/link-state';

export interface EvaluateInput {
  grid: WorkbookGrid;
  /** null for the OUC defaults. */
  policy: Policy | null;
  asOf: string | null;
  kindOverrides: Record<string, TableKind>;
  scans: ScanInfo[];
  manual: ManualAssignment[];
  /** Assignments saved with the workbook, to restore onto these scans (the current `manual` wins); undefined: none to try. */
  saved?: unknown;
}

export interface EvaluateOutput {
  result: ValidationResult;
  scanSet: ScanSet | null;
  /** `manual` with the restored assignments added. */
  manual: ManualAssignment[];
  restored: number;
  /** Why the saved assignments could not be read, in Chinese. */
  restoreError?: string;
}

/** One engine call: the engine reads the students once and hands them to `link`, which restores and links the scans. */
export async function evaluate(input: EvaluateInput): Promise<EvaluateOutput> {
  const policy = input.policy ?? DEFAULT_POLICY;
  let manual = input.manual;
  let restored = 0;
  let restoreError: string | undefined;
  const link =
    input.scans.length === 0
      ? undefined
      : async (students: Student[]): Promise<ScanSet> => {
          if (input.saved) {
            try {
              const added = restoreLinkState(input.saved, input.scans, students).manual.filter((m) => !manual.some((c) => c.file === m.file));
              manual = [...manual, ...added];
              restored = added.length;
            } catch (e) {
              restoreError = (e as Error).message;
            }
          }
          return buildScanSet(students, input.scans, policy, manual);
        };
  const result = await validate(input.grid, { policy, asOf: input.asOf ?? undefined, kindOverrides: input.kindOverrides, link });
  return { result, scanSet: result.scans ?? null, manual, restored, ...(restoreError ? { restoreError } : {}) };
}
