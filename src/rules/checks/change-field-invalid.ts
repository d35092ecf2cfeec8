/**
 * 更正内容 must be one of the five correctable items (after the policy's aliases) and allowed by the table:
 * graduates cannot correct 入学文化程度, which gets its own message.
 */
import { CHANGE_FIELDS } from '../policy';
import { defineRule } from '../rule';
import { rowText } from '../rows';

export default defineRule({
  meta: {
    id: 'change-field-invalid',
    severity: 'error',
    description: '更正内容不是本表允许的项目',
    messages: {
      unknown: '更正内容“{value}”无法识别:应填写 {allowed} 之一,每行只写一项。',
      graduateEducation: '毕业生不能更正入学文化程度:毕业生基本信息修改情况统计表的更正内容只有姓名、性别、身份证号、民族。',
      notAllowed: '{kind}表不能更正“{field}”:本表的更正内容只有 {allowed}。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      const allowed: readonly string[] = table.kind ? ctx.policy.kinds[table.kind].allowedChanges : CHANGE_FIELDS;
      for (const row of table.rows) {
        const value = rowText(row, 'changeField');
        const cell = row.cells.changeField;
        if (!cell || value === '') continue;
        const field = row.changeField;
        if (field !== null && allowed.includes(field)) continue;
        const at = { table, row, cell };
        if (field === null) ctx.report({ messageId: 'unknown', params: { value, allowed: allowed.join('、') }, at });
        else if (table.kind === 'graduate' && field === '入学文化程度') ctx.report({ messageId: 'graduateEducation', at });
        else ctx.report({ messageId: 'notAllowed', params: { kind: ctx.policy.kinds[table.kind!].label, field, allowed: allowed.join('、') }, at });
      }
    }
  },
});
