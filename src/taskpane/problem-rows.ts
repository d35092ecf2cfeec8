/**
 * The problem list as flat rows for the virtualized list: a heading per sheet, a heading per student (errors
 * before warnings within a student), the table-wide problems under 整张表, and the files that belong to no
 * student under a heading of their own, never under whichever student came last.
 */
import type { Fix, Problem } from '../rules/problem';
import type { Student } from '../rules/students';
import { bySeverity } from './student-status';

export type ProblemRow =
  | { type: 'sheet'; key: string; title: string }
  | { type: 'student'; key: string; title: string }
  | { type: 'problem'; key: string; problem: Problem };

export const UNMATCHED_FILES = '未对应到学生的文件';
const WHOLE_TABLE = '整张表';

export function problemRows(problems: Problem[], students: Student[]): ProblemRow[] {
  const byRef = new Map(students.map((s) => [s.ref, s]));
  // section → group → problems, each in order of first appearance (the engine's order: sheet, row, column).
  const sections = new Map<string, Map<string, Problem[]>>();
  const add = (section: string, group: string, p: Problem) => {
    let groups = sections.get(section);
    if (!groups) sections.set(section, (groups = new Map()));
    const list = groups.get(group);
    if (list) list.push(p);
    else groups.set(group, [p]);
  };
  for (const p of problems) {
    const student = p.studentRef ? byRef.get(p.studentRef) : undefined;
    if (student) add(student.sheet, `${student.key} ${student.name}`, p);
    else if (p.file) add(UNMATCHED_FILES, '', p);
    else add(p.sheet ?? '工作簿', p.sheet ? WHOLE_TABLE : '', p);
  }
  // The unmatched files come last, whatever the engine's order put first.
  const ordered = [...sections].sort((a, b) => Number(a[0] === UNMATCHED_FILES) - Number(b[0] === UNMATCHED_FILES));
  const rows: ProblemRow[] = [];
  for (const [section, groups] of ordered) {
    rows.push({ type: 'sheet', key: `s:${section}`, title: section });
    for (const [group, list] of groups) {
      if (group) rows.push({ type: 'student', key: `g:${section}:${group}`, title: group });
      list
        .slice()
        .sort(bySeverity)
        .forEach((p, i) => rows.push({ type: 'problem', key: `p:${section}:${group}:${p.rule}:${p.cell ?? p.file ?? ''}:${i}`, problem: p }));
    }
  }
  return rows;
}

export interface FixGroup {
  key: string;
  /** 去除多余空格, 改为文本存储, … */
  label: string;
  fixes: Fix[];
}

/** Fixes of one kind that occur more than once (same rule, same label), to apply all at once. Sorts are single. */
export function fixGroups(problems: Problem[]): FixGroup[] {
  const groups = new Map<string, FixGroup>();
  for (const p of problems) {
    if (p.fix?.kind !== 'set-text') continue;
    const key = `${p.rule}:${p.fix.label}`;
    const g = groups.get(key);
    if (g) g.fixes.push(p.fix);
    else groups.set(key, { key, label: p.fix.label, fixes: [p.fix] });
  }
  return [...groups.values()].filter((g) => g.fixes.length > 1);
}
