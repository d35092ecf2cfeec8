import rule from '../../src/rules/checks/name-format';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 学号: '2509001250001', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误' };
const named = (...names: string[]) => [correctionSheet('new', names.map((姓名, i) => ({ ...row, 学号: `250900125000${i + 1}`, 姓名 })))];
const fix = (cell: string, value: string) => ({ kind: 'set-text' as const, sheet: '新生', cell, value, label: '改为间隔号“·”' });

ruleTester(rule, {
  valid: [
    { name: 'Chinese names, a minority name with the middle dot, a rare character', sheets: named('张三', '阿依古丽·买买提', '𠮷田') },
    { name: 'stray spaces around a name are whitespace’s business', sheets: named(' 张三', '李四\u3000') },
    { name: 'an empty 姓名 is cell-required’s business', sheets: [correctionSheet('new', [row])] },
    {
      name: 'a merged 姓名 over a student’s two rows is judged once, and a correct one not at all',
      sheets: [
        { ...correctionSheet('new', [{ ...row, 姓名: '王五' }, { ...row, 更正内容: '民族', 更正前: '汉族', 更正后: '回族' }]), merges: ['D3:D4'] },
      ],
    },
  ],
  invalid: [
    {
      name: 'look-alike middle dots (•, ・, ., ．): fixable errors on the 姓名 cell',
      sheets: named('阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽.买买提', '阿依古丽．买买提'),
      problems: [
        { messageId: 'nameDotLookalike', severity: 'error', cell: 'D3', row: 3, studentRef: '新生#2509001250001', message: '姓名“阿依古丽•买买提”中的间隔号应为“·”(U+00B7),应改为“阿依古丽·买买提”。', fix: fix('D3', '阿依古丽·买买提') },
        { messageId: 'nameDotLookalike', cell: 'D4', fix: fix('D4', '阿依古丽·买买提') },
        { messageId: 'nameDotLookalike', cell: 'D5', fix: fix('D5', '阿依古丽·买买提') },
        { messageId: 'nameDotLookalike', cell: 'D6', fix: fix('D6', '阿依古丽·买买提') },
      ],
    },
    {
      name: 'digits, a space inside, punctuation, a misplaced dot',
      sheets: named('张3', '张 三', '张三(曾用名)', '买买提·'),
      problems: [
        { messageId: 'nameDigits', severity: 'error', cell: 'D3' },
        { messageId: 'nameSpaces', severity: 'error', cell: 'D4' },
        { messageId: 'nameChars', severity: 'error', cell: 'D5', message: /含不应出现的字符 “\(”“\)”/ },
        { messageId: 'nameDotPosition', severity: 'error', cell: 'D6' },
      ],
    },
    {
      // It would otherwise reach the package's folder name and show the name reversed (folder-name-invalid leaves it here).
      name: 'a bidi override inside a name',
      sheets: named('张\u202e三'),
      problems: [{ messageId: 'nameChars', severity: 'error', cell: 'D3' }],
    },
    { name: 'Latin letters: a warning', sheets: named('ANNA'), problems: [{ messageId: 'nameLatin', severity: 'warning', cell: 'D3' }] },
    {
      name: 'the graduate sheet’s 姓名 column',
      sheets: [correctionSheet('graduate', [{ 注册证号: '511611202005000123', 姓名: '王•五', 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' }])],
      problems: [{ messageId: 'nameDotLookalike', sheet: '毕业生', cell: 'E3', fix: { kind: 'set-text', sheet: '毕业生', cell: 'E3', value: '王·五', label: '改为间隔号“·”' } }],
    },
  ],
});
