import rule from '../../src/rules/checks/sort-order';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const r = (学号: string, 姓名: string, 更正内容 = '性别') => ({ 学号, 姓名, 更正内容, 更正后: '女', 更正原因: '录入错误' });
const g = (注册证号: string, 学号: string) => ({ 注册证号, 学号, 姓名: '王五', 更正内容: '性别', 更正原因: '录入错误' });
const blank = { 序号: null };

ruleTester(rule, {
  valid: [
    { name: 'ascending 学号', sheets: [correctionSheet('new', [r('2509001250001', '张三'), r('2509001250002', '李四')])] },
    { name: 'one student on two rows', sheets: [correctionSheet('new', [r('2509001250001', '张三', '性别'), r('2509001250001', '张三', '民族'), r('2509001250002', '李四')])] },
    { name: 'digits compare as numbers, not as text', sheets: [correctionSheet('enrolled', [r('999', '张三'), r('1000', '李四')])] },
    { name: 'a blank row and a row without a key do not count', sheets: [correctionSheet('new', [r('2509001250001', '张三'), blank, { 姓名: '无名' }, r('2509001250002', '李四')])] },
    { name: 'a leading apostrophe does not move a key', sheets: [correctionSheet('enrolled', [r("'2509001200013", '孙丽'), r('2509001200020', '李四')])] },
    { name: 'full-width digits and a zero-width space do not move a key', sheets: [correctionSheet('enrolled', [r('２５０９００１２００００５', '张三'), r('2509001\u200b200013', '孙丽'), r('2509001200020', '李四')])] },
    {
      name: 'graduates by 注册证号, whatever their 学号',
      sheets: [correctionSheet('graduate', [g('511611202005000001', '2009001250009'), g('511611202005000002', '2009001250001')])],
    },
  ],
  invalid: [
    {
      name: 'three rows out of order',
      sheets: [correctionSheet('new', [r('2509001250003', '王五'), r('2509001250001', '张三'), r('2509001250002', '李四')])],
      problems: [
        {
          messageId: 'unsorted',
          severity: 'error',
          sheet: '新生',
          cell: 'C4',
          row: 4,
          studentRef: '新生#2509001250001',
          message: '数据行应按学号升序排列:第 4 行的 2509001250001 应排在第 3 行的 2509001250003 之前。可一键按学号升序整行排序。',
          fix: { kind: 'sort-rows', sheet: '新生', firstRow: 3, lastRow: 5, order: [4, 5, 3], label: '按学号升序排序数据行(整行移动)' },
        },
      ],
    },
    {
      name: 'a student split in two, a blank row and a row without a key',
      sheets: [
        correctionSheet('enrolled', [
          r('2509001250002', '李四', '姓名'),
          r('2509001250001', '张三'),
          blank,
          { 姓名: '无名' },
          r('2509001250002', '李四', '民族'),
        ]),
      ],
      problems: [{ messageId: 'unsorted', row: 4, cell: 'C4', fix: { kind: 'sort-rows', sheet: '在籍生', firstRow: 3, lastRow: 7, order: [4, 3, 7, 6, 5], label: '按学号升序排序数据行(整行移动)' } }],
    },
    {
      name: 'a key with a leading apostrophe out of order: the message names the order the right way round',
      sheets: [correctionSheet('enrolled', [r('2509001200020', '李四'), r("'2509001200013", '孙丽')])],
      problems: [{ row: 4, cell: 'C4', message: "数据行应按学号升序排列:第 4 行的 '2509001200013 应排在第 3 行的 2509001200020 之前。可一键按学号升序整行排序。", fix: 'any' }],
    },
    {
      name: 'numeric order, not text order',
      sheets: [correctionSheet('enrolled', [r('1000', '李四'), r('999', '张三')])],
      problems: [{ messageId: 'unsorted', row: 4, fix: 'any' }],
    },
    {
      name: 'keys that are not digits come after digit keys',
      sheets: [correctionSheet('enrolled', [r('25A', '李四'), r('2509001250001', '张三')])],
      problems: [{ messageId: 'unsorted', row: 4, fix: 'any' }],
    },
    {
      name: 'graduates out of 注册证号 order',
      sheets: [correctionSheet('graduate', [g('511611202005000002', '2009001250001'), g('511611202005000001', '2009001250009')])],
      problems: [{ cell: 'C4', row: 4, message: /应按注册证号升序排列/, fix: 'any' }],
    },
  ],
});
