/**
 * The progress of long work (reading a large sheet, inspecting scans, writing the package), with 取消 where the
 * work can stop. It reads the progress store alone, so a moving counter repaints this bar and nothing else.
 */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useWork } from '../progress';
import { useController } from '../use-pane';

const useStyles = makeStyles({ row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS }, field: { flexGrow: 1 } });

export function Progress() {
  const styles = useStyles();
  const controller = useController();
  const work = useWork(controller.progress);
  if (!work) return null;
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
