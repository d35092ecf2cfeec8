import rule from '../../src/rules/checks/graduate-change-rejected';
import { HEADERS, correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const regNo2020 = '511611202005000123';
const r = (变更日期: string | number | null, 毕业时间: string | number | null, extra: Record<string, string> = {}) => ({
  注册证号: regNo2020,
  姓名: '王五',
  更正内容: '民族',
  更正后: '回族',
  更正原因: '信息变更',
  变更日期,
  毕业时间,
  ...extra,
});
const noGradColumn = HEADERS.graduate.filter((h) => h !== '毕业时间');

ruleTester(rule, {
  valid: [
    { name: 'a change before graduation', sheets: [correctionSheet('graduate', [r('2019-05-01', '2020-07')])] },
    { name: 'a change on the day of graduation', sheets: [correctionSheet('graduate', [r('2020-07-01', '2020-07-01')])] },
    { name: 'a date cell and an Excel serial number', sheets: [correctionSheet('graduate', [r(43466, '2020年7月')])] },
    { name: 'a 录入错误 has no date to check', sheets: [correctionSheet('graduate', [r(null, null, { 更正原因: '录入错误' })])] },
    { name: 'a change before the graduation year of the 注册证号', sheets: [correctionSheet('graduate', [r('2019-12-31', null)], { headers: noGradColumn })] },
    { name: 'not on other tables', sheets: [correctionSheet('enrolled', [{ 学号: '2509001250001', 姓名: '张三', 更正原因: '信息变更', 变更日期: '2026-01-01' }])] },
  ],
  invalid: [
    {
      name: 'a change after graduation',
      sheets: [correctionSheet('graduate', [r('2021-03-01', '2020-07')])],
      problems: [
        {
          messageId: 'afterGraduation',
          severity: 'error',
          sheet: '毕业生',
          cell: 'J3',
          row: 3,
          studentRef: `毕业生#${regNo2020}`,
          message: '信息变更发生于 2021-03-01,晚于毕业时间 2020-07(依据毕业时间列):学生毕业后发生的个人信息变更,不做相应变更修改。此行不能上报。',
        },
      ],
    },
    {
      name: 'a change in a later year than the 注册证号’s graduation year',
      sheets: [correctionSheet('graduate', [r('2021-01-05', null)], { headers: noGradColumn })],
      problems: [{ messageId: 'afterGraduation', severity: 'error', message: /晚于毕业时间 2020\(依据注册证号中的毕业年份\)/ }],
    },
    {
      name: 'an empty 毕业时间 cell falls back to the 注册证号 too',
      sheets: [correctionSheet('graduate', [r('2022-06', null)])],
      problems: [{ messageId: 'afterGraduation', message: /2022-06,晚于毕业时间 2020/ }],
    },
    {
      name: 'the graduation year alone cannot order a change in that year',
      sheets: [correctionSheet('graduate', [r('2020-03-01', null)], { headers: noGradColumn })],
      problems: [{ messageId: 'uncertain', severity: 'warning', message: /变更日期 2020-03-01 与毕业时间 2020/ }],
    },
    {
      name: 'a change in the month of graduation',
      sheets: [correctionSheet('graduate', [r('2020-07', '2020-07-10')])],
      problems: [{ messageId: 'uncertain', severity: 'warning', cell: 'J3' }],
    },
    {
      name: 'no 变更日期',
      sheets: [correctionSheet('graduate', [r(null, '2020-07'), r('上半年', '2020-07')])],
      problems: [
        { messageId: 'changeDateUnknown', severity: 'warning', cell: 'J3', message: /变更日期未填写/ },
        { messageId: 'changeDateUnknown', severity: 'warning', cell: 'J4', message: /变更日期“上半年”无法识别/ },
      ],
    },
    {
      name: 'no 变更日期 column: placed on 更正原因',
      sheets: [correctionSheet('graduate', [r(null, '2020-07')], { headers: HEADERS.graduate.filter((h) => h !== '变更日期') })],
      problems: [{ messageId: 'changeDateUnknown', cell: 'I3', message: /变更日期列不存在/ }],
    },
    {
      name: 'no graduation date anywhere',
      sheets: [correctionSheet('graduate', [r('2021-03-01', null, { 注册证号: '5116112020' })])],
      problems: [{ messageId: 'gradDateUnknown', severity: 'warning', message: /无法判断变更日期 2021-03-01 是否在毕业之前/ }],
    },
  ],
});
