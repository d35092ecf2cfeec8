/** Two header cells that mean the same column: only the first is read, the other is ignored. */
import { parseAddress } from '../grid';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'column-duplicate',
    severity: 'warning',
    description: '两个表头对应同一列',
    messages: {
      duplicate: '表头“{label}”({address})与 {usedAddress} 的“{usedLabel}”都是“{field}”列:校验只读取 {usedAddress} 所在的列,{address} 所在的列被忽略。请删除或改名其中一列。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      const sheet = ctx.grid.sheets.find((s) => s.name === table.sheet);
      for (const dup of table.duplicateColumns) {
        const usedAddress = table.headerCells[dup.field]!;
        const used = parseAddress(usedAddress);
        ctx.report({
          messageId: 'duplicate',
          params: {
            label: dup.label,
            address: dup.address,
            usedAddress,
            usedLabel: sheet?.rows[used.row - 1]?.[used.col - 1]?.text.trim() ?? '',
            field: ctx.policy.columns[dup.field][0],
          },
          at: { sheet: table.sheet, cell: dup.address },
        });
      }
    }
  },
});
