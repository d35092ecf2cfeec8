import rule from '../../src/rules/checks/sheet-kind-unknown';
import { HEADERS, correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误' };

ruleTester(rule, {
  valid: [
    { name: 'kind from the title', sheets: [correctionSheet('new', [row], { name: 'Sheet1' })] },
    { name: 'kind from the sheet name', sheets: [correctionSheet('enrolled', [row], { title: null })] },
    {
      name: 'graduate from its key column',
      sheets: [correctionSheet('graduate', [{ 注册证号: '511611202005000123', 姓名: '王五' }], { name: 'Sheet1', title: null, headers: HEADERS.graduate.filter((h) => h !== '学号') })],
    },
    { name: '附表2 as the sheet name', sheets: [correctionSheet('enrolled', [row], { name: '附表2', title: null })] },
    { name: '附表1 on a line above a title without a kind', sheets: [correctionSheet('new', [row], { name: 'Sheet1', title: '附表1:学生基本信息修改情况统计表' })] },
    {
      name: 'kind set by the user',
      sheets: [correctionSheet('new', [row], { name: 'Sheet1', title: null })],
      options: { kindOverrides: { Sheet1: 'enrolled' } },
    },
  ],
  invalid: [
    {
      name: 'no title, neutral sheet name, 学号 key',
      sheets: [correctionSheet('new', [row], { name: 'Sheet1', title: null })],
      problems: [{ messageId: 'unknown', severity: 'warning', sheet: 'Sheet1', cell: null, message: /已过入学第一学期,应为在籍生表\(附表2\).*命令行的 --kind Sheet1=在籍生\)/ }],
    },
    {
      name: 'students in their first term: the hint names 新生',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2609001250001' }], { name: 'Sheet1', title: null })],
      problems: [{ messageId: 'unknown', message: /多半是新生表\(附表1\).*--kind Sheet1=新生\)/ }],
    },
    {
      name: 'no term known: both kinds are named',
      sheets: [correctionSheet('new', [{ ...row, 学号: 'A1' }], { name: 'Sheet1', title: null })],
      problems: [{ messageId: 'unknown', message: /--kind Sheet1=新生 或 --kind Sheet1=在籍生/ }],
    },
    { name: '附表10 is not 附表1', sheets: [correctionSheet('new', [row], { name: '附表10', title: null })], problems: [{ messageId: 'unknown' }] },
    {
      name: 'a title that does not say the kind',
      sheets: [correctionSheet('new', [row], { name: 'Sheet1', title: '学生基本信息修改情况统计表' })],
      problems: [{ messageId: 'unknown', sheet: 'Sheet1', cell: 'A1', row: 1 }],
    },
  ],
});
