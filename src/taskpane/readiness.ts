/**
 * Whether the package can be exported now, and what stands in the way, said before the registrar clicks:
 * the workbook not validated, no scans picked, and the errors by rule with the first of each to go to.
 */
import type { Problem } from '../rules/problem';
import { ruleLabel } from './pane-messages';
import type { PaneState } from './state';

export interface Blocker {
  /** What blocks, in Chinese. */
  text: string;
  /** How many places, for errors. */
  count?: number;
  /** The first problem of the kind, to go to. */
  first?: Problem;
}

export interface Readiness {
  ready: boolean;
  blockers: Blocker[];
  warnings: number;
}

export function exportReadiness(state: Pick<PaneState, 'result' | 'scans'>): Readiness {
  const { result } = state;
  if (!result) return { ready: false, blockers: [{ text: '尚未校验工作簿' }], warnings: 0 };
  const blockers: Blocker[] = [];
  if (result.tables.length === 0) blockers.push({ text: '没有找到学生基本信息修改情况统计表' });
  if (state.scans.length === 0) blockers.push({ text: '尚未选择扫描件(在“扫描件”页选择文件夹)' });
  const byRule = new Map<string, Problem[]>();
  for (const p of result.problems) if (p.severity === 'error') byRule.set(p.rule, [...(byRule.get(p.rule) ?? []), p]);
  const errors = [...byRule].sort((a, b) => b[1].length - a[1].length);
  for (const [rule, problems] of errors) blockers.push({ text: ruleLabel(rule), count: problems.length, first: problems[0] });
  return { ready: blockers.length === 0, blockers, warnings: result.counts.warning };
}
