import rule from '../../src/rules/checks/value-unchanged';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 学号: '2509001250001', 姓名: '张三', 更正原因: '录入错误' };

ruleTester(rule, {
  valid: [
    { name: 'a real change', sheets: [correctionSheet('new', [{ ...row, 更正内容: '民族', 更正前: '汉族', 更正后: '回族' }])] },
    { name: 'no 更正前 given', sheets: [correctionSheet('new', [{ ...row, 更正内容: '民族', 更正后: '回族' }])] },
    { name: 'case of x matters only for 身份证号', sheets: [correctionSheet('new', [{ ...row, 更正内容: '姓名', 更正前: 'Anna', 更正后: 'ANNA' }])] },
  ],
  invalid: [
    {
      name: 'the same value',
      sheets: [correctionSheet('new', [{ ...row, 更正内容: '民族', 更正前: '汉族', 更正后: '汉族' }])],
      problems: [{ messageId: 'same', severity: 'error', cell: 'G3', row: 3, studentRef: '新生#2509001250001', message: /更正前与更正后都是“汉族”/ }],
    },
    {
      name: 'equal after NFKC and without spaces',
      sheets: [correctionSheet('new', [{ ...row, 更正内容: '姓名', 更正前: '张 三', 更正后: '张三\u3000' }])],
      problems: [{ messageId: 'same', cell: 'G3' }],
    },
    {
      name: 'a 身份证号 differing only in the case of x, and full-width digits',
      sheets: [
        correctionSheet('enrolled', [
          { ...row, 更正内容: '身份证号', 更正前: '51010219850612003x', 更正后: '51010219850612003X' },
          { ...row, 更正内容: '身份证号', 更正前: '１１０１０５１９９００３０７１２３９', 更正后: '110105199003071239' },
        ]),
      ],
      problems: [{ messageId: 'same', cell: 'G3' }, { messageId: 'same', cell: 'G4' }],
    },
  ],
});
