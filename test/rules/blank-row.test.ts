import rule from '../../src/rules/checks/blank-row';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const a = { 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' };
const b = { 学号: '2509001250002', 姓名: '李四', 更正内容: '民族', 更正后: '回族', 更正原因: '信息变更' };
const blank = { 序号: null };

ruleTester(rule, {
  valid: [
    { name: 'no blank row', sheets: [correctionSheet('new', [a, b])] },
    { name: 'blank rows after the data', sheets: [correctionSheet('new', [a, b, blank, blank])] },
    { name: 'a blank row before a 注 line', sheets: [correctionSheet('new', [a, blank], { after: [['注:(1)本表按学号升序排序。']] })] },
  ],
  invalid: [
    {
      name: 'a blank row between two data rows',
      sheets: [correctionSheet('new', [a, blank, b])],
      problems: [{ messageId: 'blank', severity: 'warning', sheet: '新生', cell: 'C4', row: 4, message: /其后的行仍作为数据/ }],
    },
    {
      name: 'two blank rows on a graduate table',
      sheets: [correctionSheet('graduate', [{ 注册证号: '511611202005000123', 姓名: '王五' }, blank, blank, { 注册证号: '511611202005000124', 姓名: '赵六' }])],
      problems: [
        { messageId: 'blank', cell: 'C4', row: 4 },
        { messageId: 'blank', cell: 'C5', row: 5 },
      ],
    },
  ],
});
