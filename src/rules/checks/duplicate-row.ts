/** One student's correction of one item belongs on one row: the same key and 更正内容 twice is an error. */
import { defineRule } from '../rule';
import { normalizeValue, rowText } from '../rows';

export default defineRule({
  meta: {
    id: 'duplicate-row',
    severity: 'error',
    description: '同一学生的同一更正内容填了两行',
    messages: {
      duplicate: '{label} {key} 的“{field}”更正在第 {firstRow} 行已经填过:同一学生的同一项更正只应填一行,请合并或删除重复的行。',
    },
  },
  check(ctx) {
    // A student is the rows of one table with one key: only a student of several rows can have a duplicate.
    for (const student of ctx.students) {
      if (student.rows.length < 2) continue;
      const table = ctx.tableOf(student);
      const label = ctx.policy.columns[table.keyField][0];
      const seen = new Map<string, number>();
      for (const row of student.rows) {
        const raw = rowText(row, 'changeField');
        if (!raw) continue;
        // 身份证 and 身份证号 are one item; an unrecognised 更正内容 is compared as written.
        const field = row.changeField ?? normalizeValue(raw);
        const firstRow = seen.get(field);
        if (firstRow === undefined) {
          seen.set(field, row.row);
          continue;
        }
        ctx.report({
          messageId: 'duplicate',
          params: { label, key: student.key, field, firstRow },
          at: { table, row, field: 'changeField' },
        });
      }
    }
  },
});
