import rule from '../../src/rules/checks/change-field-invalid';
import { parsePolicy } from '../../src/rules/policy';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const student = { 学号: '2509001250001', 姓名: '张三', 更正原因: '录入错误', 更正后: 'x' };
const graduate = { 注册证号: '511611202005000123', 姓名: '王五', 更正原因: '录入错误', 更正后: 'x' };

ruleTester(rule, {
  valid: [
    {
      name: 'the five items on the new table, and the policy’s aliases',
      sheets: [correctionSheet('new', ['姓名', '性别', '身份证号', '民族', '入学文化程度', '身份证号码', ' 文化程度 '].map((f) => ({ ...student, 更正内容: f })))],
    },
    { name: 'the four items on the graduate table', sheets: [correctionSheet('graduate', ['姓名', '性别', '身份证号', '民族'].map((f) => ({ ...graduate, 更正内容: f })))] },
    { name: 'an empty 更正内容 (cell-required’s business)', sheets: [correctionSheet('enrolled', [{ ...student, 更正内容: null }])] },
  ],
  invalid: [
    {
      name: 'an unknown item',
      sheets: [correctionSheet('new', [{ ...student, 更正内容: '姓名、民族' }])],
      problems: [{ messageId: 'unknown', severity: 'error', cell: 'E3', row: 3, studentRef: '新生#2509001250001', message: /“姓名、民族”无法识别.*姓名、性别、身份证号、民族、入学文化程度 之一/ }],
    },
    {
      name: 'a word that names a property of every object, not an alias',
      sheets: [correctionSheet('new', [{ ...student, 更正内容: 'constructor' }])],
      problems: [{ messageId: 'unknown', cell: 'E3' }],
    },
    {
      name: '入学文化程度 on the graduate table',
      sheets: [correctionSheet('graduate', [{ ...graduate, 更正内容: '入学文化程度' }, { ...graduate, 更正内容: '学历' }])],
      problems: [
        { messageId: 'graduateEducation', cell: 'F3', message: /^毕业生不能更正入学文化程度/ },
        { messageId: 'unknown', cell: 'F4', message: /应填写 姓名、性别、身份证号、民族 之一/ },
      ],
    },
    {
      name: 'an item the SPEC allows but the table kind does not (a policy narrowing 在籍生)',
      sheets: [correctionSheet('enrolled', [{ ...student, 更正内容: '民族' }])],
      options: { policy: parsePolicy({ kinds: { enrolled: { allowedChanges: ['姓名', '性别', '身份证号'] } } }) },
      problems: [{ messageId: 'notAllowed', message: '在籍生表不能更正“民族”:本表的更正内容只有 姓名、性别、身份证号。' }],
    },
  ],
});
