import rule from '../../src/rules/checks/folder-name-invalid';
import { parsePolicy } from '../../src/rules/policy';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';
import { SHEETS, scan, scanSet } from '../scan/fixtures';

const row = { 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' };
/** With name-format on, a 姓名 it reports as an error is said there (the same cell), not twice. */
const nameFormatOff = { policy: parsePolicy({ severities: { 'name-format': 'off' } }) };
const badNames = [correctionSheet('new', [{ ...row, 学号: '2509001250001', 姓名: '张三.' }, { ...row, 学号: '2509001250002', 姓名: 'Jose\u0301' }])];

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary names, a minority name with a middle dot, one student on two rows',
      sheets: [
        correctionSheet('new', [
          { ...row, 学号: '2509001250001', 姓名: '张三' },
          { ...row, 学号: '2509001250001', 姓名: '张三', 更正内容: '民族', 更正后: '回族' },
          { ...row, 学号: '2509001250002', 姓名: '阿依古丽·买买提' },
        ]),
      ],
    },
    {
      name: 'the same name under different keys on two tables',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001', 姓名: '张三' }]), correctionSheet('enrolled', [{ ...row, 学号: '2409001250001', 姓名: '张三' }])],
    },
    { name: 'a 姓名 with “?”: name-format’s business', sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001', 姓名: '张三?' }])] },
    { name: 'a 姓名 ending in a dot, and one not in NFC: name-format’s business', sheets: badNames },
  ],
  invalid: [
    {
      name: 'a character Windows refuses in 姓名, with name-format off: on the 姓名 cell',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001', 姓名: '张三?' }])],
      options: nameFormatOff,
      problems: [
        {
          messageId: 'unusable',
          severity: 'error',
          cell: 'D3',
          row: 3,
          studentRef: '新生#2509001250001',
          message: '文件夹名“2509001250001张三?”不能使用:含 Windows 不允许的字符 “?”。请按证件核对并改正姓名(导出时不会自动改名)。',
        },
      ],
    },
    {
      name: 'a 姓名 ending in a dot, and one not in NFC, with name-format off',
      sheets: badNames,
      options: nameFormatOff,
      problems: [
        { cell: 'D3', message: /以点或空格结尾/ },
        { cell: 'D4', message: /不是 Unicode NFC 规范形式/ },
      ],
    },
    {
      name: 'two scans whose names differ only in NFC/NFD form: both kept, both reported',
      sheets: SHEETS,
      options: { scans: scanSet([scan('张三/José.jpg'), scan('张三/Jose\u0301.jpg'), scan('张三/身份证.jpg')], []) },
      problems: [
        { messageId: 'twin', file: '张三/José.jpg', message: /与 张三\/Jose\u0301\.jpg 的名称只是 Unicode 组合方式不同/ },
        { messageId: 'twin', file: '张三/Jose\u0301.jpg' },
      ],
    },
    {
      // A bidi override in 姓名 (D3) is name-format's error on the same cell, said once there (name-format.test.ts).
      name: 'a zero-width space in 姓名; a bidi override is left to name-format',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001', 姓名: '张\u202e三' }, { ...row, 学号: '2509001250002', 姓名: '李\u200b四' }])],
      problems: [{ cell: 'D4', message: /零宽/ }],
    },
    {
      name: 'a slash in the key: on the key cell',
      sheets: [correctionSheet('graduate', [{ ...row, 注册证号: '511611202005/00123', 姓名: '王五' }])],
      problems: [{ cell: 'C3', message: /“\/”.*改正注册证号/ }],
    },
    {
      name: 'two folders equal ignoring case, across tables: on the later student',
      sheets: [
        correctionSheet('new', [{ ...row, 学号: '2509001250001', 姓名: 'ANNA' }]),
        correctionSheet('enrolled', [{ ...row, 学号: '2509001250001', 姓名: 'Anna' }]),
      ],
      problems: [
        {
          messageId: 'collision',
          sheet: '在籍生',
          cell: 'D3',
          studentRef: '在籍生#2509001250001',
          message: /“2509001250001Anna”与工作表“新生”第 3 行学生的“2509001250001ANNA”在 Windows 上是同一个名称/,
        },
      ],
    },
  ],
});
