/** A table whose kind (新生 / 在籍生 / 毕业生) cannot be told from its title, sheet name or key column. */
import { isEmptyCell } from '../grid';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'sheet-kind-unknown',
    severity: 'warning',
    description: '无法判断统计表是新生、在籍生还是毕业生表',
    messages: {
      unknown:
        '无法判断工作表“{sheet}”是新生、在籍生还是毕业生表(标题、工作表名和关键列都没有说明),按表种类的检查(允许的更正内容、期限、排序键)未进行。请在标题中写明“新生”“在籍生”或“毕业生”,或手动指定表的种类(任务窗格的“设置”页中的“工作表类型”,或命令行的 --kind {sheet}=在籍生)。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind !== null) continue;
      const sheet = ctx.grid.sheets.find((s) => s.name === table.sheet);
      // The first text above the header is the table's title, where the kind would be written.
      const titleCell = sheet?.rows.slice(0, table.headerRow - 1).flat().find((c) => c && !isEmptyCell(c));
      ctx.report({ messageId: 'unknown', params: { sheet: table.sheet }, sheet: table.sheet, cell: titleCell?.address ?? null, row: titleCell?.row ?? null });
    }
  },
});
