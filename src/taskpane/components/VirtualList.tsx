/**
 * A list that draws only the rows in view (plus a few), in its own scrolling box: 5,000 student cards cost what
 * twenty do. Row heights are measured as drawn (messages wrap differently at 350 and 450 px). Rows marked sticky
 * (section headings) stay at the top while their section scrolls, so the reader always sees which sheet they are in.
 */
import { type Range, defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';

const useStyles = makeStyles({
  scroller: { flexGrow: 1, flexShrink: 1, flexBasis: 0, minHeight: '240px', overflowY: 'auto', overflowX: 'hidden', position: 'relative', contain: 'strict' },
  sticky: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  row: { position: 'absolute', top: 0, left: 0, width: '100%' },
});

export interface VirtualListProps<T> {
  items: T[];
  getKey: (item: T) => string;
  /** A first guess of a row's height in px, before it is measured. */
  estimateSize: (item: T) => number;
  render: (item: T) => ReactNode;
  /** The list's name for screen readers (the scrolling box is a labelled region one can scroll from the keyboard). */
  label: string;
  testId?: string;
  isSticky?: (item: T) => boolean;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const styles = useStyles();
  const { items, getKey, estimateSize, render, isSticky } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const stickyIndexes = useMemo(() => (isSticky ? items.flatMap((item, i) => (isSticky(item) ? [i] : [])) : []), [items, isSticky]);
  const activeSticky = useRef(-1);
  const rangeExtractor = useCallback(
    (range: Range) => {
      let active = -1;
      for (const i of stickyIndexes) if (i <= range.startIndex) active = i;
      activeSticky.current = active;
      const indexes = defaultRangeExtractor(range);
      return active >= 0 && !indexes.includes(active) ? [active, ...indexes] : indexes;
    },
    [stickyIndexes],
  );
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimateSize(items[i]),
    getItemKey: (i) => getKey(items[i]),
    overscan: 4,
    rangeExtractor,
  });
  return (
    <div ref={scroller} className={styles.scroller} role="region" aria-label={props.label} tabIndex={0} data-testid={props.testId}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const sticky = row.index === activeSticky.current;
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={sticky ? styles.sticky : styles.row}
              style={sticky ? undefined : { transform: `translateY(${row.start}px)` }}
            >
              {render(items[row.index])}
            </div>
          );
        })}
      </div>
    </div>
  );
}
