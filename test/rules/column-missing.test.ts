import rule from '../../src/rules/checks/column-missing';
import { HEADERS, correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' };
const without = (...labels: string[]) => HEADERS.new.filter((h) => !labels.includes(h));

ruleTester(rule, {
  valid: [
    { name: 'the standard header', sheets: [correctionSheet('new', [row])] },
    { name: 'aliases of the columns', sheets: [correctionSheet('new', [], { headers: ['学号', '学生姓名', '修改项目', '修改后信息', '修改原因'] })] },
    { name: 'the graduate header', sheets: [correctionSheet('graduate', [])] },
  ],
  invalid: [
    {
      name: 'no 更正原因',
      sheets: [correctionSheet('new', [row], { headers: without('更正原因') })],
      problems: [{ messageId: 'missing', severity: 'error', sheet: '新生', cell: null, row: 2, message: /缺少必填列“更正原因”/ }],
    },
    {
      name: 'neither 更正内容 nor 更正后',
      sheets: [correctionSheet('enrolled', [row], { headers: without('更正内容', '更正后') })],
      problems: [
        { messageId: 'missing', row: 2, message: /“更正内容”/ },
        { messageId: 'missing', row: 2, message: /“更正后”/ },
      ],
    },
    {
      name: 'a graduate table keyed by 学号',
      sheets: [correctionSheet('graduate', [], { headers: HEADERS.graduate.filter((h) => h !== '注册证号') })],
      problems: [{ messageId: 'missingGraduateKey', sheet: '毕业生', row: 2, message: /缺少“注册证号”列/ }],
    },
  ],
});
