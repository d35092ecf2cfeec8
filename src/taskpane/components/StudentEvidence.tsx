/**
 * Per student: the state (齐全 / 缺材料 / 有问题), the scans the rows require (a material is 已有 only when a linked
 * file of its kind passes the scan rules), the linked files with thumbnails and verdicts, and the rows' own
 * problems, errors first. Virtualized: 5,000 students draw as fast as twenty.
 */
import { Badge, Caption1, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { ValidationResult } from '../../rules/engine';
import { SEVERITY_LABELS } from '../../rules/problem';
import type { ScanSet } from '../../rules/scans';
import { paneMessage } from '../pane-messages';
import type { PickedScan } from '../state';
import { type GroupState, STUDENT_STATE_LABELS, type StudentState, type StudentView, studentViews } from '../student-status';
import { useController } from '../use-pane';
import { Thumbnail } from './Thumbnail';
import { VirtualList } from './VirtualList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  card: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  groups: { margin: 0, paddingInlineStart: '18px' },
  files: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  file: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  path: { overflowWrap: 'anywhere' },
  verdict: { display: 'block', margin: 0 },
});

const GROUP_BADGE: Record<GroupState, { text: string; color: 'success' | 'danger' | 'informative' }> = {
  ok: { text: '已有', color: 'success' },
  flawed: { text: '文件有问题', color: 'danger' },
  missing: { text: '缺少', color: 'danger' },
  unchecked: { text: '待核对', color: 'informative' },
};

const STATE_COLOR: Record<StudentState, 'success' | 'warning' | 'danger'> = { complete: 'success', missing: 'warning', problem: 'danger' };

export function StudentEvidence(props: { result: ValidationResult | null; scanSet: ScanSet | null; scans: PickedScan[]; onlyUnfinished: boolean }) {
  const styles = useStyles();
  const controller = useController();
  const { result, scanSet, scans, onlyUnfinished } = props;
  const views = useMemo(() => (result ? studentViews(result, scanSet) : []), [result, scanSet]);
  const shown = useMemo(() => (onlyUnfinished ? views.filter((v) => v.state !== 'complete') : views), [views, onlyUnfinished]);
  const blobs = useMemo(() => new Map(scans.map((s) => [s.path, s.blob])), [scans]);
  const counts = useMemo(() => {
    const c: Record<StudentState, number> = { complete: 0, missing: 0, problem: 0 };
    for (const v of views) c[v.state]++;
    return c;
  }, [views]);

  const render = useCallback(
    (v: StudentView) => (
      <article className={styles.card} aria-labelledby={`student-${v.student.ref}`} data-student={v.student.key} data-state={v.state}>
        <div className={styles.head}>
          <h2 id={`student-${v.student.ref}`} className={styles.name}>
            {v.student.folder}
          </h2>
          <Badge appearance="filled" color={STATE_COLOR[v.state]}>
            {STUDENT_STATE_LABELS[v.state]}
          </Badge>
        </div>
        <Caption1>{v.student.sheet}</Caption1>
        <ul className={styles.groups} aria-label="需要的材料">
          {v.groups.length === 0 && <li>不需要扫描件</li>}
          {v.groups.map((g) => (
            <li key={g.kinds.join('/')}>
              {g.kinds.join(' 或 ')}{' '}
              <Badge size="small" color={GROUP_BADGE[g.state].color}>
                {GROUP_BADGE[g.state].text}
              </Badge>
            </li>
          ))}
        </ul>
        {v.files.length > 0 && (
          <ul className={styles.files} aria-label="已关联的扫描件">
            {v.files.map((f) => {
              const blob = blobs.get(f.link.file);
              return (
                <li key={f.link.file} className={styles.file}>
                  {blob && <Thumbnail blob={blob} />}
                  <div>
                    <Text className={styles.path}>
                      {f.link.kind}:{f.link.file}
                      {f.link.manual ? '(手动指定)' : ''}
                    </Text>
                    {f.problems.length === 0 ? (
                      <Caption1 className={styles.verdict}>符合扫描要求</Caption1>
                    ) : (
                      f.problems.map((p, i) => (
                        <Caption1 key={i} className={styles.verdict}>
                          {SEVERITY_LABELS[p.severity]}:{paneMessage(p)}
                        </Caption1>
                      ))
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {v.rowProblems.length > 0 && (
          <ul className={styles.files} aria-label="表格中的问题">
            {v.rowProblems.map((p, i) => (
              <li key={i}>
                <Caption1>
                  {SEVERITY_LABELS[p.severity]}
                  {p.cell ? ` · ${p.cell}` : ''}:{paneMessage(p)}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </article>
    ),
    [styles, blobs],
  );

  if (!result || result.students.length === 0) return <Text>还没有学生:请先校验工作簿。</Text>;
  return (
    <div className={styles.root} data-testid="student-evidence">
      {scans.length === 0 && <Text>尚未选择扫描件:下面列出每位学生需要的材料;在“扫描件”页选择文件夹后逐一核对。</Text>}
      <div className={styles.bar}>
        <Text data-testid="student-counts">
          齐全 {counts.complete} · 缺材料 {counts.missing} · 有问题 {counts.problem}
        </Text>
        <Switch label="只看有问题的学生" checked={onlyUnfinished} onChange={(_, d) => controller.setOnlyUnfinished(d.checked)} />
      </div>
      {shown.length === 0 ? (
        <Text>每位学生的材料都齐全。</Text>
      ) : (
        <VirtualList items={shown} getKey={(v) => v.student.ref} estimateSize={(v) => 110 + 24 * v.groups.length + 60 * v.files.length} render={render} label="学生材料列表" />
      )}
    </div>
  );
}
