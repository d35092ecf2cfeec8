import { MARKS_NAMESPACE } from '../../src/excel/mark-store';
import { MARK_STYLE, NOTE_PREFIX, markTargets } from '../../src/excel/marks';
import { createExcelHost } from '../../src/excel/host';
import type { WorkbookSpec } from '../excel-double';
import { cellOf, looks, problem } from './looks';
import { useDouble } from './use-double';

const open = useDouble();

/** A sheet with the user's own formatting on the cells the tests mark. */
const spec = (over: Partial<WorkbookSpec> = {}): WorkbookSpec => ({
  sheets: [
    {
      name: '新生',
      rows: [
        ['学号', '姓名', '更正原因'],
        [{ value: '2509001200001', fill: { color: '#00B0F0' }, font: { color: '#FF0000', bold: true } }, '张三', '录入'],
        [{ value: '2509001200002', fill: { color: '#92D050', pattern: 'Gray25', patternColor: '#7030A0', tintAndShade: 0.4 } }, { value: '李四', note: '学生本人说明' }, null],
      ],
    },
  ],
  ...over,
});

const problems = [
  problem('新生', 'A2', 'error', '学号格式不对'),
  problem('新生', 'A2', 'warning', '学号以数字存储'),
  problem('新生', 'C2', 'warning', '更正原因应为录入错误或信息变更'),
  problem('新生', 'A3', 'warning', '有空格'),
  problem('新生', 'B3', 'error', '姓名不对'),
  problem('新生', 'C3', 'error', '必填'),
  problem('新生', 'D9', 'info', '只是提示'),
];

