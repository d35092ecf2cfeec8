import rule from '../../src/rules/checks/double-change';
import { parsePolicy } from '../../src/rules/policy';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const zhang = { 学号: '2509001250001', 姓名: '张三', 更正原因: '信息变更' };
const li = { 学号: '2509001250002', 姓名: '李四', 更正原因: '信息变更' };
const both = [
  { ...zhang, 更正内容: '身份证号', 更正后: '110105199003071239' },
  { ...zhang, 更正内容: '民族', 更正后: '回族' },
  { ...zhang, 更正内容: '姓名', 更正后: '张珊' },
];

ruleTester(rule, {
  valid: [
    {
      name: '姓名 and 身份证号 corrected for two different students',
      sheets: [correctionSheet('enrolled', [{ ...zhang, 更正内容: '姓名', 更正后: '张珊' }, { ...li, 更正内容: '身份证号', 更正后: '110105199003071239' }])],
    },
    { name: 'switched off by the policy', sheets: [correctionSheet('enrolled', both)], options: { policy: parsePolicy({ severities: { 'double-change': 'off' } }) } },
  ],
  invalid: [
    {
      name: 'one student correcting both: one warning on the later row, naming both rows',
      sheets: [correctionSheet('enrolled', both)],
      problems: [{ messageId: 'both', severity: 'warning', sheet: '在籍生', cell: 'E5', row: 5, studentRef: '在籍生#2509001250001', message: /在第 5 行更正姓名、在第 3 行更正身份证号\(双改\)/ }],
    },
    {
      name: 'raised to an error by the policy (an alias counts as 身份证号)',
      sheets: [correctionSheet('new', [{ ...zhang, 更正内容: '姓名', 更正后: '张珊' }, { ...zhang, 更正内容: '身份证号码', 更正后: '110105199003071239' }])],
      options: { policy: parsePolicy({ severities: { 'double-change': 'error' } }) },
      problems: [{ messageId: 'both', severity: 'error', cell: 'E4', row: 4 }],
    },
  ],
});
