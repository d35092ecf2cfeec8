/** Filters of the problem list: which severities, and one rule (by its Chinese description, most frequent first, with counts). */
import { Checkbox, Dropdown, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Problem, RuleId, Severity } from '../../rules/problem';
import { SEVERITY_LABELS } from '../../rules/problem';
import { ruleCounts } from '../pane-messages';
import type { PaneState } from '../state';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  rule: { minWidth: '160px', flexGrow: 1 },
});

const ALL = '__all__';

export function ProblemFilters(props: { problems: Problem[]; filters: PaneState['filters']; onChange: (f: PaneState['filters']) => void }) {
  const styles = useStyles();
  const { filters, onChange } = props;
  const rules = useMemo(() => ruleCounts(props.problems), [props.problems]);
  const toggle = (s: Severity, on: boolean) =>
    onChange({ ...filters, severities: on ? [...filters.severities, s] : filters.severities.filter((x) => x !== s) });
  const chosen = rules.find((r) => r.rule === filters.rule);
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
        value={chosen ? `${chosen.label}(${chosen.count})` : `全部规则(${props.problems.length})`}
        selectedOptions={[filters.rule ?? ALL]}
        onOptionSelect={(_, d) => onChange({ ...filters, rule: d.optionValue === ALL || !d.optionValue ? null : (d.optionValue as RuleId) })}
      >
        <Option value={ALL} text={`全部规则(${props.problems.length})`}>{`全部规则(${props.problems.length})`}</Option>
        {rules.map((r) => (
          <Option key={r.rule} value={r.rule} text={`${r.label}(${r.count})`}>
            {`${r.label}(${r.count})`}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
