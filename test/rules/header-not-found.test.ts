import rule from '../../src/rules/checks/header-not-found';
import { sheetFromValues } from '../../src/rules/grid';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const table = correctionSheet('new', [{ 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' }]);
const notes = sheetFromValues('说明', [['填表说明'], ['请按学号升序填写']]);
const partial = sheetFromValues('在籍生', [['国家开放大学在籍生基本信息修改情况统计表'], ['序号', '学号', '姓名']]);

ruleTester(rule, {
  valid: [
    { name: 'a table', sheets: [table] },
    { name: 'a table and a notes sheet', sheets: [notes, table] },
    {
      name: 'a table, a roster with 学号/姓名/身份证号, a dropdown list and instructions whose title names the table',
      sheets: [
        table,
        sheetFromValues('花名册', [['学号', '姓名', '身份证号'], ['2509001250001', '张三', '11010519900307123X']]),
        sheetFromValues('Sheet3', [['更正内容', '更正原因'], ['姓名', '录入错误']]),
        sheetFromValues('填表说明', [['学生基本信息修改情况统计表'], ['1. 按学号升序']]),
      ],
    },
  ],
  invalid: [
    {
      name: 'a sheet that looks like a table without a full header, and no table in the workbook',
      sheets: [partial],
      problems: [
        { messageId: 'noTable', severity: 'error', sheet: null, cell: null, message: /没有找到统计表/ },
        { messageId: 'missingLabels', severity: 'error', sheet: '在籍生', cell: null, message: /缺少 “更正内容”、“更正后”、“更正原因”。已识别的列:序号、学号、姓名/ },
      ],
    },
    {
      name: 'a title but no labels at all: the key is named both ways',
      sheets: [sheetFromValues('Sheet1', [['国家开放大学毕业生基本信息修改情况统计表'], ['王五', '男']]), table],
      problems: [{ messageId: 'missingLabels', sheet: 'Sheet1', message: /“学号\(毕业生表为注册证号\)”、“姓名”/ }],
    },
    { name: 'a workbook of notes only', sheets: [notes], problems: [{ messageId: 'noTable', sheet: null }] },
    {
      name: 'change columns without a recognised key column',
      sheets: [table, sheetFromValues('Sheet2', [['序号', '学籍号', '姓名', '更正内容', '更正前', '更正后', '更正原因'], [1, '2509001250001', '张三', '性别', '男', '女', '录入错误']])],
      problems: [{ messageId: 'missingLabels', sheet: 'Sheet2', message: /缺少 “学号\(毕业生表为注册证号\)”/ }],
    },
    { name: 'a workbook without sheets', sheets: [], problems: [{ messageId: 'noTable' }] },
  ],
});
