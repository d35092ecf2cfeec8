import rule from '../../src/rules/checks/cell-required';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const full = { 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' };

ruleTester(rule, {
  valid: [
    { name: 'every required cell filled (更正前 may stay empty)', sheets: [correctionSheet('new', [full])] },
    {
      name: 'a missing column is not this rule’s business',
      sheets: [correctionSheet('new', [{ 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正后: '女' }], { headers: ['学号', '姓名', '更正内容', '更正后'] })],
    },
    {
      name: 'a key merged down the student’s rows',
      sheets: [
        (() => {
          const s = correctionSheet('new', [full, { ...full, 学号: null, 姓名: null, 更正内容: '民族', 更正后: '回族' }]);
          s.merges = ['C3:C4', 'D3:D4'];
          return s;
        })(),
      ],
    },
  ],
  invalid: [
    {
      name: 'an empty 更正后',
      sheets: [correctionSheet('new', [{ ...full, 更正后: null }])],
      problems: [{ messageId: 'empty', severity: 'error', sheet: '新生', cell: 'G3', row: 3, studentRef: '新生#2509001250001', message: '第 3 行的“更正后”为空,请填写。' }],
    },
    {
      name: 'an empty key and 更正原因 (a blank-only text counts as empty)',
      sheets: [correctionSheet('enrolled', [full, { ...full, 学号: '  ', 更正原因: null }])],
      problems: [
        { cell: 'C4', row: 4, studentRef: null, message: /“学号”为空/ },
        { cell: 'H4', row: 4, message: /“更正原因”为空/ },
      ],
    },
    {
      name: 'the graduate key is 注册证号; the graduate 学号 column is optional',
      sheets: [correctionSheet('graduate', [{ 姓名: '王五', 更正内容: '姓名', 更正后: '王午', 更正原因: '录入错误' }])],
      problems: [{ cell: 'C3', message: /“注册证号”为空/ }],
    },
  ],
});
