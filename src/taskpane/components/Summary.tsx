/** The result at a glance: tables found, students, and counts by severity (the notice, not this, is announced). */
import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ValidationResult } from '../../rules/engine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function Summary({ result }: { result: ValidationResult }) {
  const styles = useStyles();
  const tables = result.tables.map((t) => `工作表“${t.sheet}”(${t.kind ? `${result.policy.kinds[t.kind].label}表` : '类型未知'},${t.rows.length} 行)`);
  return (
    <section className={styles.root} aria-label="校验摘要" data-testid="summary">
      <Caption1>
        找到 {result.tables.length} 张表{tables.length ? `:${tables.join('、')}` : ''};学生 {result.students.length} 人;校验日期 {result.asOf}
      </Caption1>
      <div className={styles.counts}>
        <Badge appearance="filled" color={result.counts.error ? 'danger' : 'success'}>
          错误 {result.counts.error}
        </Badge>
        <Badge appearance="filled" color={result.counts.warning ? 'warning' : 'informative'}>
          警告 {result.counts.warning}
        </Badge>
        <Badge appearance="outline" color="informative">
          提示 {result.counts.info}
        </Badge>
      </div>
    </section>
  );
}
