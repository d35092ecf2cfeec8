/** An empty required cell (key, 姓名, 更正内容, 更正后, 更正原因) in a data row; a missing column is column-missing's business. */
import { defineRule } from '../rule';
import { rowText } from '../rows';
import { REQUIRED_FIELDS } from '../table';

export default defineRule({
  meta: {
    id: 'cell-required',
    severity: 'error',
    description: '必填单元格为空(学号或注册证号、姓名、更正内容、更正后、更正原因)',
    messages: {
      empty: '第 {row} 行的“{label}”为空,请填写。',
    },
  },
  check(ctx) {
    const fieldsOf = new Map(ctx.tables.map((t) => [t, [t.keyField, ...REQUIRED_FIELDS]]));
    for (const { table, row } of ctx.dataRows) {
      for (const field of fieldsOf.get(table)!) {
        if (table.columns[field] === undefined || rowText(row, field) !== '') continue;
        ctx.report({ messageId: 'empty', params: { row: row.row, label: ctx.policy.columns[field][0] }, at: { table, row, field } });
      }
    }
  },
});
