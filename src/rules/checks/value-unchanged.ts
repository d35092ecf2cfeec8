/**
 * 更正前 equals 更正后 (after normalisation: NFKC, spaces removed, and the case of x for 身份证号). A correction
 * that changes nothing is almost surely a mistake in one of the two cells, so it is an error.
 */
import { defineRule } from '../rule';
import { normalizeValue, rowText } from '../rows';

export default defineRule({
  meta: {
    id: 'value-unchanged',
    severity: 'error',
    description: '更正前与更正后相同',
    messages: {
      same: '更正前与更正后都是“{value}”,这一行没有更正任何内容:请核对两格中哪一格填错了。',
    },
  },
  check(ctx) {
    for (const { table, row } of ctx.dataRows) {
      const cell = row.cells.after;
      const before = normalizeValue(rowText(row, 'before'));
      const after = normalizeValue(rowText(row, 'after'));
      if (!cell || before === '' || after === '') continue;
      const isId = row.changeField === '身份证号';
      if ((isId ? before.toUpperCase() : before) !== (isId ? after.toUpperCase() : after)) continue;
      ctx.report({
        messageId: 'same',
        params: { value: rowText(row, 'after') },
        at: { table, row, cell },
      });
    }
  },
});
