/** The bar of the running workflow: its step, its counter, and 取消 where the work can stop. */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Work } from '../progress';

const useStyles = makeStyles({ row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS }, field: { flexGrow: 1 } });

export function WorkBar({ work }: { work: Work }) {
  const styles = useStyles();
  const value = work.total > 0 ? work.done / work.total : undefined;
  return (
    <div className={styles.row} data-testid="progress">
      <Field className={styles.field} validationMessage={work.total > 1 ? `${work.step}(${work.done}/${work.total})` : work.step} validationState="none">
        <ProgressBar value={value} aria-label={work.step} />
      </Field>
      {work.cancel && (
        <Button size="small" onClick={work.cancel}>
          取消
        </Button>
      )}
    </div>
  );
}
