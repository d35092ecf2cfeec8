/** 原则上不再接受毕业生信息更改申请: every graduate row is a 个例 that needs the written report. */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'graduate-late',
    severity: 'warning',
    description: '毕业生信息更改原则上不再接受(个例)',
    specialCases: { late: '毕业生信息更改,原则上不再接受' },
    messages: {
      late: '原则上不再接受毕业生信息更改申请,此行属个例:须提交信息修改书面报告说明原因,由主管校长审批签字并加盖学校公章,并提供相应证明材料和毕业生登记表(有毕业生基本信息那页)。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind !== 'graduate') continue;
      for (const row of table.rows) ctx.report({ messageId: 'late', at: { table, row, field: table.keyField } });
    }
  },
});
