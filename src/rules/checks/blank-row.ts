/**
 * Fully empty rows inside the data: skipped, never taken as the end of the table. A run of consecutive empty rows
 * is one problem (a stray cell far below the table must not turn into a million warnings).
 */
import { cellAddress } from '../grid';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'blank-row',
    severity: 'warning',
    description: '数据中间有空行',
    messages: {
      blank: '第 {row} 行是空行:空行不表示表格结束,其后的行仍作为数据校验和导出。请删除此空行。',
      blankRun: '第 {row}–{last} 行({count} 行)是空行:空行不表示表格结束,其后的行仍作为数据校验和导出。请删除这些空行。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      const col = table.columns[table.keyField] ?? Math.min(...(Object.values(table.columns) as number[]));
      const rows = table.blankRows;
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
        const row = rows[i];
        const at = { sheet: table.sheet, cell: cellAddress(row, col) };
        if (i === j) ctx.report({ messageId: 'blank', params: { row }, at });
        else ctx.report({ messageId: 'blankRun', params: { row, last: rows[j], count: j - i + 1 }, at });
        i = j + 1;
      }
    }
  },
});
