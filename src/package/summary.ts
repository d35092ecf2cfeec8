/**
 * 校验报告.txt: what the registrar needs to write the 信息修改书面报告 and what headquarters reads first — the counts
 * of 信息变更 and 录入错误 per table (the report must state them), the 个例 rows that need the 主管校长's signed
 * report, the warnings left, and the folders with their files.
 */
import type { ValidationResult } from '../rules/engine';
import { REASONS, type Reason } from '../rules/policy';
import { reasonOf, rowText } from '../rules/rows';
import { rowStudentRef } from '../rules/students';
import { problemPlace } from './places';

export interface SummaryFolder {
  folder: string;
  files: string[];
}

/** A packaged scan whose density tag the package corrected (scan-density-tag). */
export interface RetaggedScan {
  /** Its path in the package. */
  entry: string;
  /** Its path in the scan folder. */
  file: string;
  dpi: number;
  /** The density the file said before, if any. */
  was?: { x: number; y: number };
}

function retagLines(retagged: RetaggedScan[]): string[] {
  if (retagged.length === 0) return ['  (无)'];
  return retagged.map((r, i) => `  ${i + 1}. ${r.entry}(原文件 ${r.file}):${r.was ? `${r.was.x}×${r.was.y} dpi` : '没有分辨率标记'} → ${r.dpi}×${r.dpi} dpi`);
}

type Tally = Record<Reason, { rows: number; students: Set<string | null> }>;

const newTally = (): Tally => ({ 信息变更: { rows: 0, students: new Set() }, 录入错误: { rows: 0, students: new Set() } });

const tallyText = (t: Tally) => REASONS.map((r) => `${r} ${t[r].rows} 条(${t[r].students.size} 人)`).join(',');

function countLines(result: ValidationResult): string[] {
  const total = newTally();
  const lines = result.tables.map((table) => {
    const per = newTally();
    for (const row of table.rows) {
      const reason = reasonOf(row);
      if (!reason) continue;
      for (const tally of [per[reason], total[reason]]) {
        tally.rows++;
        tally.students.add(rowStudentRef(table, row));
      }
    }
    const label = table.kind ? result.policy.kinds[table.kind].label : '未识别的表';
    return `  ${label}(工作表“${table.sheet}”):${tallyText(per)}`;
  });
  lines.push(`  合计:${tallyText(total)}`);
  return lines;
}

function specialCaseLines(result: ValidationResult): string[] {
  const students = new Map(result.students.map((s) => [s.ref, s]));
  const tables = new Map(result.tables.map((t) => [t.sheet, t]));
  const byRow = new Map<string, { head: string; messages: string[] }>();
  for (const p of result.problems.filter((p) => p.specialCase)) {
    const id = `${p.sheet}#${p.row}`;
    let item = byRow.get(id);
    if (!item) {
      const student = p.studentRef ? students.get(p.studentRef) : undefined;
      const table = p.sheet ? tables.get(p.sheet) : undefined;
      const row = table?.rows.find((r) => r.row === p.row);
      const keyLabel = table?.keyField === 'regNo' ? '注册证号' : '学号';
      const change = row ? `,更正内容:${rowText(row, 'changeField')}(${rowText(row, 'reason')})` : '';
      item = { head: `工作表“${p.sheet}”第 ${p.row} 行,${keyLabel} ${student?.key ?? ''},${student?.name ?? ''}${change}`, messages: [] };
      byRow.set(id, item);
    }
    item.messages.push(p.message);
  }
  if (byRow.size === 0) return ['  (无)'];
  return [...byRow.values()].flatMap((item, i) => [`  ${i + 1}. ${item.head}`, ...item.messages.map((m) => `     - ${m}`)]);
}

export function packageSummary(result: ValidationResult, workbookFile: string, folders: SummaryFolder[], retagged: RetaggedScan[] = []): string {
  const warnings = result.problems.filter((p) => p.severity === 'warning' && !p.specialCase);
  const specials = specialCaseLines(result);
  return [
    '学生基本信息修改材料包 校验报告',
    '',
    `统计表:${workbookFile}`,
    `校验日期:${result.asOf}`,
    '生成工具:学籍更正助手',
    '',
    '一、修改数量(信息修改书面报告中须注明信息变更和录入错误的具体数量)',
    ...countLines(result),
    '',
    '二、个例(未在规定时间内提交的修改)',
    '  以下各行须由分部提交信息修改书面报告说明原因,由主管校长审批并签字,加盖学校公章,并根据更正情况提供相应的证明材料。',
    ...specials,
    '',
    `三、其余提示(${warnings.length} 条警告,不影响导出,请确认)`,
    ...(warnings.length ? warnings.map((p, i) => `  ${i + 1}. ${problemPlace(p)}:${p.message}`) : ['  (无)']),
    '',
    `四、学生材料文件夹(${folders.length} 个)`,
    ...folders.flatMap((f) => [`  ${f.folder}/`, ...f.files.map((name) => `      ${name}`)]),
    '',
    `五、改写了分辨率标记的扫描件(${retagged.length} 个;像素足够,只把文件头中的分辨率标记改为按像素计算的有效分辨率,图像内容未改动)`,
    ...retagLines(retagged),
    '',
  ].join('\n');
}
