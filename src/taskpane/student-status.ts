/**
 * Each student's evidence as it really stands: a required material counts as present (已有) only when a linked
 * file of that kind passes the scan rules (no error on the file); the student is 齐全 (complete), 缺材料 (a
 * required material has no passing file) or 有问题 (an error on the student's rows or files).
 */
import type { ValidationResult } from '../rules/engine';
import type { Problem } from '../rules/problem';
import type { EvidenceLink, ScanSet } from '../rules/scans';
import type { Student } from '../rules/students';

export type StudentState = 'complete' | 'missing' | 'problem';

export const STUDENT_STATE_LABELS: Record<StudentState, string> = { complete: '齐全', missing: '缺材料', problem: '有问题' };

/** ok: a passing file; flawed: files of the kind, but each has an error; missing: none linked; unchecked: no scans picked yet. */
export type GroupState = 'ok' | 'flawed' | 'missing' | 'unchecked';

export interface LinkedFile {
  link: EvidenceLink;
  /** The file's problems, errors first. */
  problems: Problem[];
  passes: boolean;
}

export interface StudentView {
  student: Student;
  state: StudentState;
  groups: { kinds: string[]; state: GroupState }[];
  files: LinkedFile[];
  /** Errors and warnings on the student's rows (not on the files), errors first. */
  rowProblems: Problem[];
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
export const bySeverity = (a: Problem, b: Problem) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];

/** Rules about the evidence as a whole: the group states say it, so they do not count as problems of the rows. */
const GROUP_RULES = new Set(['evidence-missing', 'evidence-not-checked']);

export function studentViews(result: ValidationResult, scanSet: ScanSet | null): StudentView[] {
  const scansPicked = scanSet !== null && scanSet.files.length > 0;
  const byFile = new Map<string, Problem[]>();
  const byStudent = new Map<string, Problem[]>();
  for (const p of result.problems) {
    if (p.severity === 'info') continue;
    if (p.file) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    else if (p.studentRef && !GROUP_RULES.has(p.rule)) byStudent.set(p.studentRef, [...(byStudent.get(p.studentRef) ?? []), p]);
  }
  const linksOf = new Map<string, EvidenceLink[]>();
  for (const l of scanSet?.links ?? []) linksOf.set(l.studentRef, [...(linksOf.get(l.studentRef) ?? []), l]);

  return result.students.map((student) => {
    const files = (linksOf.get(student.ref) ?? []).map((link): LinkedFile => {
      const problems = (byFile.get(link.file) ?? []).slice().sort(bySeverity);
      return { link, problems, passes: !problems.some((p) => p.severity === 'error') };
    });
    const groups = student.required.map((kinds) => {
      const ofKind = files.filter((f) => (kinds as string[]).includes(f.link.kind));
      const state: GroupState = !scansPicked ? 'unchecked' : ofKind.some((f) => f.passes) ? 'ok' : ofKind.length ? 'flawed' : 'missing';
      return { kinds: [...kinds], state };
    });
    const rowProblems = (byStudent.get(student.ref) ?? []).slice().sort(bySeverity);
    const hasError = rowProblems.some((p) => p.severity === 'error') || files.some((f) => !f.passes);
    const state: StudentState = hasError ? 'problem' : groups.every((g) => g.state === 'ok') ? 'complete' : 'missing';
    return { student, state, groups, files, rowProblems };
  });
}
