/** A fully empty row inside the data: skipped, never taken as the end of the table. */
import { cellAddress } from '../grid';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'blank-row',
    severity: 'warning',
    description: '数据中间有空行',
    messages: {
      blank: '第 {row} 行是空行:空行不表示表格结束,其后的行仍作为数据校验和导出。请删除此空行。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      const col = table.columns[table.keyField] ?? Math.min(...(Object.values(table.columns) as number[]));
      for (const row of table.blankRows)
        ctx.report({ messageId: 'blank', params: { row }, at: { sheet: table.sheet, cell: cellAddress(row, col) } });
    }
  },
});
