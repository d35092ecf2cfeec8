import { MARK_STYLE, NOTE_PREFIX } from '../../src/excel/marks';
import { createWpsHost } from '../../src/wps/host';
import { MARKS_SHEET } from '../../src/wps/hidden-sheet';
import { bgr } from '../../src/wps/values';
import { XL_NONE, XL_SOLID, isUsed } from '../wps-double/state';
import { cellAt, openWps, problem } from './support';

/** The registrar's own formatting on the cells the tests mark: a blue fill with red font, a patterned fill, a comment. */
const sheets = () => [
  {
    name: '新生',
    rows: [
      ['学号', '姓名', '更正原因'],
      [{ value: '2509001200001', fill: bgr('#00B0F0'), fontColor: bgr('#FF0000') }, '张三', '录入'],
      ['2509001200002', { value: '李四', comment: '学生本人说明' }, null],
    ],
  },
];

const problems = [
  problem('新生', 'A2', 'error', '学号格式不对'),
  problem('新生', 'A2', 'warning', '学号以数字存储'),
  problem('新生', 'C2', 'warning', '更正原因应为录入错误或信息变更'),
  problem('新生', 'B3', 'error', '姓名不对'),
  problem('新生', 'C3', 'error', '必填'),
  problem('新生', 'D9', 'info', '只是提示'),
];

/** Each used cell's value, fill, font colour and comment, to compare before and after (untouched cells left out). */
const looks = (double: ReturnType<typeof openWps>['double']) =>
  JSON.stringify([...double.book.sheets.find((s) => s.name === '新生')!.cells].filter(([, c]) => isUsed(c)).map(([k, c]) => [k, c.value, c.fill, c.font.color, c.comment]));

describe('marks in WPS', () => {
  test('marks in BGR colours with a comment, recorded in a very-hidden sheet; the active sheet stays', async () => {
    const { host, double } = openWps({ sheets: sheets() });
    await host.markProblems(problems);
    expect(cellAt(double, '新生', 'A2')).toMatchObject({ fill: { color: bgr(MARK_STYLE.error.fill), pattern: XL_SOLID }, font: { color: bgr(MARK_STYLE.error.font) } });
    expect(cellAt(double, '新生', 'C2')).toMatchObject({ fill: { color: 0x9cebff }, font: { color: 0x00579c } });
    expect(cellAt(double, '新生', 'A2')!.comment).toBe(`${NOTE_PREFIX}\n学号格式不对\n学号以数字存储`);
    // The registrar's own comment is kept; the cell is still coloured.
    expect(cellAt(double, '新生', 'B3')).toMatchObject({ comment: '学生本人说明', fill: { color: bgr(MARK_STYLE.error.fill) } });
    expect(cellAt(double, '新生', 'D9')).toBeUndefined();
    const record = double.book.sheets.find((s) => s.name === MARKS_SHEET)!;
    expect(record.visible).toBe(2);
    expect(double.book.active.name).toBe('新生');
    expect(double.app.displayAlerts).toBe(true);
    expect(double.app.screenUpdating).toBe(true);
  });

  test('清除标记 restores fills, font colours and comments exactly, also from a new session (record in the workbook)', async () => {
    const { host, double, wps } = openWps({ sheets: sheets() });
    const before = looks(double);
    await host.markProblems(problems);
    expect(looks(double)).not.toBe(before);
    // WPS restarted: a new pane, nothing in memory or in PluginStorage, only what the workbook holds.
    double.storage.clear();
    await createWpsHost(wps).clearMarks();
    expect(looks(double)).toBe(before);
    expect(double.book.sheets.map((s) => s.name)).toEqual(['新生']);
    expect(cellAt(double, '新生', 'C3')!.fill.pattern).toBe(XL_NONE);
  });

  test('validating again replaces the marks; a colour the registrar chose after marking is kept', async () => {
    const { host, double } = openWps({ sheets: sheets() });
    await host.markProblems(problems);
    await host.markProblems([problem('新生', 'C3', 'warning', '必填')]);
    expect(cellAt(double, '新生', 'A2')).toMatchObject({ fill: { color: bgr('#00B0F0') }, font: { color: bgr('#FF0000') }, comment: null });
    expect(cellAt(double, '新生', 'C3')).toMatchObject({ fill: { color: bgr(MARK_STYLE.warning.fill) } });
    // The registrar paints C3 green: clearing leaves it green.
    cellAt(double, '新生', 'C3')!.fill = { color: bgr('#92D050'), pattern: XL_SOLID, patternColor: 0 };
    await host.clearMarks();
    expect(cellAt(double, '新生', 'C3')!.fill.color).toBe(bgr('#92D050'));
    expect(double.book.sheets).toHaveLength(1);
  });

  test('nothing to mark leaves the workbook unchanged (and saved)', async () => {
    const { host, double } = openWps({ sheets: sheets() });
    await host.markProblems([problem('新生', 'A2', 'info', '提示')]);
    expect(double.book.saved).toBe(true);
    expect(double.book.sheets).toHaveLength(1);
  });
});
