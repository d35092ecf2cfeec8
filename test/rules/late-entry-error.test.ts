import rule from '../../src/rules/checks/late-entry-error';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

// As of 2026-11-29 (the tester's default): the 2026 autumn term runs to 2027-02-28, 2025 autumn ended 2026-02-28.
const autumn2026 = '2609001250001';
const autumn2025 = '2509001250001';
const r = (学号: string, 更正原因: string, extra: Record<string, string> = {}) => ({ 学号, 姓名: '张三', 更正内容: '性别', 更正后: '女', 更正原因, ...extra });

ruleTester(rule, {
  valid: [
    { name: 'a 新生 in the first term', sheets: [correctionSheet('new', [r(autumn2026, '录入错误'), r(autumn2026, '信息变更')])] },
    { name: 'the 入学学期 column wins over the 学号', sheets: [correctionSheet('new', [r(autumn2025, '录入错误', { 入学学期: '2026秋' })])] },
    { name: 'an earlier as-of date', sheets: [correctionSheet('new', [r(autumn2025, '录入错误')])], options: { asOf: '2026-02-28' } },
    { name: 'an enrollment term that cannot be told', sheets: [correctionSheet('new', [r('123', '录入错误')])] },
    { name: 'a 信息变更 on the 在籍生 table', sheets: [correctionSheet('enrolled', [r(autumn2025, '信息变更')])] },
    { name: 'graduates are graduate-late’s', sheets: [correctionSheet('graduate', [{ 注册证号: '511611202005000123', 学号: autumn2025, 姓名: '王五', 更正原因: '录入错误' }])] },
  ],
  invalid: [
    {
      name: 'a 新生 past the first term: every row',
      sheets: [correctionSheet('new', [r(autumn2025, '录入错误'), r(autumn2025, '信息变更', { 更正内容: '民族' })])],
      problems: [
        {
          messageId: 'newPastFirstTerm',
          severity: 'warning',
          sheet: '新生',
          cell: 'C3',
          row: 3,
          studentRef: `新生#${autumn2025}`,
          message:
            '2509001250001张三 于 2025年秋季入学(依据学号),入学第一学期已于 2026-02-28 结束,不再是新生:此学生应填入在籍生表。超过规定时间的修改属个例,须提交信息修改书面报告说明原因,由主管校长审批签字并加盖学校公章,并提供相应证明材料。',
        },
        { messageId: 'newPastFirstTerm', cell: 'C4', row: 4 },
      ],
    },
    {
      name: 'past the first term by the 入学学期 column',
      sheets: [correctionSheet('new', [r(autumn2026, '录入错误', { 入学学期: '2025年春季' })])],
      problems: [{ cell: 'C3', message: /于 2025年春季入学\(依据入学学期列\),入学第一学期已于 2025-08-31 结束/ }],
    },
    {
      name: 'a 录入错误 on the 在籍生 table',
      sheets: [correctionSheet('enrolled', [r(autumn2025, '录入错误'), r(autumn2025, '信息变更', { 更正内容: '民族' })])],
      problems: [{ messageId: 'enrolledEntryError', severity: 'warning', cell: 'H3', row: 3, studentRef: `在籍生#${autumn2025}`, message: /主管校长审批签字并加盖学校公章/ }],
    },
  ],
});
