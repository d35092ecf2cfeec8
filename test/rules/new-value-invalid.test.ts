import rule from '../../src/rules/checks/new-value-invalid';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const base = { 学号: '2509001250001', 姓名: '张三', 更正原因: '录入错误' };
const one = (更正内容: string, 更正后: string | number) => [correctionSheet('new', [{ ...base, 更正内容, 更正后 }])];
const fix = (value: string, label: string) => ({ kind: 'set-text' as const, sheet: '新生', cell: 'G3', value, label });

ruleTester(rule, {
  valid: [
    {
      name: 'a correct value for each field',
      sheets: [
        correctionSheet(
          'new',
          [
            ['身份证号', '51010219850612003X'],
            ['身份证号', '810000199408230021'],
            ['性别', '女'],
            ['民族', '蒙古族'],
            ['入学文化程度', '高中'],
            ['入学文化程度', '大学专科毕业'],
            ['姓名', '阿依古丽·买买提'],
            ['姓名', '𠮷田'],
          ].map(([f, v]) => ({ ...base, 更正内容: f, 更正后: v })),
        ),
      ],
    },
    { name: 'surrounding spaces are whitespace’s business', sheets: one('性别', ' 男\u3000') },
    { name: 'an unknown 更正内容 is change-field-invalid’s business', sheets: one('学历', '火星大学') },
    { name: 'an 18-digit 身份证号 held as a number is stored-as-number’s business', sheets: one('身份证号', 440308199901101000) },
    { name: 'full-width digits and a full-width ｘ are character-width’s business', sheets: one('身份证号', '５１０１０２１９８５０６１２００３ｘ') },
    { name: 'a zero-width space inside a valid 身份证号 is character-width’s business', sheets: one('身份证号', '510102198506\u200b12003X') },
  ],
  invalid: [
    {
      name: '身份证号 with a wrong check character',
      sheets: one('身份证号', '440308199901101513'),
      problems: [{ messageId: 'idInvalid', severity: 'error', cell: 'G3', row: 3, studentRef: '新生#2509001250001', message: '更正后的身份证号“440308199901101513”无效:末位校验码应为 2,现为 3(号码中有数字录错)。' }],
    },
    { name: '身份证号 of a future birth date', sheets: one('身份证号', '110105202701010016'), problems: [{ messageId: 'idInvalid', message: /出生日期 2027-01-01 晚于校验日期/ }] },
    { name: '身份证号 with a bad region', sheets: one('身份证号', '990105199003071232'), problems: [{ messageId: 'idInvalid', message: /前两位“99”不是省级行政区代码/ }] },
    {
      name: 'full-width digits with a wrong check character: judged on the half-width value',
      sheets: one('身份证号', '４４０３０８１９９９０１１０１５１３'),
      problems: [{ messageId: 'idInvalid', message: /“440308199901101513”无效:末位校验码应为 2/ }],
    },
    {
      name: 'a 15-digit 身份证号: an error showing the conversion',
      sheets: one('身份证号', '610104620927690'),
      problems: [{ messageId: 'idFifteen', severity: 'error', message: /15 位旧号码,应填写 18 位号码“610104196209276908”/ }],
    },
    {
      name: 'a 15-digit 身份证号 with an impossible date',
      sheets: one('身份证号', '610104620932690'),
      problems: [{ messageId: 'idInvalid', message: /是 15 位旧号码,且第 7–14 位的出生日期 1962-09-32 不存在/ }],
    },
    {
      name: 'a lowercase x: a fixable warning',
      sheets: one('身份证号', '51010219850612003x'),
      problems: [{ messageId: 'idLowercaseX', severity: 'warning', fix: fix('51010219850612003X', '改为大写 X') }],
    },

    { name: 'a 性别 other than 男 or 女', sheets: one('性别', '男性'), problems: [{ messageId: 'gender', severity: 'error', message: '性别“男性”无效:只能填写“男”或“女”。' }] },
    { name: 'an unknown 民族', sheets: one('民族', '穿青人'), problems: [{ messageId: 'ethnicUnknown', severity: 'error' }] },
    {
      name: 'a bare 民族 name: fixable',
      sheets: one('民族', '汉'),
      problems: [{ messageId: 'ethnicBare', severity: 'warning', message: '民族应写全称:“汉”应为“汉族”。', fix: fix('汉族', '改为“汉族”') }],
    },
    {
      name: 'an old 民族 name: fixable',
      sheets: one('民族', '毛难族'),
      problems: [{ messageId: 'ethnicOld', severity: 'warning', message: '“毛难族”是旧称,现名“毛南族”。', fix: fix('毛南族', '改为“毛南族”') }],
    },
    { name: 'an unknown 入学文化程度', sheets: one('入学文化程度', '自学'), problems: [{ messageId: 'education', severity: 'error' }] },
    { name: 'a word that names a property of every object, not a short form', sheets: one('入学文化程度', 'toString'), problems: [{ messageId: 'education', severity: 'error' }] },
    { name: 'a 姓名 with a digit', sheets: one('姓名', '张3'), problems: [{ messageId: 'nameDigits', severity: 'error' }] },
    { name: 'a 姓名 with a space inside', sheets: one('姓名', '张 三'), problems: [{ messageId: 'nameSpaces', severity: 'error' }] },
    { name: 'a 姓名 with punctuation', sheets: one('姓名', '张三(曾用名)'), problems: [{ messageId: 'nameChars', message: /含不应出现的字符 “\(”“\)”/ }] },
    { name: 'a 姓名 ending in a middle dot', sheets: one('姓名', '买买提·'), problems: [{ messageId: 'nameDotPosition' }] },
    {
      name: 'a look-alike middle dot (•): a fixable error',
      sheets: one('姓名', '阿依古丽•买买提'),
      problems: [{ messageId: 'nameDotLookalike', severity: 'error', fix: fix('阿依古丽·买买提', '改为间隔号“·”') }],
    },
    {
      name: 'a full stop or a katakana dot for the middle dot: fixable errors',
      sheets: [correctionSheet('new', [{ ...base, 更正内容: '姓名', 更正后: '阿依古丽.买买提' }, { ...base, 更正内容: '姓名', 更正后: '阿依古丽・买买提' }])],
      problems: [
        { messageId: 'nameDotLookalike', severity: 'error', cell: 'G3', fix: fix('阿依古丽·买买提', '改为间隔号“·”') },
        { messageId: 'nameDotLookalike', severity: 'error', cell: 'G4', fix: { ...fix('阿依古丽·买买提', '改为间隔号“·”'), cell: 'G4' } },
      ],
    },
    { name: 'Latin letters in a 姓名: a warning', sheets: one('姓名', 'ANNA'), problems: [{ messageId: 'nameLatin', severity: 'warning' }] },
  ],
});
