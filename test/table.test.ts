import { sheetFromValues } from '../src/rules/grid';
import { DEFAULT_POLICY } from '../src/rules/policy';
import { readSheet } from '../src/rules/table';
import { correctionSheet } from './helpers/sheets';

describe('readSheet', () => {
  it('finds the header under a title and a 分部名称 line, and stops at 注', () => {
    const sheet = sheetFromValues('Sheet1', [
      ['国家开放大学(原中央广播电视大学)在籍生基本信息修改情况统计表'],
      ['分部名称:北京分部', null, null, '填报日期:2026年11月'],
      ['序号', '学号', '姓  名', '更正内容', '更正前信息', '更正后信息', '更正原因'],
      [1, '2411001200001', '张三', '姓名', '张山', '张三', '录入错误'],
      [null],
      [2, '2411001200002', '李四', '民族', '汉', '回族', '信息变更'],
      ['注:(1)本表中“更正内容”指姓名、性别、身份证号、民族、入学文化程度。'],
      [3, 'not data'],
    ]);
    const { table } = readSheet(sheet, DEFAULT_POLICY);
    expect(table).not.toBeNull();
    expect(table!.kind).toBe('enrolled');
    expect(table!.kindSource).toBe('title');
    expect(table!.headerRow).toBe(3);
    expect(table!.columns).toMatchObject({ seq: 1, studentId: 2, name: 3, changeField: 4, before: 5, after: 6, reason: 7 });
    expect(table!.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(table!.blankRows).toEqual([5]);
  });

  it('reads a two-row header (更正信息 over 更正前 | 更正后)', () => {
    const sheet = sheetFromValues('毕业生', [
      ['序号', '注册证号', '姓名', '更正内容', '更正信息', null, '更正原因'],
      [null, null, null, null, '更正前', '更正后', null],
      [1, '511611202506000001', '王五', '性别', '男', '女', '录入错误'],
    ]);
    const { table } = readSheet(sheet, DEFAULT_POLICY);
    expect(table!.kind).toBe('graduate');
    expect(table!.columns).toMatchObject({ regNo: 2, before: 5, after: 6, reason: 7 });
    expect(table!.firstDataRow).toBe(3);
    expect(table!.rows).toHaveLength(1);
  });

  it('reads a two-row header whose key is merged down and whose change columns sit under 更正情况', () => {
    const sheet = sheetFromValues(
      '在籍生',
      [
        ['序号', '学号', '姓名', '更正情况', null, null, null, '备注'],
        [null, null, null, '更正内容', '更正前', '更正后', '更正原因', null],
        [1, '2409001250019', '吴敏', '民族', '汉族', '回族', '信息变更', null],
      ],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:G1', 'H1:H2'],
    );
    const { table } = readSheet(sheet, DEFAULT_POLICY);
    expect(table!.headerRow).toBe(1);
    expect(table!.columns).toMatchObject({ seq: 1, studentId: 2, name: 3, changeField: 4, before: 5, after: 6, reason: 7, remark: 8 });
    expect(table!.rows.map((r) => r.row)).toEqual([3]);
  });

  it.each([
    ['附表1', null, 'new', 'sheet-name'],
    ['附表2', null, 'enrolled', 'sheet-name'],
    ['附表3', null, 'graduate', 'sheet-name'],
    ['附表 二', null, 'enrolled', 'sheet-name'],
    ['附表1', '国家开放大学(原中央广播电视大学)在籍生基本信息修改情况统计表', 'enrolled', 'title'],
    ['Sheet1', '附表3:国家开放大学学生基本信息修改情况统计表', 'graduate', 'title'],
    ['附表2', '附表1:国家开放大学(原中央广播电视大学)在籍生基本信息修改情况统计表', 'enrolled', 'title'],
  ] as const)('sheet %s titled %s is %s (from the %s)', (name, title, kind, source) => {
    const { table } = readSheet(correctionSheet('new', [{ 学号: '2409001250019' }], { name, title }), DEFAULT_POLICY);
    expect(table!.kind).toBe(kind);
    expect(table!.kindSource).toBe(source);
  });

  it('the 注 lines above the header (as the seed writes them) do not decide the kind', () => {
    const sheet = sheetFromValues('附表2', [
      ['国家开放大学(原中央广播电视大学)学生基本信息修改情况统计表'],
      ['注:(1)本表中“更正内容”指姓名、性别、身份证号、民族、入学文化程度。'],
      ['(2)本表中“更正原因”指录入错误或信息变更,原则上在籍生只接受在读期间……不得拖延到毕业时。'],
      ['录入错误应在新生入学第一学期内提交修改申请。'],
      ['序号', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因'],
      [1, '2409001250019', '吴敏', '民族', '汉族', '回族', '信息变更'],
    ]);
    expect(readSheet(sheet, DEFAULT_POLICY).table).toMatchObject({ kind: 'enrolled', kindSource: 'sheet-name', headerRow: 5 });
  });

  it('says which labels are missing when a sheet looks like a table but has no header', () => {
    const sheet = sheetFromValues('新生', [['国家开放大学新生基本信息修改情况统计表'], ['序号', '学号', '姓名']]);
    const r = readSheet(sheet, DEFAULT_POLICY);
    expect(r.table).toBeNull();
    expect(r.headerMissing).toMatchObject({ reason: 'partial', missing: ['changeField', 'after', 'reason'] });
  });

  it('ignores a sheet with nothing of a correction table', () => {
    expect(readSheet(sheetFromValues('说明', [['填表说明'], ['请按学号升序']]), DEFAULT_POLICY)).toEqual({ sheet: '说明', table: null, headerMissing: null, skipped: { why: 'help' } });
  });

  it('fills merged cells down the data rows', () => {
    const sheet = correctionSheet('new', [
      { 学号: '2509001200001', 姓名: '赵六', 更正内容: '姓名' },
      { 更正内容: '民族' },
    ]);
    sheet.merges = ['C3:C4', 'D3:D4'];
    const { table } = readSheet(sheet, DEFAULT_POLICY);
    expect(table!.rows[1].cells.studentId?.text).toBe('2509001200001');
    expect(table!.rows[1].cells.studentId?.address).toBe('C4');
  });

  it('does not make a row out of a merged range alone: a row with nothing of its own is blank, dense or sparse', () => {
    const dense = correctionSheet('new', [
      { 学号: '2509001200001', 姓名: '赵六', 更正内容: '姓名' },
      {},
      { 学号: '2509001200002', 姓名: '钱七', 更正内容: '民族' },
    ]);
    dense.merges = ['C3:C4', 'D3:D4'];
    dense.rows[3] = [];
    const sparse = { ...dense, rows: dense.rows.slice() };
    delete sparse.rows[3];
    for (const sheet of [dense, sparse]) {
      const { table } = readSheet(sheet, DEFAULT_POLICY);
      expect(table!.rows.map((r) => r.row)).toEqual([3, 5]);
      expect(table!.blankRows).toEqual([4]);
    }
  });
});
