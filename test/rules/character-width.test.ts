import rule from '../../src/rules/checks/character-width';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误' };
const idRow = { ...row, 更正内容: '身份证号', 更正前: '110105199003071234', 更正后: '11010519900307125X' };
const withId = [...correctionSheet('new', []).rows[1]!.map((c) => c!.text), '身份证号'];
const fix = (cell: string, value: string, sheet = '新生') => ({ kind: 'set-text' as const, sheet, cell, value, label: '改为半角并去除不可见字符' });

ruleTester(rule, {
  valid: [
    { name: 'half-width keys and 身份证号', sheets: [correctionSheet('new', [row, idRow])] },
    { name: 'full-width characters in a 姓名 or a 民族 are not this rule’s', sheets: [correctionSheet('new', [{ ...row, 姓名: 'ＡＮＮＡ', 更正内容: '民族', 更正前: '汉族', 更正后: '回族' }])] },
    { name: 'a full-width digit in the 更正后 of a 姓名 row is new-value-invalid’s', sheets: [correctionSheet('new', [{ ...row, 更正内容: '姓名', 更正前: '张三', 更正后: '张３' }])] },
    { name: 'an ordinary or full-width space is whitespace’s', sheets: [correctionSheet('new', [{ ...row, 学号: ' 2509001250001\u3000' }])] },
    { name: 'a number cell is stored-as-number’s', sheets: [correctionSheet('new', [{ ...row, 学号: 2509001250001 }])] },
  ],
  invalid: [
    {
      name: 'a full-width 学号',
      sheets: [correctionSheet('new', [{ ...row, 学号: '２５０９００１２５０００１' }])],
      problems: [
        {
          severity: 'error',
          cell: 'C3',
          row: 3,
          studentRef: '新生#２５０９００１２５０００１',
          message: '学号“２５０９００１２５０００１”含全角字符 “２”“５”“０”“９”“１”:看上去无误,却不是系统能识别的号码,应为“2509001250001”。',
          fix: fix('C3', '2509001250001'),
        },
      ],
    },
    {
      name: 'a full-width Ｘ and a full-width ｘ in the 更正前/更正后 of a 身份证号 row: the fix writes X',
      sheets: [correctionSheet('new', [{ ...idRow, 更正前: '11010519900307123Ｘ', 更正后: '１１０１０５１９９００３０７１２５ｘ' }])],
      problems: [
        { cell: 'F3', message: /^更正前的身份证号“11010519900307123Ｘ”含全角字符 “Ｘ”/, fix: fix('F3', '11010519900307123X') },
        { cell: 'G3', message: /^更正后的身份证号/, fix: fix('G3', '11010519900307125X') },
      ],
    },
    {
      name: 'invisible characters: a zero-width space, a no-break space, a soft hyphen, a BOM',
      sheets: [
        correctionSheet('new', [
          { ...row, 学号: '2509001\u200b250001' },
          { ...row, 学号: '2509001250002\u00a0' },
          { ...idRow, 学号: '2509001250003', 更正后: '110105199003\u00ad07125X' },
          { ...row, 学号: '\ufeff2509001250004' },
        ]),
      ],
      problems: [
        { cell: 'C3', message: '学号“2509001□250001”含不可见的零宽空格(以 □ 标出):看上去无误,却不是系统能识别的号码,应为“2509001250001”。', fix: fix('C3', '2509001250001') },
        { cell: 'C4', message: /含不可见的不间断空格/, fix: fix('C4', '2509001250002') },
        { cell: 'G5', message: /^更正后的身份证号“110105199003□07125X”含不可见的软连字符/, fix: fix('G5', '11010519900307125X') },
        { cell: 'C6', message: /含不可见的字节顺序标记\(BOM\)/, fix: fix('C6', '2509001250004') },
      ],
    },
    {
      name: 'the 注册证号 and the 学号 of the graduate sheet, and a 身份证号 column',
      sheets: [
        correctionSheet('graduate', [{ 注册证号: '５１１６１１２０２００５０００１２３', 学号: '2009001250001\u200b', 姓名: '王五', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' }]),
        correctionSheet('new', [{ ...row, 身份证号: '11010519900307123\u200bX' }], { headers: withId }),
      ],
      problems: [
        { messageId: 'flawed', sheet: '毕业生', cell: 'C3', fix: fix('C3', '511611202005000123', '毕业生') },
        { messageId: 'flawed', sheet: '毕业生', cell: 'D3', fix: fix('D3', '2009001250001', '毕业生') },
        { sheet: '新生', cell: 'L3', message: /^身份证号“/, fix: fix('L3', '11010519900307123X') },
      ],
    },
  ],
});
