/**
 * The progress of long work (reading a large sheet, inspecting scans, writing the package). It reads the progress
 * store alone, so a moving counter repaints this bar and nothing else; the bar itself (WorkBar, with Fluent's Field
 * and ProgressBar) loads with the first work, not with the first paint.
 */
import { Suspense, lazy } from 'react';
import { useWork } from '../progress';
import { useController } from '../use-pane';

const WorkBar = lazy(() => import('./WorkBar').then((m) => ({ default: m.WorkBar })));

export function Progress() {
  const controller = useController();
  const work = useWork(controller.progress);
  if (!work) return null;
  return (
    <Suspense fallback={null}>
      <WorkBar work={work} />
    </Suspense>
  );
}
