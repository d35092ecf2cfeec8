import rule from '../../src/rules/checks/evidence-not-checked';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const a = { 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' };
const b = { ...a, 学号: '2509001250002', 姓名: '李四' };

ruleTester(rule, {
  valid: [
    { name: 'scans given (even none)', sheets: [correctionSheet('new', [a])], options: { scans: { files: [], links: [] } } },
    { name: 'no student', sheets: [correctionSheet('new', [])] },
  ],
  invalid: [
    {
      name: 'students and no scans: one problem for the workbook',
      sheets: [correctionSheet('new', [a, b]), correctionSheet('enrolled', [a])],
      problems: [{ messageId: 'notChecked', severity: 'info', sheet: null, cell: null, row: null, studentRef: null, message: /已列出 3 名学生.*尚未校验.*后才能导出材料包/ }],
    },
  ],
});
