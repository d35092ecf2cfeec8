/**
 * The 姓名 column gets the 姓名 checks of a 更正后 姓名 (name-verdict.ts: the same messages, severities and fixes):
 * it names the student's folder in the package, so a look-alike middle dot (•, ・, ., ．) would otherwise go into
 * the folder name as it is.
 */
import { NAME_MESSAGES, nameVerdict } from '../name-verdict';
import { defineRule } from '../rule';
import { rowText } from '../rows';
import { rowStudentId } from '../students';
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
    for (const table of ctx.tables) {
      for (const row of table.rows) {
        const cell = row.cells.name;
        // Stray spaces are whitespace's business; a merged 姓名 is judged once, on its top-left cell.
        const value = cleanSpaces(rowText(row, 'name'));
        if (!cell || value === '' || table.mergedCopies.has(cell.address)) continue;
        const found = nameVerdict(value);
        if (!found) continue;
        ctx.report({
          messageId: found.messageId,
          params: found.params,
          severity: found.severity,
          sheet: table.sheet,
          cell: cell.address,
          row: row.row,
          student: rowStudentId(table, row),
          fix: found.fix && { kind: 'set-text', sheet: table.sheet, cell: cell.address, value: found.fix.value, label: found.fix.label },
        });
      }
    }
  },
});
