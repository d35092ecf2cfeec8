import rule from '../../src/rules/checks/graduate-late';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const g = (注册证号: string | null, 更正内容: string) => ({ 注册证号, 姓名: '王五', 更正内容, 更正后: 'x', 更正原因: '录入错误' });

ruleTester(rule, {
  valid: [
    { name: 'a 新生 table', sheets: [correctionSheet('new', [{ 学号: '2609001250001', 姓名: '张三', 更正内容: '性别' }])] },
    { name: 'a graduate table without rows', sheets: [correctionSheet('graduate', [])] },
  ],
  invalid: [
    {
      name: 'every graduate row',
      sheets: [correctionSheet('graduate', [g('511611202005000123', '性别'), g('511611202005000123', '民族'), g(null, '姓名')])],
      problems: [
        {
          messageId: 'late',
          severity: 'warning',
          sheet: '毕业生',
          cell: 'C3',
          row: 3,
          studentRef: '毕业生#511611202005000123',
          message: /原则上不再接受毕业生信息更改申请,此行属个例/,
        },
        { messageId: 'late', cell: 'C4', row: 4, studentRef: '毕业生#511611202005000123' },
        { messageId: 'late', cell: 'C5', row: 5, studentRef: null },
      ],
    },
  ],
});
