/** A sheet that looks like a correction table but has no recognisable header row; or a workbook without any table. */
import type { Field, Policy } from '../policy';
import { defineRule } from '../rule';

const labelOf = (field: Field, policy: Policy) =>
  field === 'studentId' ? `${policy.columns.studentId[0]}(毕业生表为${policy.columns.regNo[0]})` : policy.columns[field][0];

export default defineRule({
  meta: {
    id: 'header-not-found',
    severity: 'error',
    description: '找不到统计表的表头行',
    messages: {
      missingLabels: '工作表“{sheet}”像是统计表,但在前 {searchRows} 行中找不到完整的表头行:缺少 {missing}。{found}请使用附表的列名(可在策略中增加别名)。',
      noTable:
        '工作簿中没有找到统计表:没有一个工作表在前 {searchRows} 行中有同时含 {key}、姓名 和 更正内容/更正后/更正原因 的表头行,因此什么也没有校验。请使用附表1–3 的格式(可插入模板)。',
    },
  },
  check(ctx) {
    const { policy } = ctx;
    for (const reading of ctx.readings) {
      const missing = reading.headerMissing;
      if (!missing) continue;
      const found = missing.found.map((f) => policy.columns[f][0]);
      ctx.report({
        messageId: 'missingLabels',
        params: {
          sheet: reading.sheet,
          searchRows: policy.headerSearchRows,
          missing: missing.missing.map((f) => `“${labelOf(f, policy)}”`).join('、'),
          found: found.length ? `已识别的列:${found.join('、')}。` : '',
        },
        at: { sheet: reading.sheet },
      });
    }
    if (ctx.tables.length === 0)
      ctx.report({ messageId: 'noTable', params: { searchRows: policy.headerSearchRows, key: labelOf('studentId', policy) } });
  },
});
