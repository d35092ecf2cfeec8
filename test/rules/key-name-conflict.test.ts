import rule from '../../src/rules/checks/key-name-conflict';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const r = (姓名: string | null, 更正内容: string, 更正前: string | null = null, 更正后 = 'x') => ({
  学号: '2509001250001',
  姓名,
  更正内容,
  更正前,
  更正后,
  更正原因: '信息变更',
});

ruleTester(rule, {
  valid: [
    { name: 'one name on every row', sheets: [correctionSheet('new', [r('张三', '性别'), r('张三', '民族')])] },
    { name: 'names equal after normalising spaces and full-width forms', sheets: [correctionSheet('new', [r('张三', '性别'), r(' 张 三', '民族')])] },
    { name: 'an empty 姓名 is left to cell-required', sheets: [correctionSheet('new', [r('张三', '性别'), r(null, '民族')])] },
    { name: 'a 姓名 correction whose rows agree on one name', sheets: [correctionSheet('enrolled', [r('张三', '姓名', '张山', '张三'), r('张三', '民族')])] },
    {
      name: 'one key on two tables with two names is two students',
      sheets: [correctionSheet('new', [r('张三', '性别')]), correctionSheet('enrolled', [r('李四', '性别')])],
    },
  ],
  invalid: [
    {
      name: 'two names for one 学号',
      sheets: [correctionSheet('new', [r('张三', '性别'), r('李四', '民族')])],
      problems: [
        {
          messageId: 'conflict',
          severity: 'error',
          sheet: '新生',
          cell: 'D4',
          row: 4,
          studentRef: '新生#2509001250001',
          message: '学号 2509001250001 在第 3 行的姓名是“张三”,此行却是“李四”:同一学生各行的姓名应一致(文件夹按学号+姓名命名)。请核对是否填错了学号或姓名。',
        },
      ],
    },
    {
      name: 'the old name on the 姓名 row, the new name on the other',
      sheets: [correctionSheet('enrolled', [r('张山', '姓名', '张山', '张三'), r('张三', '民族')])],
      problems: [{ messageId: 'oldAndNew', cell: 'D4', message: /一行用了更正前的姓名,另一行用了更正后的姓名/ }],
    },
    {
      name: 'three rows, two of them off',
      sheets: [correctionSheet('new', [r('张三', '性别'), r('李四', '民族'), r('王五', '身份证号')])],
      problems: [
        { messageId: 'conflict', cell: 'D4' },
        { messageId: 'conflict', cell: 'D5', message: /此行却是“王五”/ },
      ],
    },
    {
      name: 'graduates by 注册证号',
      sheets: [correctionSheet('graduate', [{ 注册证号: '511611202005000123', 姓名: '王五' }, { 注册证号: '511611202005000123', 姓名: '王武' }])],
      problems: [{ cell: 'E4', studentRef: '毕业生#511611202005000123', message: /^注册证号 511611202005000123/ }],
    },
  ],
});
