/**
 * The corpus of table layouts: every layout of a compliant submission gives no error and no warning (but the
 * 个例 warning `graduate-late` the SPEC puts on every graduate row), reads every student row and no footer line;
 * each planted mistake gives exactly its one problem more, on its cell.
 *
 * Evidence is out of this corpus (scans have their own, test/scan): without scans the evidence rules only say
 * `evidence-not-checked` (info), which is expected here. The as-of date is fixed (submission.ts).
 */
import { validateWorkbook } from '../../../src/rules/engine';
import type { SheetGrid } from '../../../src/rules/grid';
import type { Problem } from '../../../src/rules/problem';
import { type Layout, LAYOUTS } from './layouts';
import { MISTAKES } from './mistakes';
import { AS_OF, type Kind, compliantSubmission } from './submission';

const KINDS: Kind[] = ['new', 'enrolled', 'graduate'];
const show = (p: Pick<Problem, 'rule' | 'severity' | 'sheet' | 'cell'>) => `${p.rule} ${p.severity} ${p.sheet ?? ''}!${p.cell ?? ''}`;
const validate = (sheets: SheetGrid[]) => validateWorkbook({ sheets }, { asOf: AS_OF });

/** Elements of `a` not matched one for one in `b`. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** What a compliant workbook of this layout must give: graduate-late on every graduate row, and infos. */
function expectedOfCompliant(layout: Layout): string[] {
  const sub = compliantSubmission();
  const built = layout.build(sub);
  const tableSheets = new Set(KINDS.map((k) => built.where(k, 0, '更正内容').sheet));
  return [
    ...sub.graduate.map((_, i) => show({ rule: 'graduate-late', severity: 'warning', ...built.where('graduate', i, '注册证号') })),
    show({ rule: 'evidence-not-checked', severity: 'info', sheet: null, cell: null }),
    ...built.sheets.filter((s) => !tableSheets.has(s.name)).map((s) => show({ rule: 'sheet-skipped', severity: 'info', sheet: s.name, cell: null })),
  ];
}

describe.each(LAYOUTS.map((l) => [l.name, l] as const))('%s', (_name, layout) => {
  const built = layout.build(compliantSubmission());
  const baseline = validate(built.sheets);

  it('compliant: no error and no warning but graduate-late on each graduate row', () => {
    expect(baseline.problems.map(show).sort()).toEqual(expectedOfCompliant(layout).sort());
  });

  it('reads each table whole, of the right kind, and no footer line as data', () => {
    const sub = compliantSubmission();
    const got = baseline.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, rows: t.rows.length }));
    expect(got).toEqual(KINDS.map((k) => ({ sheet: built.where(k, 0, '更正内容').sheet, kind: k, rows: sub[k].length })));
  });

  const cases = MISTAKES.flatMap((m) => {
    const sub = compliantSubmission();
    m.plant(sub);
    const planted = layout.build(sub);
    try {
      return [{ name: m.name, sheets: planted.sheets, want: show({ rule: m.rule, severity: m.severity, ...planted.where(m.at.kind, m.at.index, m.at.label) }) }];
    } catch {
      return []; // the layout has no column for this mistake
    }
  });
  it.each(cases.map((c) => [c.name, c] as const))('planted: %s → exactly its problem', (_n, c) => {
    const got = validate(c.sheets).problems.map(show);
    const before = baseline.problems.map(show);
    expect({ added: minus(got, before), lost: minus(before, got) }).toEqual({ added: [c.want], lost: [] });
  });
});

it('the corpus holds every layout and mistake it says', () => {
  expect(LAYOUTS.length).toBeGreaterThanOrEqual(12);
  expect(MISTAKES.length).toBeGreaterThanOrEqual(19);
});
