/** The progress of long work (reading a large sheet, inspecting scans, writing the package). */
import { Field, ProgressBar } from '@fluentui/react-components';
import type { Progress as ProgressInfo } from '../../host/types';

export function Progress({ progress }: { progress: ProgressInfo | null }) {
  if (!progress) return null;
  const value = progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <Field validationMessage={progress.total > 1 ? `${progress.step}(${progress.done}/${progress.total})` : progress.step} validationState="none">
      <ProgressBar value={value} aria-label={progress.step} />
    </Field>
  );
}
