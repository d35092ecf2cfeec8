import rule from '../../src/rules/checks/change-not-timely';
import { parsePolicy } from '../../src/rules/policy';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

// As of 2026-11-29: 2026-06-02 is 180 days before, 2026-06-01 is 181.
const r = (变更日期: string | number | null, 更正原因 = '信息变更') => ({ 学号: '2509001250001', 姓名: '张三', 更正内容: '民族', 更正后: '回族', 更正原因, 变更日期 });

ruleTester(rule, {
  valid: [
    { name: 'exactly 180 days', sheets: [correctionSheet('enrolled', [r('2026-06-02')])] },
    { name: 'a month that may end within 180 days', sheets: [correctionSheet('enrolled', [r('2026年6月')])] },
    { name: 'no date', sheets: [correctionSheet('enrolled', [r(null), r('不详')])] },
    { name: 'a 录入错误', sheets: [correctionSheet('new', [r('2020-01-01', '录入错误')])] },
    { name: 'graduates are graduate-late’s', sheets: [correctionSheet('graduate', [{ 注册证号: '511611202005000123', 姓名: '王五', 更正原因: '信息变更', 变更日期: '2019-01-01' }])] },
    { name: 'a policy with a longer limit', sheets: [correctionSheet('enrolled', [r('2026-01-01')])], options: { policy: parsePolicy({ changeTimelyDays: 365 }) } },
  ],
  invalid: [
    {
      name: '181 days',
      sheets: [correctionSheet('enrolled', [r('2026-06-01')])],
      problems: [
        {
          messageId: 'late',
          severity: 'warning',
          sheet: '在籍生',
          cell: 'J3',
          row: 3,
          studentRef: '在籍生#2509001250001',
          message: '信息变更发生于 2026-06-01,到 2026-11-29 已过 181 天(超过 180 天):信息变更应在变更后及时提交申请,不得拖延到毕业时。请在书面报告中说明未及时提交的原因。',
        },
      ],
    },
    {
      name: 'a month counted from its last day, and an Excel serial',
      sheets: [correctionSheet('new', [r('2026-05'), r(45413)])],
      problems: [
        { cell: 'J3', message: /发生于 2026-05,到 2026-11-29 已过 182 天/ },
        { cell: 'J4', message: /发生于 2024-05-01/ },
      ],
    },
  ],
});
