/**
 * Export: says before the click whether the package can be exported and what blocks it (with a link to the first
 * place of each kind of error), builds the package in the pane and saves it as `{workbook name}_材料包.zip`.
 * On Excel for Mac, whose web view can neither download nor show a save dialog, it says which way works instead.
 */
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { WORKBOOK_SOURCE_LABEL } from '../labels';
import { exportReadiness } from '../readiness';
import { MAC_CANNOT_SAVE, canSaveFiles } from '../save-file';
import type { PaneState } from '../state';
import { useController } from '../use-pane';
import { PaperReportButton } from './PaperReportButton';
import { SplitOffer } from './SplitOffer';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowY: 'auto' },
  heading: { display: 'block', margin: 0 },
  list: { margin: 0, paddingInlineStart: '20px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  done: { padding: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`, backgroundColor: tokens.colorPaletteGreenBackground1 },
  place: { overflowWrap: 'anywhere' },
});

export function ExportPanel({ state }: { state: PaneState }) {
  const styles = useStyles();
  const controller = useController();
  const { result, scans } = state;
  const readiness = useMemo(() => exportReadiness({ result, scans }), [result, scans]);
  if (!canSaveFiles(state.platform))
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Mac 版 Excel 不能从任务窗格保存文件</MessageBarTitle>
          {MAC_CANNOT_SAVE}
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <div className={styles.root} data-testid="export-panel">
      <Text>材料包包含:每位学生一个文件夹(学号+姓名,毕业生为注册证号+姓名)、按材料命名的扫描件、统计表工作簿、校验报告和信息修改书面报告。</Text>
      <Subtitle2 as="h2" className={styles.heading} data-testid="export-readiness">
        {readiness.ready ? '可以导出' : '还不能导出'}
      </Subtitle2>
      {readiness.ready ? (
        <Text>没有错误{readiness.warnings ? `;${readiness.warnings} 条警告会写进校验报告` : ''}。</Text>
      ) : (
        <ul className={styles.list} aria-label="不能导出的原因" data-testid="export-blockers">
          {readiness.blockers.map((b) => (
            <li key={b.text}>
              {b.count ? `${b.text}:${b.count} 处` : b.text}
              {b.first && (
                <>
                  {' '}
                  <Link as="button" onClick={() => controller.showProblem(b.first!)}>
                    查看{b.count && b.count > 1 ? '第一处' : ''}
                    {b.first.cell ? `(${b.first.sheet}!${b.first.cell})` : ''}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.refusal && (
        <>
          <Subtitle2 as="h2" className={styles.heading}>
            导出时发现的问题
          </Subtitle2>
          <ul className={styles.list} data-testid="export-refusal">
            {state.refusal.map((place) => (
              <li key={place} className={styles.place}>
                {place}
              </li>
            ))}
          </ul>
        </>
      )}
      {state.capabilities.saveBeside && <Text>材料包保存在工作簿所在的文件夹中;文件夹里已有同名材料包时不会覆盖,新的一份另取名。</Text>}
      <Button appearance="primary" disabled={!readiness.ready || state.busy} onClick={() => void controller.exportPackage()}>
        导出材料包
      </Button>
      {state.saveOffer && (
        <MessageBar intent="warning" data-testid="save-offer">
          <MessageBarBody>
            <MessageBarTitle>需要先保存工作簿</MessageBarTitle>
            {state.saveOffer}
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={state.busy} onClick={() => void controller.saveAndExport()}>
              保存并导出
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.splitOffer && <SplitOffer offer={state.splitOffer} busy={state.busy} />}
      <PaperReportButton state={state} />
      {state.exported && (
        <div className={styles.done} data-testid="export-done">
          <Text weight="semibold">
            {state.exported.how === 'beside' ? '已保存到' : state.exported.how === 'picker' ? '已保存' : '已交给浏览器下载'} {state.exported.path ?? state.exported.fileName}
          </Text>
          <br />
          <Text>其中的工作簿:{WORKBOOK_SOURCE_LABEL[state.exported.workbookSource]}。</Text>
          {state.exported.folder && (
            <>
              <br />
              <Button size="small" onClick={() => void controller.openFolder(state.exported!.folder!)}>
                打开文件夹
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
