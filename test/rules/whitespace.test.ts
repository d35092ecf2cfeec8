import rule from '../../src/rules/checks/whitespace';
import { applyFix } from '../../src/rules/fix';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester, runRule } from '../helpers/rule-tester';

const row = { 学号: '2509001250001', 姓名: '张三', 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更' };
const set = (cell: string, value: string) => ({ kind: 'set-text' as const, sheet: '新生', cell, value, label: '去除多余空格' });

ruleTester(rule, {
  valid: [
    { name: 'clean cells', sheets: [correctionSheet('new', [row])] },
    { name: 'spaces in a column this rule does not read (备注)', sheets: [correctionSheet('new', [{ ...row, 备注: ' 见附件 ' }])] },
    { name: 'a number cell', sheets: [correctionSheet('new', [{ ...row, 学号: 2509001250001 }])] },
    { name: 'an ordinary space inside (new-value-invalid judges names)', sheets: [correctionSheet('new', [{ ...row, 更正后: 'Anna Li' }])] },
    {
      name: 'invisible spaces inside a 学号 or a 身份证号 (character-width’s business)',
      sheets: [
        correctionSheet('new', [
          { ...row, 学号: '\ufeff2509001250001' },
          { ...row, 学号: '2509001250002\u00a0', 更正内容: '身份证号', 更正前: '110105199003071234', 更正后: '11010519900307\u200b1258' },
        ]),
      ],
    },
  ],
  invalid: [
    {
      name: 'a no-break space in 姓名 is still this rule’s, and an ordinary trailing space in a 学号 beside a BOM',
      sheets: [correctionSheet('new', [{ ...row, 学号: '\ufeff2509001250001 ', 姓名: '张三\u00a0' }])],
      problems: [
        { cell: 'C3', message: '“学号”结尾有空格:应为“2509001250001”。', fix: set('C3', '2509001250001') },
        { cell: 'D3', message: /“姓名”结尾有空格、含不间断空格/, fix: set('D3', '张三') },
      ],
    },
    {
      name: 'a trailing space in the key and a leading one in 姓名',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001 ', 姓名: ' 张三' }])],
      problems: [
        { messageId: 'spaces', severity: 'warning', cell: 'C3', row: 3, message: '“学号”结尾有空格:应为“2509001250001”。', fix: set('C3', '2509001250001') },
        { cell: 'D3', message: /“姓名”开头有空格/, fix: set('D3', '张三') },
      ],
    },
    {
      name: 'a full-width space inside and a no-break space at the end',
      sheets: [correctionSheet('new', [{ ...row, 姓名: '张\u3000三', 更正原因: '信息变更\u00a0' }])],
      problems: [
        { cell: 'D3', message: /含全角空格/, fix: set('D3', '张三') },
        { cell: 'H3', message: /结尾有空格、含不间断空格/, fix: set('H3', '信息变更') },
      ],
    },
    {
      name: 'a zero-width space in 更正前, 更正后 and 更正内容',
      sheets: [correctionSheet('new', [{ ...row, 更正内容: '民\u200b族', 更正前: '\u200b汉族', 更正后: '回族\ufeff' }])],
      problems: [
        { cell: 'E3', message: /含不可见的空白字符/, fix: set('E3', '民族') },
        { messageId: 'spaces', cell: 'F3', fix: set('F3', '汉族') },
        { messageId: 'spaces', cell: 'G3', fix: set('G3', '回族') },
      ],
    },
    {
      name: 'a merged 姓名 is reported once',
      sheets: [
        (() => {
          const s = correctionSheet('new', [{ ...row, 姓名: '张三 ' }, { ...row, 姓名: null, 更正内容: '性别', 更正前: '男', 更正后: '女' }]);
          s.merges = ['D3:D4'];
          return s;
        })(),
      ],
      problems: [{ messageId: 'spaces', cell: 'D3', fix: 'any' }],
    },
  ],
});

describe('whitespace fixes', () => {
  it('leave nothing for the rule to report once applied', () => {
    let sheet = correctionSheet('new', [{ ...row, 学号: ' 2509001250001', 姓名: '张\u3000三 ', 更正后: '回族\u00a0' }]);
    for (const p of runRule(rule, { name: 'before', sheets: [sheet] })) sheet = applyFix(sheet, p.fix!);
    expect(runRule(rule, { name: 'after', sheets: [sheet] })).toEqual([]);
  });
});
