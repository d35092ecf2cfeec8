/**
 * Which student a file belongs to: a combobox that searches as one types (刘 → 刘芳, or part of a 学号) and lists
 * at most a few dozen matches, and only while open; a thousand rows never carry a thousand options each.
 */
import { Combobox, Option, makeStyles } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Student } from '../../rules/students';
import { searchStudents } from '../student-search';

const useStyles = makeStyles({ box: { minWidth: 0 } });

const NONE = '__none__';
const MORE = '__more__';

export function StudentCombobox(props: {
  path: string;
  students: Student[];
  studentRef: string | null;
  /** What the box says when the file has no student (why not). */
  emptyText: string;
  disabled: boolean;
  onChoose: (studentRef: string | null) => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const current = useMemo(() => props.students.find((s) => s.ref === props.studentRef), [props.students, props.studentRef]);
  const matches = useMemo(() => (open ? searchStudents(props.students, query) : null), [open, props.students, query]);
  return (
    <Combobox
      className={styles.box}
      aria-label={`${props.path} 属于哪位学生`}
      placeholder="输入姓名或学号查找"
      value={open ? query : (current?.folder ?? props.emptyText)}
      selectedOptions={[props.studentRef ?? NONE]}
      disabled={props.disabled}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (!d.open) setQuery('');
      }}
      onChange={(e) => {
        setQuery(e.target.value);
        setOpen(true);
      }}
      onOptionSelect={(_, d) => {
        if (!d.optionValue || d.optionValue === MORE) return;
        props.onChoose(d.optionValue === NONE ? null : d.optionValue);
        setOpen(false);
        setQuery('');
      }}
    >
      {matches && (
        <>
          <Option value={NONE}>不是证明材料</Option>
          {matches.shown.map((s) => (
            <Option key={s.ref} value={s.ref}>
              {s.folder}
            </Option>
          ))}
          {matches.shown.length === 0 && (
            <Option value={MORE} disabled>
              {`没有姓名或学号含“${query}”的学生`}
            </Option>
          )}
          {matches.more > 0 && (
            <Option value={MORE} disabled>
              {`还有 ${matches.more} 位,请多输入几个字`}
            </Option>
          )}
        </>
      )}
    </Combobox>
  );
}
