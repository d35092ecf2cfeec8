/**
 * A sheet that is not a correction table (填表说明, a hidden dropdown-list sheet, a 花名册 roster read by VLOOKUP) is
 * left alone and said so once. Never an error, and never a hint to delete it: formulas and dropdowns depend on it.
 */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'sheet-skipped',
    severity: 'info',
    description: '不是更正统计表的工作表(填表说明、下拉列表、花名册等)未作校验',
    messages: {
      help: '工作表“{sheet}”是填表说明或示例,不是统计表,未作校验。',
      noHeader:
        '工作表“{sheet}”不是更正统计表(没有同时含{key}和 更正内容/更正后/更正原因 的表头行),未作校验。下拉列表、花名册等辅助工作表可以保留,公式和下拉列表可能引用它们。',
    },
  },
  check(ctx) {
    const key = `${ctx.policy.columns.studentId[0]}(或${ctx.policy.columns.regNo[0]})`;
    for (const reading of ctx.readings) {
      if (!reading.skipped) continue;
      ctx.report({
        messageId: reading.skipped.why === 'help' ? 'help' : 'noHeader',
        params: { sheet: reading.sheet, key },
        at: { sheet: reading.sheet },
      });
    }
  },
});
