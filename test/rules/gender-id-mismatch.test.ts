import rule from '../../src/rules/checks/gender-id-mismatch';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const MALE_ID = '440308199901101512';
const FEMALE_ID = '110105198511220021';
const zhang = { 学号: '2509001250001', 姓名: '张三', 更正原因: '录入错误' };
const withColumns = ['学号', '姓名', '性别', '身份证号', '更正内容', '更正前', '更正后', '更正原因'];

ruleTester(rule, {
  valid: [
    {
      name: 'a corrected 性别 that agrees with the 身份证号 column',
      sheets: [correctionSheet('new', [{ ...zhang, 身份证号: FEMALE_ID, 更正内容: '性别', 更正前: '男', 更正后: '女' }], { headers: withColumns })],
    },
    {
      name: 'the corrected 身份证号 wins over the old one',
      sheets: [correctionSheet('new', [{ ...zhang, 性别: '女', 更正内容: '身份证号', 更正前: MALE_ID, 更正后: FEMALE_ID }], { headers: withColumns })],
    },
    { name: 'no 性别 known', sheets: [correctionSheet('new', [{ ...zhang, 更正内容: '身份证号', 更正后: MALE_ID }])] },
    {
      name: 'an invalid 身份证号 is skipped (new-value-invalid reports it)',
      sheets: [correctionSheet('new', [{ ...zhang, 性别: '女', 更正内容: '身份证号', 更正后: '440308199901101513' }], { headers: withColumns })],
    },
    {
      name: 'a 15-digit 身份证号 is skipped',
      sheets: [correctionSheet('new', [{ ...zhang, 性别: '男', 更正内容: '身份证号', 更正后: '610104620927690' }], { headers: withColumns })],
    },
  ],
  invalid: [
    {
      name: 'a corrected 性别 against the 身份证号 column: on the 性别 correction',
      sheets: [correctionSheet('new', [{ ...zhang, 身份证号: MALE_ID, 更正内容: '性别', 更正前: '男', 更正后: '女' }], { headers: withColumns })],
      problems: [
        {
          messageId: 'mismatch',
          severity: 'error',
          cell: 'G3',
          row: 3,
          studentRef: '新生#2509001250001',
          message: '身份证号“440308199901101512”(D3)第 17 位是奇数,应为男性,而性别填的是“女”(G3):请与身份证原件核对。',
        },
      ],
    },
    {
      name: 'a corrected 身份证号 against the 性别 of another row of the studentRef: on the 身份证号',
      sheets: [
        correctionSheet('enrolled', [
          { ...zhang, 更正内容: '身份证号', 更正前: MALE_ID, 更正后: FEMALE_ID },
          { ...zhang, 更正内容: '性别', 更正前: '女', 更正后: '男' },
        ]),
      ],
      problems: [{ cell: 'G4', row: 4, message: /第 17 位是偶数,应为女性,而性别填的是“男”\(G4\)/ }],
    },
    {
      name: 'only old values known (no 更正后 for the 身份证号 row): the 性别 column',
      sheets: [correctionSheet('new', [{ ...zhang, 性别: '女', 更正内容: '身份证号', 更正前: MALE_ID }], { headers: withColumns })],
      problems: [{ cell: 'F3', message: /“440308199901101512”\(F3\).*“女”\(C3\)/ }],
    },
  ],
});
