/**
 * The problems, grouped by sheet and then by student. Clicking a problem selects its cell in Excel; a problem
 * with a fix has a button that applies it. Everything is a native button, so the list works from the keyboard.
 */
import { Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Problem } from '../../rules/problem';
import type { Student } from '../../rules/students';
import { SEVERITY_LABELS } from '../../rules/problem';
import { useController } from '../use-pane';

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalM },
  student: { marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, paddingBlock: '2px' },
  problem: { flexGrow: 1, justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightRegular, minWidth: 0 },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
});

/** How many problems are drawn before "显示更多" (a large table can have thousands). */
const PAGE = 300;

interface Group {
  title: string;
  students: { title: string; problems: Problem[] }[];
}

function groupProblems(problems: Problem[], students: Student[]): Group[] {
  const byRef = new Map(students.map((s) => [s.ref, s]));
  const groups = new Map<string, Map<string, Problem[]>>();
  for (const p of problems) {
    const sheet = p.sheet ?? (p.file ? '扫描件' : '工作簿');
    const student = p.studentRef ? byRef.get(p.studentRef) : undefined;
    const who = student ? `${student.key} ${student.name}` : p.sheet ? '整张表' : '';
    if (!groups.has(sheet)) groups.set(sheet, new Map());
    const g = groups.get(sheet)!;
    if (!g.has(who)) g.set(who, []);
    g.get(who)!.push(p);
  }
  return [...groups].map(([title, g]) => ({ title, students: [...g].map(([t, ps]) => ({ title: t, problems: ps })) }));
}

export function ProblemList(props: { problems: Problem[]; students: Student[]; canSelect: boolean; canFix: boolean }) {
  const styles = useStyles();
  const controller = useController();
  const [limit, setLimit] = useState(PAGE);
  const shown = props.problems.slice(0, limit);
  if (props.problems.length === 0) return <Text>没有符合筛选条件的问题。</Text>;
  return (
    <div aria-label="问题列表" role="region" data-testid="problem-list">
      {groupProblems(shown, props.students).map((g) => (
        <section key={g.title} className={styles.group} aria-label={`工作表 ${g.title}`}>
          <Subtitle2 as="h3">{g.title}</Subtitle2>
          {g.students.map((s) => (
            <div key={s.title}>
              {s.title && <Caption1 as="h4" className={styles.student}>{s.title}</Caption1>}
              <ul className={styles.list}>
                {s.problems.map((p, i) => {
                  const place = p.cell ?? p.file ?? '';
                  // A 个例 needs the 主管校长's signed report (the rule's meta says which problems are one).
                  const severity = `${SEVERITY_LABELS[p.severity]}${p.specialCase ? '(个例)' : ''}`;
                  const label = `${severity} ${place} ${p.message}`;
                  return (
                    <li key={`${p.rule}:${place}:${i}`} className={mergeClasses(styles.item, styles[p.severity])} data-rule={p.rule}>
                      <Button
                        appearance="transparent"
                        size="small"
                        className={styles.problem}
                        aria-label={props.canSelect && p.cell ? `${label}(转到单元格)` : label}
                        onClick={() => void controller.select(p)}
                      >
                        {severity}
                        {place ? ` · ${place}` : ''} · {p.message}
                      </Button>
                      {p.fix && props.canFix && (
                        <Button size="small" appearance="secondary" onClick={() => void controller.fix(p)} aria-label={`修正:${p.fix.label}`}>
                          {p.fix.label}
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {props.problems.length > limit && (
        <Button onClick={() => setLimit(limit + PAGE)}>显示更多(还有 {props.problems.length - limit} 条)</Button>
      )}
    </div>
  );
}
