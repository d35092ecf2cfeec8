import rule from '../../src/rules/checks/stored-as-number';
import { type SheetGrid, makeCell, parseAddress } from '../../src/rules/grid';
import { correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

const row = { 姓名: '张三', 更正内容: '身份证号', 更正原因: '录入错误' };

/** Puts a number cell as Excel holds it: 15 significant digits, shown in scientific notation. */
function withExcelNumber(sheet: SheetGrid, address: string, value: number, shown: string): SheetGrid {
  const { row: r, col } = parseAddress(address);
  sheet.rows[r - 1][col - 1] = makeCell(r, col, value, 'number', shown);
  return sheet;
}

ruleTester(rule, {
  valid: [
    {
      name: 'every key and ID held as text',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001', 更正前: '440308199901101512', 更正后: '440308199901101513' }])],
    },
    {
      name: 'numbers in the 更正后 of a row that does not correct 身份证号',
      sheets: [correctionSheet('new', [{ ...row, 学号: '2509001250001', 更正内容: '入学文化程度', 更正前: 61, 更正后: 31 }])],
    },
  ],
  invalid: [
    {
      name: 'a 13-digit 学号 held as a number: a warning with a fix',
      sheets: [correctionSheet('new', [{ ...row, 学号: 2509001250001, 更正后: '440308199901101512' }])],
      problems: [
        {
          messageId: 'exact',
          severity: 'warning',
          cell: 'C3',
          row: 3,
          studentRef: '新生#2509001250001',
          message: /学号“2509001250001”以数字存储/,
          fix: { kind: 'set-text', sheet: '新生', cell: 'C3', value: '2509001250001', label: '改为文本存储' },
        },
      ],
    },
    {
      name: 'an 18-digit 身份证号 in 更正后 held as a number: the digits are lost, no fix',
      sheets: [withExcelNumber(correctionSheet('new', [{ ...row, 学号: '2509001250001', 更正后: '0' }]), 'G3', 440308199901101000, '4.40308E+17')],
      problems: [
        {
          messageId: 'digitsLost',
          severity: 'error',
          cell: 'G3',
          message: /更正后的身份证号以数字存储.*现在单元格里是 4\.40308E\+17\(即 440308199901101000\),最后几位已经丢失,无法自动恢复/,
        },
      ],
    },
    {
      name: 'a 注册证号 held as a number',
      sheets: [
        withExcelNumber(correctionSheet('graduate', [{ ...row, 注册证号: '0', 更正后: '440308199901101512' }]), 'C3', 511611202005000000, '5.11611E+17'),
      ],
      problems: [{ messageId: 'digitsLost', severity: 'error', cell: 'C3', message: /^注册证号以数字存储/ }],
    },
    {
      name: 'an old 15-digit 身份证号 in 更正前 held as a number: exact, so a warning with a fix',
      sheets: [correctionSheet('enrolled', [{ ...row, 学号: '2509001250001', 更正前: 610104620927690, 更正后: '610104196209276908' }])],
      problems: [
        {
          messageId: 'exact',
          severity: 'warning',
          cell: 'F3',
          message: /更正前的身份证号“610104620927690”/,
          fix: { kind: 'set-text', sheet: '在籍生', cell: 'F3', value: '610104620927690', label: '改为文本存储' },
        },
      ],
    },
    {
      name: 'a 身份证号 column held as a number',
      sheets: [
        withExcelNumber(
          correctionSheet('new', [{ 学号: '2509001250001', 姓名: '张三', 身份证号: 0, 更正内容: '性别', 更正后: '女', 更正原因: '录入错误' }], {
            headers: ['学号', '姓名', '身份证号', '更正内容', '更正后', '更正原因'],
          }),
          'C3',
          110105198511220000,
          '1.10105E+17',
        ),
      ],
      problems: [{ messageId: 'digitsLost', cell: 'C3', message: /^身份证号以数字存储/ }],
    },
  ],
});
