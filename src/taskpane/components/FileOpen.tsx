/** Outside Office: opening the .xlsx workbook to check, and what this mode cannot do. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useController } from '../use-pane';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

export function FileOpen({ openedFile }: { openedFile: string | null }) {
  const styles = useStyles();
  const controller = useController();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>在浏览器中使用</MessageBarTitle>
          打开 .xlsx 工作簿即可校验、对应扫描件并导出材料包;文件只在本机读取,不会上传。此模式不能在表格中标记问题或直接修正,请按问题所列的单元格地址在
          Excel 或 WPS 中修改后重新打开。
        </MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Button appearance={openedFile ? 'secondary' : 'primary'} onClick={() => input.current?.click()}>
          打开工作簿
        </Button>
        <Text data-testid="opened-file">{openedFile ?? '尚未打开工作簿'}</Text>
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="工作簿文件"
        data-testid="workbook-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void controller.openFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
