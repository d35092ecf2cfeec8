/** 生成书面报告: saves 信息修改书面报告.docx (the counts and the 个例 for the signatures) on its own. */
import { Button } from '@fluentui/react-components';
import type { PaneState } from '../state';
import { useController } from '../use-pane';

export function PaperReportButton({ state }: { state: PaneState }) {
  const controller = useController();
  return (
    <Button size="small" disabled={!state.result || state.busy} onClick={() => void controller.savePaperReport()} data-testid="paper-report">
      生成书面报告
    </Button>
  );
}
