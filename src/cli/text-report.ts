/** The readable Chinese report of `xjcheck validate`: a summary, then problems grouped by sheet and student. */
import { scansNotChecked } from '../package/plan';
import type { ValidationResult } from '../rules/engine';
import { evidenceFileNames } from '../rules/naming';
import { type Problem, SEVERITY_LABELS } from '../rules/problem';
import { reasonOf } from '../rules/rows';
import type { EvidenceLink, ScanInfo, ScanSet } from '../rules/scans';
import type { Student } from '../rules/students';
import type { Table } from '../rules/table';

/** Evidence groups as the registrar reads them: 身份证 + (户口本 或 户籍变更证明). */
function formatRequired(required: string[][]): string {
  if (required.length === 0) return '无';
  return required.map((g) => (g.length > 1 ? `(${g.join(' 或 ')})` : g[0])).join(' + ');
}

function place(p: Problem): string {
  const parts = [p.cell ?? (p.row !== null && p.file === null ? `第${p.row}行` : null), p.file].filter(Boolean);
  return parts.length ? parts.join(' ') : '—';
}

function problemLine(p: Problem, indent: string): string {
  return `${indent}[${SEVERITY_LABELS[p.severity]}] ${place(p)}  ${p.message}`;
}

function tableLine(result: ValidationResult, table: Table): string {
  const kind = table.kind ? `${result.policy.kinds[table.kind].label}表` : '表类型未知';
  const reasons = { 信息变更: 0, 录入错误: 0 };
  for (const row of table.rows) {
    const r = reasonOf(row);
    if (r) reasons[r]++;
  }
  return `${kind},表头在第 ${table.headerRow} 行,数据 ${table.rows.length} 行(信息变更 ${reasons.信息变更} 行,录入错误 ${reasons.录入错误} 行)`;
}

/** `items` in lists by key, each list in the items' order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function studentLines(student: Student, problems: Problem[], links: EvidenceLink[] | undefined, files: Map<string, ScanInfo>): string[] {
  const lines = [`  学生 ${student.key} ${student.name || '(无姓名)'}  文件夹:${student.folder}`, `    需要材料:${formatRequired(student.required)}`];
  if (links) {
    const names = evidenceFileNames(links, files);
    lines.push(links.length ? `    已关联:${links.map((l) => `${names.get(l.file)} ← ${l.file}`).join(';')}` : '    已关联:(无)');
  }
  for (const p of problems) lines.push(problemLine(p, '    '));
  return lines;
}

export function formatTextReport(result: ValidationResult, opts: { workbook: string; sheetNames: string[] }): string {
  const { scans } = result;
  const { counts } = result;
  const rowCount = result.tables.reduce((n, t) => n + t.rows.length, 0);
  const out = [
    '学籍更正助手 · 校验报告',
    `工作簿:${opts.workbook}`,
    `校验日期:${result.asOf}`,
    `找到 ${result.tables.length} 张更正表,${result.students.length} 名学生,${rowCount} 行更正;错误 ${counts.error} 项,警告 ${counts.warning} 项,提示 ${counts.info} 项。`,
  ];

  // Each problem is listed once: under its student, else under its sheet, else at the end.
  const studentRefs = new Set(result.students.map((s) => s.ref));
  const ofStudent = (p: Problem) => p.studentRef !== null && studentRefs.has(p.studentRef);
  const byStudent = groupBy(result.problems.filter(ofStudent), (p) => p.studentRef!);
  const bySheet = groupBy(result.problems.filter((p) => !ofStudent(p) && p.sheet !== null), (p) => p.sheet!);
  const elsewhere = result.problems.filter((p) => !ofStudent(p) && p.sheet === null);
  const linksByStudent = scans && groupBy(scans.links, (l) => l.studentRef);
  const files = new Map((scans?.files ?? []).map((f) => [f.path, f]));

  // Looked up by sheet, so the report stays linear in the number of sheets.
  const tableOf = new Map(result.tables.map((t) => [t.sheet, t]));
  const studentsOf = groupBy(result.students, (s) => s.sheet);
  for (const sheet of opts.sheetNames) {
    const table = tableOf.get(sheet);
    const sheetProblems = bySheet.get(sheet) ?? [];
    if (!table && sheetProblems.length === 0) continue;
    out.push('', `━━ 工作表「${sheet}」${table ? ':' + tableLine(result, table) : ':未找到更正表'}`);
    if (sheetProblems.length) {
      out.push('  整表问题');
      for (const p of sheetProblems) out.push(problemLine(p, '    '));
    }
    for (const student of studentsOf.get(sheet) ?? [])
      out.push(...studentLines(student, byStudent.get(student.ref) ?? [], linksByStudent && (linksByStudent.get(student.ref) ?? []), files));
  }
  if (result.tables.length === 0) out.push('', '没有找到任何更正表(表头需包含 学号 或 注册证号、姓名、更正内容 等列)。');
  if (elsewhere.length) {
    out.push('', '━━ 扫描件及其他');
    for (const p of elsewhere) out.push(problemLine(p, '  '));
  }

  out.push('', conclusion(result, scans));
  return out.join('\n') + '\n';
}

/** The last line, saying what export needs (the same conditions as the package planner's refusal). */
function conclusion(result: ValidationResult, scans: ScanSet | undefined): string {
  const { error, warning } = result.counts;
  const unchecked = scansNotChecked(result, scans);
  const warnings = warning ? `(请再看一下 ${warning} 项警告)` : '';
  if (error > 0) return `结论:有 ${error} 项错误,改正${unchecked ? '并校验扫描件' : ''}后才能导出材料包。`;
  if (unchecked) return `结论:统计表没有错误${warnings};扫描件尚未校验,用 --scans 指定扫描件文件夹校验通过后才能导出材料包。`;
  return `结论:没有错误,可以导出材料包${warnings}。`;
}
