/**
 * Export: builds the package in the pane and saves it as `{workbook name}_材料包.zip`. Refused while errors remain;
 * on Excel for Mac, whose web view can neither download nor show a save dialog, it says which way works instead.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { WORKBOOK_SOURCE_LABEL } from '../labels';
import { MAC_CANNOT_SAVE, canSaveFiles } from '../save-file';
import type { PaneState } from '../state';
import { useController } from '../use-pane';
import { PaperReportButton } from './PaperReportButton';
import { SplitOffer } from './SplitOffer';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function ExportPanel({ state }: { state: PaneState }) {
  const styles = useStyles();
  const controller = useController();
  if (!canSaveFiles(state.platform))
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Mac 版 Excel 不能从任务窗格保存文件</MessageBarTitle>
          {MAC_CANNOT_SAVE}
        </MessageBarBody>
      </MessageBar>
    );
  const result = state.result;
  return (
    <div className={styles.root} data-testid="export-panel">
      <Text>
        材料包包含:每位学生一个文件夹(学号+姓名,毕业生为注册证号+姓名)、按材料命名的扫描件、统计表工作簿、校验报告和信息修改书面报告。有错误时不能导出。
      </Text>
      {!result && <Text>请先校验工作簿。</Text>}
      {result && state.scans.length === 0 && <Text>请先在“扫描件”页选择扫描件。</Text>}
      {state.capabilities.saveBeside && <Text>材料包保存在工作簿所在的文件夹中;文件夹里已有同名材料包时不会覆盖,新的一份另取名。</Text>}
      <Button appearance="primary" disabled={!result || state.progress !== null} onClick={() => void controller.exportPackage()}>
        导出材料包
      </Button>
      {state.saveOffer && (
        <MessageBar intent="warning" data-testid="save-offer">
          <MessageBarBody>
            <MessageBarTitle>需要先保存工作簿</MessageBarTitle>
            {state.saveOffer}
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={state.progress !== null} onClick={() => void controller.saveAndExport()}>
              保存并导出
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.splitOffer && <SplitOffer offer={state.splitOffer} busy={state.progress !== null} />}
      <PaperReportButton state={state} />
      {state.exported && (
        <MessageBar intent="success" data-testid="export-done">
          <MessageBarBody>
            <MessageBarTitle>
              {state.exported.how === 'beside' ? '已保存到' : state.exported.how === 'picker' ? '已保存' : '已交给浏览器下载'} {state.exported.path ?? state.exported.fileName}
            </MessageBarTitle>
            <br />
            其中的工作簿:{WORKBOOK_SOURCE_LABEL[state.exported.workbookSource]}。
          </MessageBarBody>
          {state.exported.folder && (
            <MessageBarActions>
              <Button onClick={() => void controller.openFolder(state.exported!.folder!)}>打开文件夹</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </div>
  );
}
