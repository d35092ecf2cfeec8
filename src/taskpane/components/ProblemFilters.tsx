/** Filters of the problem list: which severities, and one rule (named by its Chinese description) or all. */
import { Checkbox, Dropdown, Option, makeStyles, tokens } from '@fluentui/react-components';
import { ALL_RULES } from '../../rules/checks';
import type { Problem, RuleId, Severity } from '../../rules/problem';
import { SEVERITY_LABELS } from '../../rules/problem';
import type { PaneState } from '../state';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  rule: { minWidth: '160px', flexGrow: 1 },
});

const ALL = '__all__';

const DESCRIPTION = new Map<string, string>(ALL_RULES.map((r) => [r.meta.id, r.meta.description]));
const ruleLabel = (rule: RuleId) => DESCRIPTION.get(rule) ?? rule;

export function ProblemFilters(props: { problems: Problem[]; filters: PaneState['filters']; onChange: (f: PaneState['filters']) => void }) {
  const styles = useStyles();
  const { filters, onChange } = props;
  const rules = [...new Set(props.problems.map((p) => p.rule))].sort();
  const toggle = (s: Severity, on: boolean) =>
    onChange({ ...filters, severities: on ? [...filters.severities, s] : filters.severities.filter((x) => x !== s) });
  return (
    <div className={styles.root} role="group" aria-label="筛选问题">
      {(['error', 'warning', 'info'] as const).map((s) => (
        <Checkbox
          key={s}
          label={`${SEVERITY_LABELS[s]}(${props.problems.filter((p) => p.severity === s).length})`}
          checked={filters.severities.includes(s)}
          onChange={(_, d) => toggle(s, d.checked === true)}
        />
      ))}
      <Dropdown
        className={styles.rule}
        aria-label="按规则筛选"
        value={filters.rule ? ruleLabel(filters.rule) : '全部规则'}
        selectedOptions={[filters.rule ?? ALL]}
        onOptionSelect={(_, d) => onChange({ ...filters, rule: d.optionValue === ALL || !d.optionValue ? null : (d.optionValue as RuleId) })}
      >
        <Option value={ALL}>全部规则</Option>
        {rules.map((r) => (
          <Option key={r} value={r}>
            {ruleLabel(r)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
