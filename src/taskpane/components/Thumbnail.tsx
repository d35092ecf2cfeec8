/** A scan's thumbnail, decoded at thumbnail size when the row is first drawn (the path beside it names the file). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useController } from '../use-pane';

const useStyles = makeStyles({
  thumb: { width: '48px', height: '48px', objectFit: 'contain', border: `1px solid ${tokens.colorNeutralStroke2}`, flexShrink: 0, boxSizing: 'border-box' },
});

export function Thumbnail({ blob }: { blob: Blob }) {
  const styles = useStyles();
  const controller = useController();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let shown = true;
    void controller.thumbnail(blob).then((u) => shown && setUrl(u));
    return () => {
      shown = false;
    };
  }, [controller, blob]);
  // Decorative: the file's path is written next to it, so a screen reader does not hear the name twice.
  return url ? <img className={styles.thumb} src={url} alt="" /> : <div className={styles.thumb} aria-hidden="true" />;
}
