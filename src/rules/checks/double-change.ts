/**
 * 双改: one student correcting both 姓名 and 身份证号 in one submission. Several branch-school notices say OUC has
 * refused it since spring 2014 (SPEC "Cell level": not in the seed), so a warning by default; `policy.severities` can raise it.
 */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'double-change',
    severity: 'warning',
    description: '同一学生同时更正姓名和身份证号(双改)',
    messages: {
      both: '学生“{name}”在第 {nameRow} 行更正姓名、在第 {idRow} 行更正身份证号(双改):据多个分部的通知,国家开放大学自 2014 年春季起不受理姓名和身份证号同时更正,请与总部确认。',
    },
  },
  check(ctx) {
    for (const student of ctx.students) {
      const nameRow = student.rows.find((r) => r.changeField === '姓名');
      const idRow = student.rows.find((r) => r.changeField === '身份证号');
      if (!nameRow || !idRow) continue;
      const later = nameRow.row > idRow.row ? nameRow : idRow;
      ctx.report({
        messageId: 'both',
        params: { name: student.name, nameRow: nameRow.row, idRow: idRow.row },
        at: { table: ctx.tableOf(student), row: later, field: 'changeField' },
      });
    }
  },
});
