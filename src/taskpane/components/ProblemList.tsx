/**
 * The problems, grouped by sheet and then by student (errors first), in a virtualized list. In Excel a problem on
 * a cell is a button that selects the cell, and a fixable one has its fix beside it; fixes that occur more than
 * once can be applied all at once. Outside Excel a problem shows its cell address to correct there.
 */
import { Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { Problem } from '../../rules/problem';
import type { Student } from '../../rules/students';
import { SEVERITY_LABELS } from '../../rules/problem';
import { paneMessage } from '../pane-messages';
import { type ProblemRow, fixGroups, problemRows } from '../problem-rows';
import { useController } from '../use-pane';
import { VirtualList } from './VirtualList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  fixAll: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  sheet: { display: 'block', paddingBlock: tokens.spacingVerticalXS, margin: 0 },
  student: { display: 'block', marginTop: tokens.spacingVerticalS, marginBottom: 0, color: tokens.colorNeutralForeground2 },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, paddingBlock: '2px', paddingInlineStart: tokens.spacingHorizontalXS },
  problem: { flexGrow: 1, justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightRegular, minWidth: 0 },
  text: { flexGrow: 1, minWidth: 0, paddingBlock: '4px', paddingInline: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
});

/** "错误 · D7 · message"; the place is left out when the message names it already (a file's path, said once). */
export function problemText(p: Problem): string {
  const message = paneMessage(p);
  const place = p.cell ? `${p.sheet ?? ''}!${p.cell}`.replace(/^!/, '') : (p.file ?? '');
  // A 个例 needs the 主管校长's signed report (the rule's meta says which problems are one).
  const severity = `${SEVERITY_LABELS[p.severity]}${p.specialCase ? '(个例)' : ''}`;
  return [severity, place && !message.includes(p.file ?? '\u0000') ? place : '', message].filter(Boolean).join(' · ');
}

export function ProblemList(props: { problems: Problem[]; students: Student[]; canSelect: boolean; canFix: boolean; busy: boolean }) {
  const styles = useStyles();
  const controller = useController();
  const rows = useMemo(() => problemRows(props.problems, props.students), [props.problems, props.students]);
  const groups = useMemo(() => (props.canFix ? fixGroups(props.problems) : []), [props.problems, props.canFix]);
  const { canSelect, canFix, busy } = props;

  const render = useCallback(
    (row: ProblemRow) => {
      if (row.type === 'sheet')
        return (
          <Subtitle2 as="h2" className={styles.sheet}>
            {row.title}
          </Subtitle2>
        );
      if (row.type === 'student')
        return (
          <Caption1 as="h3" className={styles.student}>
            {row.title}
          </Caption1>
        );
      const p = row.problem;
      return (
        <div className={mergeClasses(styles.item, styles[p.severity])} data-rule={p.rule} data-severity={p.severity} data-cell={p.cell ?? undefined}>
          {canSelect && p.sheet && p.cell ? (
            <Button appearance="transparent" size="small" className={styles.problem} onClick={() => void controller.select(p)}>
              {problemText(p)}
            </Button>
          ) : (
            <Text size={200} className={styles.text}>
              {problemText(p)}
            </Text>
          )}
          {p.fix && canFix && (
            <Button size="small" appearance="secondary" disabled={busy} onClick={() => void controller.fix(p)} aria-label={`修正:${p.fix.label}(${p.fix.kind === 'set-text' ? p.fix.cell : p.fix.sheet})`}>
              {p.fix.label}
            </Button>
          )}
        </div>
      );
    },
    [styles, canSelect, canFix, busy, controller],
  );

  if (props.problems.length === 0) return <Text>没有符合筛选条件的问题。</Text>;
  return (
    <div className={styles.root}>
      {groups.length > 0 && (
        <div className={styles.fixAll} role="group" aria-label="批量修正">
          {groups.map((g) => (
            <Button key={g.key} size="small" disabled={busy} onClick={() => void controller.fixAll(g.fixes, g.label)}>
              全部{g.label}({g.fixes.length} 处)
            </Button>
          ))}
        </div>
      )}
      <VirtualList
        items={rows}
        getKey={(r) => r.key}
        estimateSize={(r) => (r.type === 'problem' ? 52 : 28)}
        render={render}
        isSticky={isSheet}
        label="问题列表"
        testId="problem-list"
      />
    </div>
  );
}

const isSheet = (r: ProblemRow) => r.type === 'sheet';
