/**
 * Accessibility checks of the pane in the browser: axe-core (from node_modules, evaluated in the page, so the
 * page's Content-Security-Policy stays as it is and nothing is fetched), the heading levels, and a recorder of what
 * the pane announces to screen readers (Fluent's AriaLiveAnnouncer uses document.ariaNotify where it exists).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An init script: records every announcement in window.__announced. */
export const RECORD_ANNOUNCEMENTS = `window.__announced = [];
Document.prototype.ariaNotify = function (message) { window.__announced.push(String(message)); };`;

export async function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Fluent's focus manager (tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` around focus groups
 * (the tab list, toolbars) to hand focus on at once; axe's aria-hidden-focus flags them, a known false positive that
 * Microsoft's own Accessibility Insights suppresses. Those nodes alone are left out; the rule still runs on the rest.
 */
const isTabsterDummy = (rule: string, html: string) => rule === 'aria-hidden-focus' && html.includes('data-tabster-dummy');

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE};0`);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`) }));
}

/** The levels of the headings shown, in document order. */
export async function headingLevels(page: Page): Promise<number[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => Number(e.tagName[1])));
}

/** Where a heading level jumps by more than one (h1 → h3), as "h1→h3". */
export function headingJumps(levels: number[]): string[] {
  return levels.flatMap((l, i) => (i === 0 ? (l === 1 ? [] : [`start→h${l}`]) : l > levels[i - 1] + 1 ? [`h${levels[i - 1]}→h${l}`] : []));
}
