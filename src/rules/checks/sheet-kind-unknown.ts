/**
 * A table whose kind (新生 / 在籍生 / 毕业生) cannot be told from its title, sheet name (新生…, 附表1–3) or key
 * column. The hint names the kind the students' enrollment terms point to: a student past the first term cannot
 * be on the 新生 table.
 */
import { isEmptyCell } from '../grid';
import type { TableKind } from '../policy';
import { defineRule } from '../rule';
import { enrollmentTerm, termBounds } from '../terms';

export default defineRule({
  meta: {
    id: 'sheet-kind-unknown',
    severity: 'warning',
    description: '无法判断统计表是新生、在籍生还是毕业生表',
    messages: {
      unknown:
        '无法判断工作表“{sheet}”是新生、在籍生还是毕业生表(标题、工作表名和关键列都没有说明),按表种类的检查(允许的更正内容、期限、排序键)未进行。{guess}请在标题中写明“新生”“在籍生”或“毕业生”,或把工作表命名为附表1(新生)、附表2(在籍生)或附表3(毕业生),或手动指定表的种类(任务窗格“设置”页中的“工作表类型”,或命令行的 {hint})。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind !== null) continue;
      const sheet = ctx.grid.sheets.find((s) => s.name === table.sheet);
      // The first text above the header is the table's title, where the kind would be written.
      const titleCell = sheet?.rows.slice(0, table.headerRow - 1).flat().find((c) => c && !isEmptyCell(c));
      const terms = ctx.students.filter((s) => s.sheet === table.sheet).map((s) => enrollmentTerm(s.rows, ctx.policy));
      const past = terms.some((t) => t && ctx.asOf > termBounds(t.term, ctx.policy).end);
      const allFirstTerm = terms.length > 0 && terms.every((t) => t && ctx.asOf <= termBounds(t.term, ctx.policy).end);
      const suggested: TableKind[] = past ? ['enrolled'] : allFirstTerm ? ['new'] : ['new', 'enrolled'];
      const guess = past
        ? '按学号(或入学学期)推算,表中有学生已过入学第一学期,应为在籍生表(附表2)。'
        : allFirstTerm
          ? '按学号(或入学学期)推算,表中学生都在入学第一学期内,多半是新生表(附表1)。'
          : '';
      const hint = suggested.map((k) => `--kind ${table.sheet}=${ctx.policy.kinds[k].label}`).join(' 或 ');
      ctx.report({
        messageId: 'unknown',
        params: { sheet: table.sheet, guess, hint },
        at: { sheet: table.sheet, cell: titleCell?.address },
      });
    }
  },
});
