/**
 * The adapter against the double once per Excel it meets (Microsoft 365, Office 2021, Office 2019, Excel on the
 * web, Excel for Mac): each profile refuses the APIs its Excel lacks, so a call outside the profile fails here as
 * it would for a registrar. Formatting as Excel stores it (theme colour with tint, pattern fill, a note, a modern
 * comment) must come back exactly after 清除标记, and the whole flow (read, validate, mark, fix, file) must work.
 */
import { findMarksInFile } from '../../src/excel/file-marks';
import { MARK_STYLE, NOTE_PREFIX } from '../../src/excel/marks';
import { createExcelHost } from '../../src/excel/host';
import { validateWorkbook } from '../../src/rules/engine';
import type { CellSpec, SheetSpec } from '../excel-double';
import { ADAPTER_PROFILES, PROFILES } from '../excel-double/profiles';
import { tinted } from '../excel-double/tint';
import { workbookFile } from '../excel-double/xlsx-file';
import { looks, problem } from './looks';
import { useDouble } from './use-double';
import { newStudentSheet } from './workbooks';

const open = useDouble();
const minor = (v: string | undefined) => (v ? Number(v.split('.')[1]) : 0);

/** 白色, 背景 1, 深色 15%: the theme's white with a −0.15 tint, as Excel reports it (colour + tintAndShade). */
const THEME_WHITE_DARKER_15: CellSpec = { fill: { color: '#FFFFFF', tintAndShade: -0.15 } };

/**
 * A 新生 table as a registrar keeps it: the first two 学号 out of order, C3 in a theme colour with a tint, C4 a
 * pattern fill, D3 with the registrar's own note, D4 with a modern comment.
 */
function registrarSheet(): SheetSpec {
  const sheet = newStudentSheet(4);
  const rows = sheet.rows!.map((r) => [...r]);
  [rows[2][2], rows[3][2]] = [rows[3][2], rows[2][2]];
  rows[2][2] = { value: rows[2][2] as string, ...(THEME_WHITE_DARKER_15 as object) };
  rows[3][2] = { value: rows[3][2] as string, fill: { color: '#92D050', pattern: 'Gray25', patternColor: '#7030A0' } };
  rows[2][3] = { value: rows[2][3] as string, note: '学生本人说明' };
  rows[3][3] = { value: rows[3][3] as string, comment: '请核对姓名' };
  return { ...sheet, rows };
}

const MARKED = [
  problem('新生', 'C3', 'error', '学号顺序不对'),
  problem('新生', 'C4', 'warning', '学号格式'),
  problem('新生', 'D3', 'error', '姓名不对'),
  problem('新生', 'D4', 'warning', '姓名有空格'),
  problem('新生', 'E5', 'error', '更正内容不对'),
];

