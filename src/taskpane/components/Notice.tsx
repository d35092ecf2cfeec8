/** The pane's notice: what the last action found or why it could not run (announced when it appears). */
import { MessageBar, MessageBarBody, makeStyles } from '@fluentui/react-components';
import type { Notice as NoticeState } from '../state';

const useStyles = makeStyles({ body: { whiteSpace: 'pre-line' } });

export function Notice({ notice }: { notice: NoticeState }) {
  const styles = useStyles();
  return (
    <MessageBar intent={notice.intent} data-testid="notice" data-intent={notice.intent} layout="multiline">
      <MessageBarBody className={styles.body}>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
