import rule from '../../src/rules/checks/duplicate-row';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const r = (学号: string, 更正内容: string, 更正后 = 'x') => ({ 学号, 姓名: '张三', 更正内容, 更正后, 更正原因: '录入错误' });

ruleTester(rule, {
  valid: [
    { name: 'one student, two items', sheets: [correctionSheet('new', [r('2509001250001', '性别'), r('2509001250001', '民族')])] },
    { name: 'two students, one item each', sheets: [correctionSheet('new', [r('2509001250001', '性别'), r('2509001250002', '性别')])] },
    {
      name: 'the same student and item on two tables',
      sheets: [correctionSheet('new', [r('2509001250001', '性别')]), correctionSheet('enrolled', [r('2509001250001', '性别')])],
    },
    { name: 'rows without 更正内容 are left to cell-required', sheets: [correctionSheet('new', [r('2509001250001', ''), r('2509001250001', '')])] },
  ],
  invalid: [
    {
      name: 'the same item twice',
      sheets: [correctionSheet('new', [r('2509001250001', '性别', '女'), r('2509001250002', '性别'), r('2509001250001', '性别', '男')])],
      problems: [
        {
          messageId: 'duplicate',
          severity: 'error',
          sheet: '新生',
          cell: 'E5',
          row: 5,
          studentRef: '新生#2509001250001',
          message: '学号 2509001250001 的“性别”更正在第 3 行已经填过:同一学生的同一项更正只应填一行,请合并或删除重复的行。',
        },
      ],
    },
    {
      name: 'an alias of the same item, three times',
      sheets: [correctionSheet('enrolled', [r('2509001250001', '身份证号'), r('2509001250001', '身份证号码'), r('2509001250001', ' 身份证号 ')])],
      problems: [
        { cell: 'E4', message: /第 3 行/ },
        { cell: 'E5', message: /第 3 行/ },
      ],
    },
    {
      name: 'an unrecognised item written twice',
      sheets: [correctionSheet('new', [r('2509001250001', '学号'), r('2509001250001', '学号')])],
      problems: [{ cell: 'E4', message: /“学号”/ }],
    },
    {
      name: 'graduates by 注册证号',
      sheets: [correctionSheet('graduate', [{ 注册证号: '511611202005000123', 姓名: '王五', 更正内容: '民族' }, { 注册证号: '511611202005000123', 姓名: '王五', 更正内容: '民族' }])],
      problems: [{ cell: 'F4', studentRef: '毕业生#511611202005000123', message: /^注册证号 511611202005000123/ }],
    },
  ],
});
