/**
 * Corrections submitted after the student's first term are 个例 that need a written report approved by the
 * 主管校长: any row of a 新生 past the first term (who belongs on the 在籍生 table), and every 录入错误 on the
 * 在籍生 table (entry errors are to be corrected in the first term).
 */
import { defineRule } from '../rule';
import { enrollmentTerm, termBounds, termLabel } from '../terms';

const REPORT_NEEDED = '超过规定时间的修改属个例,须提交信息修改书面报告说明原因,由主管校长审批签字并加盖学校公章,并提供相应证明材料。';

export default defineRule({
  meta: {
    id: 'late-entry-error',
    severity: 'warning',
    description: '超过新生入学第一学期提交的更正(个例)',
    specialCases: { newPastFirstTerm: '新生入学第一学期已于 {end} 结束', enrolledEntryError: '在籍生录入错误,已过入学第一学期' },
    messages: {
      newPastFirstTerm: `{key}{name} 于 {term}入学(依据{source}),入学第一学期已于 {end} 结束,不再是新生:此学生应填入在籍生表。${REPORT_NEEDED}`,
      enrolledEntryError: `录入错误应在新生入学第一学期内提交修改申请,在籍生的录入错误更正已超过规定时间。${REPORT_NEEDED}`,
    },
  },
  check(ctx) {
    for (const student of ctx.students) {
      const table = ctx.tableOf(student);
      if (student.kind === 'new') {
        const enrolled = enrollmentTerm(student.rows, ctx.policy);
        if (!enrolled) continue;
        const { end } = termBounds(enrolled.term, ctx.policy);
        if (ctx.asOf <= end) continue;
        for (const row of student.rows)
          ctx.report({
            messageId: 'newPastFirstTerm',
            params: {
              key: student.key,
              name: student.name,
              term: termLabel(enrolled.term),
              source: enrolled.source === 'column' ? '入学学期列' : '学号',
              end,
            },
            at: { table, row, field: table.keyField },
          });
      } else if (student.kind === 'enrolled') {
        for (const row of student.rows)
          if (row.reason === '录入错误')
            ctx.report({ messageId: 'enrolledEntryError', at: { table, row, field: 'reason' } });
      }
    }
  },
});
