import rule from '../../src/rules/checks/sheet-skipped';
import { sheetFromValues } from '../../src/rules/grid';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const table = correctionSheet('new', [{ 学号: '2609001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' }]);
const roster = sheetFromValues('花名册', [
  ['学号', '姓名', '性别', '身份证号', '民族'],
  ['2609001250001', '张三', '男', '11010519900307123X', '汉族'],
]);
const lists = sheetFromValues('下拉列表', [
  ['更正内容', '更正原因', '民族'],
  ['姓名', '录入错误', '汉族'],
  ['性别', '信息变更', '蒙古族'],
]);
const instructions = sheetFromValues('填表说明', [
  ['国家开放大学学生基本信息修改情况统计表填表说明'],
  ['1. 本表按学号升序排序。'],
]);
const sample = correctionSheet('new', [{ 学号: '2609001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' }], { name: '填写示例' });

ruleTester(rule, {
  valid: [
    { name: 'a correction table', sheets: [table] },
    { name: 'an empty sheet beside a table', sheets: [table, sheetFromValues('Sheet2', [])] },
    { name: 'a table in a sheet whose name merely contains 说明', sheets: [correctionSheet('new', [{ 学号: '2609001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' }], { name: '信息修改说明表' })] },
    { name: 'a table whose header lacks 姓名 is still a table (column-missing says so)', sheets: [correctionSheet('new', [{ 学号: '2609001250001', 更正内容: '性别' }], { headers: ['学号', '更正内容', '更正后', '更正原因'] })] },
  ],
  invalid: [
    {
      name: 'a roster, a dropdown list and the instructions beside the table',
      sheets: [table, roster, lists, instructions],
      problems: [
        { messageId: 'noHeader', severity: 'info', sheet: '花名册', cell: null, message: /工作表“花名册”不是更正统计表.*未作校验/ },
        { messageId: 'noHeader', severity: 'info', sheet: '下拉列表', cell: null },
        { messageId: 'help', severity: 'info', sheet: '填表说明', cell: null, message: '工作表“填表说明”是填表说明或示例,不是统计表,未作校验。' },
      ],
    },
    { name: 'a sample sheet with a table header is not read as a table', sheets: [table, sample], problems: [{ messageId: 'help', sheet: '填写示例' }] },
  ],
});
