/**
 * Footer lines end the data, wherever their cells stand and in whatever order; data rows whose 备注 or other
 * cells happen to read like a footer word stay data rows. Each case is one line under a two-row table.
 */
import { makeCell, sheetFromValues } from '../src/rules/grid';
import { DEFAULT_POLICY } from '../src/rules/policy';
import { readSheet } from '../src/rules/table';

const HEADER = ['序号', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '变更日期', '备注'];
const DATA = [
  [1, '2609001250003', '王晓燕', '姓名', '王小燕', '王晓燕', '录入错误', null, null],
  [2, '2609001250011', '李建国', '民族', '回族', '汉族', '录入错误', null, null],
];
const LATER = [3, '2609001250017', '张伟', '性别', '男', '女', '录入错误', null, null];

/** The data rows read when `line` follows the two data rows (and a third student row follows the line). */
function dataRowsWith(line: (string | number | null)[]) {
  const sheet = sheetFromValues('新生', [['国家开放大学新生基本信息修改情况统计表'], HEADER, ...DATA, line, LATER]);
  return readSheet(sheet, DEFAULT_POLICY).table!.rows.map((r) => r.row);
}

const at = (col: number, ...texts: (string | null)[]): (string | null)[] => [...Array<null>(col).fill(null), ...texts];

describe('footer lines end the data', () => {
  const footers: [string, (string | number | null)[]][] = [
    ['注 in column A', ['注:(1)本表中“更正内容”指姓名、性别、身份证号、民族、入学文化程度。']],
    ['a note continuation', ['(2)本表中“更正原因”指录入错误或信息变更。']],
    ['说明 with a full-width colon, in the 学号 column', at(1, '说明：本表按学号升序排序')],
    ['填表说明', ['填表说明']],
    ['附注', at(2, '附注:')],
    ['备注: as a line', ['备注：以上学生材料已审核']],
    ['合计 with a count in the 学号 column', ['合计', '3', null, null]],
    ['共计 N 人', at(1, '共计 3 人')],
    ['本表共 3 人', at(4, '本表共3人')],
    ['以下空白', at(1, '以下空白')],
    ['(本页以下空白)', ['（本页以下空白）']],
    ['分部学籍主管处长签字 and 经手人', ['分部学籍主管处长签字：', null, null, null, '经手人：']],
    ['经手人 first, then 处长', at(1, '经手人：', null, null, null, '分部学籍主管处长（签字）：')],
    ['负责人 in the 更正后 column', at(5, '负责人签字：')],
    ['审核人 and 填表人 and 制表人', ['填表人：', null, '审核人：', null, null, '制表人：']],
    ['经办人 without a colon', at(2, '经办人')],
    ['主管 with a name', at(3, '学籍主管：王芳')],
    ['分管校领导签名', at(1, '分管校领导签名')],
    ['a seal', at(6, '（公章）')],
    ['填报单位(盖章)', ['填报单位（盖章）：', null, null, null, null, '2026年11月30日']],
    ['盖章 alone', at(7, '(盖章)')],
    ['a date line', at(7, '2026年11月30日')],
    ['a date line typed as 2026/11/30', at(8, '2026/11/30')],
    ['an empty date line', at(6, '年  月  日')],
    ['a date in Chinese numerals', at(6, '二〇二六年十一月三十日')],
    ['填报日期', at(0, '填报日期：2026年11月30日')],
    ['联系人 and 联系电话 with digits in the 学号 column', ['联系人：', '联系电话：010-62345678']],
    ['a mobile number on its own in the 学号 column', ['手机：', '13800138000']],
    ['分部意见', at(1, '分部审核意见：')],
  ];
  it.each(footers)('%s', (_name, line) => {
    expect(dataRowsWith(line)).toEqual([3, 4]);
  });

  it('a footer line to the left of the table (table from column B)', () => {
    const sheet = sheetFromValues('新生', [[null, ...HEADER], [null, ...DATA[0]], ['经手人：', null, null, null, null, null, '（盖章）'], [null, ...LATER]]);
    expect(readSheet(sheet, DEFAULT_POLICY).table!.rows.map((r) => r.row)).toEqual([2]);
  });

  it('a footer merged across the width (every column reads the same)', () => {
    const sheet = sheetFromValues('新生', [HEADER, DATA[0], ['注：(3)本表按学号升序排序。'], LATER], ['A3:I3']);
    expect(readSheet(sheet, DEFAULT_POLICY).table!.rows.map((r) => r.row)).toEqual([2]);
  });
});

describe('data rows that read partly like a footer stay data rows', () => {
  const rows: [string, (string | number | null)[]][] = [
    ['a 备注 “已审核”', [3, '2609001250017', '张伟', '性别', '男', '女', '录入错误', null, '已审核']],
    ['a 备注 “经手人:王老师”', [3, '2609001250017', '张伟', '性别', '男', '女', '录入错误', null, '经手人：王老师']],
    ['a 备注 “说明:见户籍证明”', [3, '2609001250017', '张伟', '性别', '男', '女', '录入错误', null, '说明：见户籍证明']],
    ['a 备注 “需盖章”', [3, '2609001250017', '张伟', '性别', '男', '女', '录入错误', null, '需盖章']],
    ['a 变更日期 written as a date', [3, '2609001250017', '张伟', '性别', '男', '女', '信息变更', '2026年10月8日', null]],
    ['a row without its 学号 (cell-required says so) but with a 更正内容', [3, null, '张伟', '性别', '男', '女', '录入错误', null, '说明：学号待查']],
    ['a row without its 学号 but with a 更正原因', [3, null, null, null, null, null, '录入错误', null, '备注：待补']],
    ['a 学号 with a footer word beside', [3, '2609001250017', null, null, null, null, null, null, '合计']],
    ['a 学号 one digit short, with a footer word beside', [3, '260900125001', null, null, null, null, null, null, '经手人:王老师']],
  ];
  it.each(rows)('%s', (_name, line) => {
    expect(dataRowsWith(line)).toEqual([3, 4, 5, 6]);
  });
});

describe('rows holding only what a template fills in advance', () => {
  it('序号-only rows: trailing ones are not data, one among the data is a blank row', () => {
    const values = [HEADER, DATA[0], [2], DATA[1], [4], [5], [6], ['经手人：'], LATER];
    const { table } = readSheet(sheetFromValues('新生', values), DEFAULT_POLICY);
    expect(table!.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(table!.blankRows).toEqual([3]);
  });

  it('a template row whose VLOOKUP shows #N/A is no data row', () => {
    const sheet = sheetFromValues('新生', [HEADER, DATA[0], [2], [3]]);
    sheet.rows[2][2] = makeCell(3, 3, '#N/A', 'error');
    sheet.rows[3][2] = makeCell(4, 3, '#N/A', 'error');
    const { table } = readSheet(sheet, DEFAULT_POLICY);
    expect(table!.rows.map((r) => r.row)).toEqual([2]);
  });

  it('a 分部名称 merged down the whole template makes no data row', () => {
    const header = ['序号', '分部名称', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因'];
    const values = [header, [1, '示例分部', '2609001250003', '王晓燕', '姓名', '王小燕', '王晓燕', '录入错误'], [2], [3], [4]];
    const { table } = readSheet(sheetFromValues('新生', values, ['B2:B5']), DEFAULT_POLICY);
    expect(table!.rows.map((r) => r.row)).toEqual([2]);
    expect(table!.blankRows).toEqual([]);
  });
});