describe('marking problem cells', () => {
  test('one mark per cell with the highest severity; info and placeless problems are not marked', () => {
    const targets = markTargets([...problems, { ...problems[0], cell: null }, { ...problems[0], cell: 'A1:B2' }]);
    expect(targets.map((t) => [t.address, t.severity, t.messages.length])).toEqual([
      ['A2', 'error', 2],
      ['C2', 'warning', 1],
      ['A3', 'warning', 1],
      ['B3', 'error', 1],
      ['C3', 'error', 1],
    ]);
  });

  test('fills and notes the cells, leaves the user’s note alone, and 清除标记 restores everything exactly', async () => {
    const { host, double } = open(spec());
    const before = looks(double.state, '新生');
    await host.markProblems(problems);

    expect(cellOf(double.state, '新生', 'A2')).toMatchObject({ fill: { color: MARK_STYLE.error.fill, pattern: 'Solid' }, font: { color: MARK_STYLE.error.font, bold: true } });
    expect(cellOf(double.state, '新生', 'C2')).toMatchObject({ fill: { color: MARK_STYLE.warning.fill }, font: { color: MARK_STYLE.warning.font } });
    expect(cellOf(double.state, '新生', 'C3')).toMatchObject({ value: null, fill: { color: MARK_STYLE.error.fill } });
    const notes = looks(double.state, '新生').notes;
    expect(notes.A2).toBe(`${NOTE_PREFIX}\n学号格式不对\n学号以数字存储`);
    expect(notes.B3).toBe('学生本人说明');
    expect(double.state.customXmlParts.map((p) => p.namespaceUri)).toEqual([MARKS_NAMESPACE]);

    await host.clearMarks();
    expect(looks(double.state, '新生')).toEqual(before);
    expect(double.state.customXmlParts).toEqual([]);
  });

  test('validating again replaces the old marks', async () => {
    const { host, double } = open(spec());
    const before = looks(double.state, '新生');
    await host.markProblems(problems);
    await host.markProblems([problem('新生', 'B2', 'warning', '新问题'), problem('新生', 'A2', 'warning', '只剩警告')]);
    const now = looks(double.state, '新生');
    expect(now.cells.A3).toEqual(before.cells.A3);
    expect(now.cells.C3).toEqual(before.cells.C3);
    expect(now.cells.A2).toMatchObject({ fill: { color: MARK_STYLE.warning.fill }, font: { color: MARK_STYLE.warning.font } });
    expect(now.notes.A2).toBe(`${NOTE_PREFIX}\n只剩警告`);
    expect(now.notes.A3).toBeUndefined();
    expect(double.state.customXmlParts).toHaveLength(1);
    await host.clearMarks();
    expect(looks(double.state, '新生')).toEqual(before);
  });

  test('a colour or note the user changed after marking is kept', async () => {
    const { host, double } = open(spec());
    await host.markProblems(problems);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('新生');
      sheet.getRange('A2').format.fill.color = '#FFFF00';
      sheet.notes.getItem('C3').content = '我的备注';
      await context.sync();
    });
    await host.clearMarks();
    expect(cellOf(double.state, '新生', 'A2')).toMatchObject({ fill: { color: '#FFFF00' }, font: { color: '#FF0000', bold: true } });
    expect(looks(double.state, '新生').notes.C3).toBe('我的备注');
  });

  test('the record survives reopening and renaming the sheet', async () => {
    const { host, double } = open(spec());
    const before = looks(double.state, '新生');
    await host.markProblems(problems);
    double.state.sheets[0].name = '新生名单';
    await createExcelHost().clearMarks();
    expect(looks(double.state, '新生名单')).toEqual(before);
  });

  test('without notes (before ExcelApi 1.18) the cells are still marked and restored', async () => {
    const { host, double } = open(spec({ requirements: { ExcelApi: '1.17', SharedRuntime: '1.1' } }));
    const before = looks(double.state, '新生');
    await host.markProblems(problems);
    expect(cellOf(double.state, '新生', 'B3')).toMatchObject({ fill: { color: MARK_STYLE.error.fill } });
    expect(looks(double.state, '新生').notes).toEqual(before.notes);
    await host.clearMarks();
    expect(looks(double.state, '新生')).toEqual(before);
  });

  test('an unreadable record in our namespace is dropped, not trusted', async () => {
    const { host, double } = open(spec());
    double.state.customXmlParts.push({ id: '{X}', namespaceUri: MARKS_NAMESPACE, xml: `<marks xmlns="${MARKS_NAMESPACE}">[[not json</marks>` });
    const before = looks(double.state, '新生');
    await host.markProblems(problems);
    expect(double.state.customXmlParts).toHaveLength(1);
    await host.clearMarks();
    expect(looks(double.state, '新生')).toEqual(before);
    expect(double.state.customXmlParts).toEqual([]);
  });

  test('a protected sheet is not marked', async () => {
    const { host, double } = open(spec());
    double.state.sheets[0].protected = true;
    const before = looks(double.state, '新生');
    await host.markProblems(problems);
    expect(looks(double.state, '新生')).toEqual(before);
    expect(double.state.customXmlParts).toEqual([]);
  });

  test('cells of one look, coloured by the user, are asked as one RangeAreas, marked, and restored exactly', async () => {
    const shaded = { fill: { color: '#DDEBF7', tintAndShade: 0.25 }, font: { color: '#203864' } };
    const rows = Array.from({ length: 40 }, (_, i) => [{ value: `25090012000${String(i).padStart(2, '0')}`, ...shaded }, `学生${i}`]);
    const { host, double } = open({ sheets: [{ name: '新生', rows }] });
    const before = looks(double.state, '新生');
    const many = rows.map((_, i) => problem('新生', `A${i + 1}`, i % 2 ? 'warning' : 'error', '学号格式不对'));
    const n = double.syncCount();
    await host.markProblems(many);
    // The state, the looks of all 40 cells at once, the record, the colours with the notes: none one by one.
    expect(double.syncCount() - n).toBe(4);
    expect(cellOf(double.state, '新生', 'A1')?.fill).toMatchObject({ color: MARK_STYLE.error.fill, pattern: 'Solid' });
    expect(cellOf(double.state, '新生', 'A2')?.font).toMatchObject({ color: MARK_STYLE.warning.font });
    expect(looks(double.state, '新生').notes.A40).toBe(`${NOTE_PREFIX}\n学号格式不对`);
    await host.clearMarks();
    expect(looks(double.state, '新生')).toEqual(before);
  });

  test('sync calls: five to mark a first time (the looks by group, then cell by cell as the sheet has a note and colours; the record alone), nine to replace marks (two to check the tinted A3), five to clear (one to check it), one when there is nothing to clear', async () => {
    const { host, double } = open(spec());
    let n = double.syncCount();
    await host.markProblems(problems);
    expect(double.syncCount() - n).toBe(5);
    n = double.syncCount();
    await host.markProblems(problems);
    expect(double.syncCount() - n).toBe(9);
    n = double.syncCount();
    await host.clearMarks();
    expect(double.syncCount() - n).toBe(5);
    n = double.syncCount();
    await host.clearMarks();
    expect(double.syncCount() - n).toBe(1);
  });
});
