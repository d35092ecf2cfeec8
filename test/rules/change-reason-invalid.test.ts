import rule from '../../src/rules/checks/change-reason-invalid';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 学号: '2509001250001', 姓名: '张三', 更正内容: '民族', 更正后: '回族' };

ruleTester(rule, {
  valid: [
    { name: 'the two reasons', sheets: [correctionSheet('new', [{ ...row, 更正原因: '录入错误' }, { ...row, 更正原因: '信息变更' }])] },
    { name: 'spaces inside are whitespace’s business', sheets: [correctionSheet('new', [{ ...row, 更正原因: '录入 错误' }])] },
    { name: 'an empty reason is cell-required’s business', sheets: [correctionSheet('new', [{ ...row, 更正原因: null }])] },
  ],
  invalid: [
    {
      name: 'another reason',
      sheets: [correctionSheet('enrolled', [{ ...row, 更正原因: '录入有误' }, { ...row, 更正原因: '改名' }])],
      problems: [
        { messageId: 'invalid', severity: 'error', cell: 'H3', row: 3, studentRef: '在籍生#2509001250001', message: /更正原因“录入有误”无效:只能填写 “录入错误”或“信息变更”/ },
        { cell: 'H4', row: 4, message: /“改名”/ },
      ],
    },
  ],
});
