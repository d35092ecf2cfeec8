import rule from '../../src/rules/checks/column-duplicate';
import { HEADERS, correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [{ name: 'the standard header', sheets: [correctionSheet('new', [])] }],
  invalid: [
    {
      name: 'an 更正后 and a 修改后 column',
      sheets: [correctionSheet('new', [], { headers: [...HEADERS.new, '修改后'] })],
      problems: [
        {
          messageId: 'duplicate',
          severity: 'warning',
          sheet: '新生',
          cell: 'L2',
          row: 2,
          message: '表头“修改后”(L2)与 G2 的“更正后”都是“更正后”列:校验只读取 G2 所在的列,L2 所在的列被忽略。请删除或改名其中一列。',
        },
      ],
    },
    {
      name: 'two 姓名 columns',
      sheets: [correctionSheet('enrolled', [], { headers: ['学号', '姓名', '更正内容', '更正后', '更正原因', '学生姓名'] })],
      problems: [{ messageId: 'duplicate', cell: 'F2', message: /B2 的“姓名”/ }],
    },
  ],
});
