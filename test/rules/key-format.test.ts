import rule from '../../src/rules/checks/key-format';
import { parsePolicy } from '../../src/rules/policy';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' };

ruleTester(rule, {
  valid: [
    { name: 'a 13-digit 学号', sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001' }])] },
    { name: 'a 学号 held as a number (stored-as-number’s business)', sheets: [correctionSheet('enrolled', [{ ...row, 学号: 2509001250001 }])] },
    { name: 'a trailing space (whitespace’s business)', sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001 ' }])] },
    {
      name: 'full-width digits, a zero-width space, a no-break space, a BOM (character-width’s business)',
      sheets: [
        correctionSheet('new', [
          { ...row, 学号: '２５０９００１２５０００１' },
          { ...row, 学号: '2509001\u200b250002' },
          { ...row, 学号: '2509001250003\u00a0' },
          { ...row, 学号: '\ufeff2509001250004' },
        ]),
      ],
    },
    { name: 'a graduate with 注册证号 and an empty 学号', sheets: [correctionSheet('graduate', [{ ...row, 注册证号: '511611202005000123' }])] },
    {
      name: 'a branch school’s own pattern',
      sheets: [correctionSheet('new', [{ ...row, 学号: '25090012500011' }])],
      options: { policy: parsePolicy({ keyPatterns: { studentId: '^\\d{13,14}$' } }) },
    },
  ],
  invalid: [
    {
      name: 'a leading apostrophe kept in the value: its own message and a fix',
      sheets: [correctionSheet('enrolled', [{ ...row, 学号: "'2509001200013" }])],
      problems: [
        {
          messageId: 'apostrophe',
          severity: 'error',
          cell: 'C3',
          message: /^学号“'2509001200013”开头多了一个撇号.*应为“2509001200013”/,
          fix: { kind: 'set-text', sheet: '在籍生', cell: 'C3', value: '2509001200013', label: '去掉开头的撇号' },
        },
      ],
    },
    { name: 'an apostrophe before a key that is wrong anyway: the format message', sheets: [correctionSheet('new', [{ ...row, 学号: "'25090012" }])], problems: [{ messageId: 'studentId', message: /含数字以外的字符/ }] },
    {
      name: 'a 12-digit 学号',
      sheets: [correctionSheet('new', [{ ...row, 学号: '250900125001' }])],
      problems: [{ messageId: 'studentId', severity: 'error', cell: 'C3', row: 3, studentRef: '新生#250900125001', message: /学号“250900125001”格式不对\(现为 12 位\).*秋季入学从 50001/ }],
    },
    {
      name: 'a 学号 with a letter',
      sheets: [correctionSheet('enrolled', [{ ...row, 学号: '25090012500O1' }])],
      problems: [{ cell: 'C3', message: /含数字以外的字符/ }],
    },
    {
      name: 'a 注册证号 not starting with 51161, and a wrong optional 学号 on the graduate sheet',
      sheets: [correctionSheet('graduate', [{ ...row, 注册证号: '511621202005000123', 学号: '123' }])],
      problems: [
        { messageId: 'regNo', cell: 'C3', message: /不是 51161 开头.*05 本科、06 专科/ },
        { messageId: 'studentId', cell: 'D3', message: /现为 3 位/ },
      ],
    },
    {
      name: 'a 17-digit 注册证号',
      sheets: [correctionSheet('graduate', [{ ...row, 注册证号: '51161120200500012' }])],
      problems: [{ messageId: 'regNo', message: /现为 17 位/ }],
    },
    {
      name: 'a merged key is reported once, on its own cell',
      sheets: [
        (() => {
          const s = correctionSheet('new', [{ ...row, 学号: '25090012' }, { ...row, 更正内容: '民族', 更正后: '回族' }]);
          s.merges = ['C3:C4'];
          return s;
        })(),
      ],
      problems: [{ messageId: 'studentId', cell: 'C3' }],
    },
    {
      name: 'a branch school’s own pattern is shown as such',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001' }])],
      options: { policy: parsePolicy({ keyPatterns: { studentId: '^\\d{14}$' } }) },
      problems: [{ messageId: 'custom', message: '学号“2509001250001”不符合本校策略规定的格式(正则表达式 ^\\d{14}$)。' }],
    },
  ],
});