describe.each(ADAPTER_PROFILES)('%s', (profile) => {
  const api = minor(PROFILES[profile].requirements.ExcelApi);

  test('marks the cells and 清除标记 restores theme colours, tints, patterns, notes and comments exactly', async () => {
    const { host, double } = open({ profile, sheets: [registrarSheet()] });
    const before = looks(double.state, '新生');
    if (api < 9) {
      // A tint or a pattern cannot be read back before ExcelApi 1.9: no marks, the pane lists the problems.
      expect(host.capabilities.marks).toBe(false);
      await expect(host.markProblems(MARKED)).rejects.toThrow(/无法原样还原/);
      expect(looks(double.state, '新生')).toEqual(before);
      return;
    }
    await host.markProblems(MARKED);
    const marked = looks(double.state, '新生');

    expect(marked.cells.E5).toMatchObject({ fill: { color: MARK_STYLE.error.fill, pattern: 'Solid' }, font: { color: MARK_STYLE.error.font } });
    expect(marked.cells.C3).toMatchObject({ fill: { color: MARK_STYLE.error.fill, pattern: 'Solid', tintAndShade: 0 } });
    expect(marked.cells.C4).toMatchObject({ fill: { color: MARK_STYLE.warning.fill, pattern: 'Solid' } });
    // The comment is never touched; a note is added only where notes exist and the cell has neither.
    expect(marked.comments).toEqual({ D4: '请核对姓名' });
    expect(marked.notes.D3).toBe('学生本人说明');
    expect(marked.notes.D4).toBeUndefined();
    if (api >= 18) expect(marked.notes.E5).toBe(`${NOTE_PREFIX}\n更正内容不对`);
    else expect(marked.notes).toEqual(before.notes);

    await host.clearMarks();
    expect(looks(double.state, '新生')).toEqual(before);
    expect(double.state.customXmlParts).toEqual([]);
  });

  test('reads, validates, marks, fixes the order and hands over the workbook without marks', async () => {
    const { double } = open({ profile, sheets: [registrarSheet()], file: workbookFile });
    const host = createExcelHost({ storageRetryMs: [0, 0] });
    const result = validateWorkbook(await host.readWorkbook(), { asOf: '2025-10-01' });
    const sort = result.problems.find((p) => p.rule === 'sort-order' && p.fix)!;
    expect(sort).toBeDefined();
    const marks = host.capabilities.marks;
    if (marks) await host.markProblems(result.problems);
    expect(double.state.customXmlParts).toHaveLength(marks ? 1 : 0);

    const outcome = await host.applyFix(sort.fix!);
    expect(outcome.undoable).toBe(api >= 20);
    const grid = await host.readWorkbook();
    const again = validateWorkbook(grid, { asOf: '2025-10-01' });
    expect(again.problems.filter((p) => p.rule === 'sort-order')).toEqual([]);
    // Whole rows moved: the note and the comment went with their rows.
    const moved = looks(double.state, '新生');
    expect(moved.notes.D4).toBe('学生本人说明');
    expect(moved.comments.D3).toBe('请核对姓名');

    if (marks) await host.markProblems(MARKED);
    const file = await host.getWorkbookFile(grid);
    expect(file.source).toBe('office-file');
    expect(file.lastSaved).toBe(profile === 'web');
    await expect(findMarksInFile(file.bytes)).resolves.toBe('clean');
    // The marks are back on the open workbook after the file was taken.
    expect(double.state.customXmlParts).toHaveLength(marks ? 1 : 0);
  });

  test('waits while the registrar is typing in a cell, where Excel can (delayForCellEdit)', async () => {
    const { host, double } = open({ profile, sheets: [newStudentSheet(2)] });
    double.user.editCell(true);
    const reading = host.readWorkbook();
    if (api >= 11) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(double.syncCount()).toBe(0);
      double.user.editCell(false);
      await expect(reading).resolves.toMatchObject({ sheets: [{ name: '新生' }] });
    } else {
      await expect(reading).rejects.toThrow(/单元格编辑状态.*按 Enter 或 Esc/);
    }
  });

  test('finds a merged area that starts left of the used range', async () => {
    // Column A is empty, so the used range starts at B; the empty merged A4:B4 starts outside it.
    const sheet = newStudentSheet(3);
    const { host } = open({ profile, sheets: [{ ...sheet, origin: 'B1', merges: ['B1:L1', 'A4:B4'] }] });
    const grid = await host.readWorkbook();
    if (api >= 13) expect(grid.sheets[0].merges).toEqual(['B1:L1', 'A4:B4']);
    else expect(grid.sheets[0].merges).toBeUndefined();
  });
});

