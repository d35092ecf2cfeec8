/**
 * 校验报告.txt: what the registrar needs to write the 信息修改书面报告 and what headquarters reads first — the counts
 * of 信息变更 and 录入错误 per table (the report must state them), the 个例 rows that need the 主管校长's signed
 * report, the warnings left, and the folders with their files.
 */
import type { ValidationResult } from '../rules/engine';
import { REASONS, type Reason } from '../rules/policy';
import { problemPlace } from './places';
import { type ReasonTally, reasonCounts, specialCases } from './submission-facts';

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

const tallyText = (t: Record<Reason, ReasonTally>) => REASONS.map((r) => `${r} ${t[r].rows} 条(${t[r].students} 人)`).join(',');

function countLines(result: ValidationResult): string[] {
  const counts = reasonCounts(result);
  return [...counts.tables.map((t) => `  ${t.label}(工作表“${t.sheet}”):${tallyText(t.byReason)}`), `  合计:${tallyText(counts.total)}`];
}

function specialCaseLines(result: ValidationResult): string[] {
  const cases = specialCases(result);
  if (cases.length === 0) return ['  (无)'];
  return cases.flatMap((c, i) => {
    const change = c.changeField || c.reason ? `,更正内容:${c.changeField}(${c.reason})` : '';
    const head = `工作表“${c.sheet}”第 ${c.row} 行,${c.keyLabel} ${c.key},${c.name}${change}`;
    return [`  ${i + 1}. ${head}`, ...c.messages.map((m) => `     - ${m}`)];
  });
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
