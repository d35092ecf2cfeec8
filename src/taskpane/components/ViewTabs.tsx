/**
 * The pane's view tabs: the WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/) on plain buttons,
 * drawn like Fluent's small TabList. Fluent's TabList brings tabster for its arrow keys (about 22 KB gzipped of
 * the first paint's 105 KB, `npm run bench -- pane-js`); the pattern needs a roving tabindex and five keys.
 * As in Fluent's TabList, the arrow keys move the focus and Enter or Space (a button's click) selects.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useRef } from 'react';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  tab: {
    position: 'relative',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    cursor: 'pointer',
    // The indicator under the tab: brand colour when selected, a neutral stroke on hover.
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      bottom: 0,
      height: tokens.strokeWidthThick,
      borderRadius: tokens.borderRadiusCircular,
    },
    ':hover': { color: tokens.colorNeutralForeground2Hover, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
  },
});

export interface ViewTab<T extends string> {
  id: T;
  label: string;
}

export function ViewTabs<T extends string>({ tabs, selected, onSelect, label }: { tabs: ViewTab<T>[]; selected: T; onSelect: (id: T) => void; label: string }) {
  const styles = useStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    buttons.current[to]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(b) => void (buttons.current[i] = b)}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={t.id === selected ? 'view-panel' : undefined}
          tabIndex={t.id === selected ? 0 : -1}
          className={mergeClasses(styles.tab, t.id === selected && styles.selected)}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