describe('the double is as strict as Excel', () => {
  test('a batch without delayForCellEdit fails in cell edit mode', async () => {
    const { double } = open({ sheets: [newStudentSheet(1)] });
    double.user.editCell(true);
    await expect(
      double.Excel.run(async (context: Excel.RequestContext) => {
        context.workbook.worksheets.load('items');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  test.each([
    ['office-2019', 'RangeFill.pattern'],
    ['office-2021', 'notes'],
  ] as const)('%s refuses %s, which its Excel does not have', async (profile, api) => {
    const { double } = open({ profile, sheets: [newStudentSheet(1)] });
    await expect(
      double.Excel.run(async (context: Excel.RequestContext) => {
        const sheet = context.workbook.worksheets.getItem('新生');
        if (api === 'notes') sheet.notes.add('A3', 'x');
        else sheet.getRange('A3').format.fill.load('pattern');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('getMergedAreas returns only the merged areas whose top-left cell is in the range', async () => {
    const { double } = open({ sheets: [{ name: 'S', rows: [['a', 'b', 'c']], merges: ['A1:B2'] }] });
    const addresses = await double.Excel.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const inner = sheet.getRange('B1:C2').getMergedAreasOrNullObject().load('address');
      const outer = sheet.getRange('A1:C2').getMergedAreasOrNullObject().load('address');
      await context.sync();
      return [inner.isNullObject, outer.address];
    });
    expect(addresses).toEqual([true, 'S!A1:B2']);
  });

  test('a sort leaves hidden rows where they are, as Excel documents', async () => {
    const { double } = open({ sheets: [{ name: 'S', rows: [['c'], ['b'], ['a']], hiddenRows: [2] }] });
    await double.Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A3').sort.apply([{ key: 0, ascending: true }]);
      await context.sync();
    });
    expect([0, 1, 2].map((r) => double.state.sheets[0].cells.get(r * 16_384)?.value)).toEqual(['a', 'b', 'c']);
    const { double: other } = open({ sheets: [{ name: 'S', rows: [['c'], ['a'], ['b']], hiddenRows: [1] }] });
    await other.Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A3').sort.apply([{ key: 0, ascending: true }]);
      await context.sync();
    });
    // Row 1 ("c") is hidden and stays; the visible rows 2–3 are sorted among themselves.
    expect([0, 1, 2].map((r) => other.state.sheets[0].cells.get(r * 16_384)?.value)).toEqual(['c', 'a', 'b']);
  });

  test('a note cannot be added to a cell that holds a modern comment', async () => {
    const { double } = open({ sheets: [{ name: 'S', rows: [[{ value: 'x', comment: '批注' }]] }] });
    await expect(
      double.Excel.run(async (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem('S').notes.add('A1', 'note');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('writing to a protected sheet is AccessDenied', async () => {
    const { double } = open({ sheets: [{ name: 'S', rows: [['x']], protected: true }] });
    await expect(
      double.Excel.run(async (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = '#FF0000';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

test('a note Excel refuses where the comment check did not foresee it loses only the note, never the batch', async () => {
  const { host, double } = open({ sheets: [registrarSheet()] });
  // As if the comment came after the check (a co-author on the web): the adapter does not see D4's comment.
  const supported = double.Office.context.requirements.isSetSupported;
  jest.spyOn(double.Office.context.requirements, 'isSetSupported').mockImplementation((name, version) => !(name === 'ExcelApi' && version === '1.10') && supported(name, version));
  const before = looks(double.state, '新生');
  await host.markProblems(MARKED);
  const marked = looks(double.state, '新生');
  for (const cell of ['C3', 'C4', 'D3', 'D4', 'E5']) expect(marked.cells[cell].fill.color).toMatch(/^#FF(C7CE|EB9C)$/);
  expect(marked.comments).toEqual({ D4: '请核对姓名' });
  expect(marked.notes.D4).toBeUndefined();
  await host.clearMarks();
  expect(looks(double.state, '新生')).toEqual(before);
});

/** What each cell shows: fill and font colours with their tints applied (the theme link itself is not visible). */
function shown(workbook: Parameters<typeof looks>[0]) {
  const cells = looks(workbook, '新生').cells as Record<string, { fill: { color: string; pattern: string; patternColor: string; tintAndShade: number }; font: { color: string; tintAndShade: number } }>;
  return Object.fromEntries(
    Object.entries(cells).map(([a, c]) => [a, { fill: c.fill.pattern === 'None' ? 'none' : `${tinted(c.fill.color, c.fill.tintAndShade)} ${c.fill.pattern} ${c.fill.patternColor}`, font: tinted(c.font.color, c.font.tintAndShade) }]),
  );
}

test.each(['base', 'shown'] as const)('a tinted theme colour looks exactly as before after 清除标记, whether Excel reads its colour as the %s colour', async (colorReads) => {
  const sheet = registrarSheet();
  sheet.rows![4][2] = { value: sheet.rows![4][2] as string, font: { color: '#4472C4', tintAndShade: -0.25 } };
  const { host, double } = open({ colorReads, sheets: [sheet] });
  const before = shown(double.state);
  expect(before.C3.fill).toMatch(/^#D9D9D9 Solid/);
  expect(before.C5.font).toBe('#2F5597');
  const problems = [...MARKED, problem('新生', 'C5', 'warning', '学号')];
  await host.markProblems(problems);
  await host.markProblems(problems);
  await host.clearMarks();
  expect(shown(double.state)).toEqual(before);
});
