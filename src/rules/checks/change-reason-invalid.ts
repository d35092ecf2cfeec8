/** 更正原因 must be 录入错误 or 信息变更 (the written report counts each). */
import { REASONS } from '../policy';
import { defineRule } from '../rule';
import { rowText } from '../rows';

export default defineRule({
  meta: {
    id: 'change-reason-invalid',
    severity: 'error',
    description: '更正原因不是“录入错误”或“信息变更”',
    messages: {
      invalid: '更正原因“{value}”无效:只能填写 {allowed}(招生报名时录错填“录入错误”,学生本人信息发生变化填“信息变更”)。',
    },
  },
  check(ctx) {
    for (const { table, row } of ctx.dataRows) {
      const value = rowText(row, 'reason');
      const cell = row.cells.reason;
      if (!cell || value === '' || row.reason !== null) continue;
      ctx.report({
        messageId: 'invalid',
        params: { value, allowed: REASONS.map((r) => `“${r}”`).join('或') },
        at: { table, row, cell },
      });
    }
  },
});
