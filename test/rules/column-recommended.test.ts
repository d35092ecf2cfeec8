import rule from '../../src/rules/checks/column-recommended';
import { HEADERS, correctionSheet } from '../helpers/sheets';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the standard header', sheets: [correctionSheet('new', [])] },
    { name: 'an alias of 更正前', sheets: [correctionSheet('graduate', [], { headers: HEADERS.graduate.map((h) => (h === '更正前' ? '原信息' : h)) })] },
  ],
  invalid: [
    {
      name: 'no 更正前',
      sheets: [correctionSheet('enrolled', [], { headers: HEADERS.enrolled.filter((h) => h !== '更正前') })],
      problems: [{ messageId: 'missing', severity: 'warning', sheet: '在籍生', cell: null, row: 2, message: /没有“更正前”列/ }],
    },
  ],
});
