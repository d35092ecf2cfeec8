/** The 更正前 column is expected: headquarters compares the old and the new value. */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'column-recommended',
    severity: 'warning',
    description: '缺少“更正前”列',
    messages: {
      missing: '工作表“{sheet}”的表头(第 {row} 行)没有“{label}”列:总部要核对更正前后的信息,建议加上此列并填写原信息(可用的列名:{aliases})。',
    },
  },
  check(ctx) {
    const labels = ctx.policy.columns.before;
    for (const table of ctx.tables)
      if (table.columns.before === undefined)
        ctx.report({
          messageId: 'missing',
          params: { sheet: table.sheet, row: table.headerRow, label: labels[0], aliases: labels.join('、') },
          at: { sheet: table.sheet, row: table.headerRow },
        });
  },
});
