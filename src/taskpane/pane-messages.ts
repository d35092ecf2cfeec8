/**
 * Problems as the pane words them. The engine's messages serve the command line too, and a few of them say how to
 * do a thing there (--kind, --scans); in the pane those messages say where in the pane to do it instead.
 */
import { ALL_RULES } from '../rules/checks';
import { type Problem, type RuleId, formatMessage } from '../rules/problem';

const PANE_TEMPLATES: Record<string, string> = {
  'sheet-kind-unknown:unknown':
    '无法判断工作表“{sheet}”是新生、在籍生还是毕业生表(标题、工作表名和关键列都没有说明),按表种类的检查(允许的更正内容、期限、排序键)未进行。请在标题中写明“新生”“在籍生”或“毕业生”,或在“设置”页的“工作表类型”中指定。',
  'evidence-not-checked:notChecked':
    '已列出 {students} 名学生各自需要的证明材料,但还没有选择扫描件,证明材料尚未核对:在“扫描件”页选择扫描件文件夹后才能导出材料包。',
};

export function paneMessage(p: Pick<Problem, 'rule' | 'messageId' | 'params' | 'message'>): string {
  const template = PANE_TEMPLATES[`${p.rule}:${p.messageId}`];
  return template === undefined ? p.message : formatMessage(template, p.params);
}

/** Every message template a rule can produce, as the pane shows it (the tests check none speaks of the command line). */
export function paneTemplates(): string[] {
  return ALL_RULES.flatMap((r) => Object.entries(r.meta.messages).map(([id, t]) => paneMessage({ rule: r.meta.id, messageId: id, params: {}, message: t })));
}

const DESCRIPTION = new Map<string, string>(ALL_RULES.map((r) => [r.meta.id, r.meta.description]));

/** A rule by its Chinese description (the filter and the export's list of blockers name rules this way). */
export const ruleLabel = (rule: string): string => DESCRIPTION.get(rule) ?? rule;

const collator = new Intl.Collator('zh-CN');

/** Each rule that occurs, with its count: most problems first, then by name (the problem filter lists them so). */
export function ruleCounts(problems: Problem[]): { rule: RuleId; label: string; count: number }[] {
  const counts = new Map<RuleId, number>();
  for (const p of problems) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  return [...counts]
    .map(([rule, count]) => ({ rule, label: ruleLabel(rule), count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
}
