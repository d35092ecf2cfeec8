/**
 * The 姓名 column gets the 姓名 checks of a 更正后 姓名 (name-verdict.ts: the same messages, severities and fixes):
 * it names the student's folder in the package, so a look-alike middle dot (•, ・, ., ．) would otherwise go into
 * the folder name as it is.
 */
import { NAME_MESSAGES, nameVerdict } from '../name-verdict';
import { defineRule } from '../rule';
import { ownCell, rowText } from '../rows';
import { cleanSpaces } from '../values';

export default defineRule({
  meta: {
    id: 'name-format',
    severity: 'error',
    description: '姓名列的姓名不规范(数字、空格、符号、间隔号)',
    fixable: true,
    messages: NAME_MESSAGES,
  },
  check(ctx) {
    for (const { table, row } of ctx.dataRows) {
      const cell = ownCell(table, row, 'name');
      // Stray spaces are whitespace's business.
      const found = cell && nameVerdict(cleanSpaces(rowText(row, 'name')));
      if (found) ctx.report({ ...found, at: { table, row, cell } });
    }
  },
});
