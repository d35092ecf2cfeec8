/** A scan's thumbnail, decoded at thumbnail size when the row is first drawn (the path beside it names the file). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useController } from '../use-pane';

const useStyles = makeStyles({
  thumb: { width: '48px', height: '48px', objectFit: 'contain', border: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0, boxSizing: 'border-box' },
});

/**
 * `wait`: not decoded yet while true. The scan list passes the pane's busy state, so that the thumbnails of the
 * rows in view are decoded after a pick, not in the worker in between the files it inspects.
 */
export function Thumbnail({ blob, wait = false }: { blob: Blob; wait?: boolean }) {
  const styles = useStyles();
  const controller = useController();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (wait) return;
    let shown = true;
    void controller.thumbnail(blob).then((u) => shown && setUrl(u));
    return () => {
      shown = false;
    };
  }, [controller, blob, wait]);
  // Decorative: the file's path is written next to it, so a screen reader does not hear the name twice.
  return url ? <img className={styles.thumb} src={url} alt="" /> : <div className={styles.thumb} aria-hidden="true" />;
}
