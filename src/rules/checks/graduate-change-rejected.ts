/**
 * 学生毕业后发生的个人信息变更,不做相应变更修改: on the graduate table a 信息变更 dated after graduation is
 * refused. Without a readable 毕业时间 the graduation year encoded in the 注册证号 stands in for it (year
 * precision: only a change in a later year is surely after graduation). When the order cannot be told the
 * row is a 个例 the registrar must confirm.
 */
import { defineRule } from '../rule';
import { rowText } from '../rows';
import { gradYearFromRegNo, parseDateCell, spanLabel } from '../terms';

const RULE = '学生毕业后发生的个人信息变更,不做相应变更修改。';

export default defineRule({
  meta: {
    id: 'graduate-change-rejected',
    severity: 'error',
    description: '毕业后发生的信息变更不予修改',
    specialCases: {
      changeDateUnknown: '变更日期不详,无法确认发生在毕业之前',
      gradDateUnknown: '毕业时间不详,无法确认变更发生在毕业之前',
      uncertain: '无法确认变更发生在毕业之前',
    },
    messages: {
      afterGraduation: `信息变更发生于 {change},晚于毕业时间 {grad}(依据{gradSource}):${RULE}此行不能上报。`,
      changeDateUnknown: `变更日期{why},无法判断此信息变更是否发生在毕业之前:${RULE}请填写变更日期并确认变更发生在毕业之前(此行列为个例)。`,
      gradDateUnknown: `毕业时间未填写或无法识别(注册证号中也读不出毕业年份),无法判断变更日期 {change} 是否在毕业之前:${RULE}请填写毕业时间并确认(此行列为个例)。`,
      uncertain: `变更日期 {change} 与毕业时间 {grad}(依据{gradSource})无法判断先后:${RULE}请填写具体日期并确认变更发生在毕业之前(此行列为个例)。`,
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind !== 'graduate') continue;
      for (const row of table.rows) {
        if (row.reason !== '信息变更') continue;
        const at = { table, row, field: table.columns.changeDate === undefined ? ('reason' as const) : ('changeDate' as const) };
        const change = parseDateCell(row.cells.changeDate);
        if (!change) {
          const why = table.columns.changeDate === undefined ? '列不存在' : row.cells.changeDate ? `“${rowText(row, 'changeDate')}”无法识别` : '未填写';
          ctx.report({ messageId: 'changeDateUnknown', params: { why }, severity: 'warning', at });
          continue;
        }
        const gradCell = parseDateCell(row.cells.gradDate);
        const grad = gradCell ?? gradYearFromRegNo(rowText(row, 'regNo'), ctx.policy);
        if (!grad) {
          ctx.report({ messageId: 'gradDateUnknown', params: { change: spanLabel(change) }, severity: 'warning', at });
          continue;
        }
        if (change.to <= grad.from) continue;
        const params = { change: spanLabel(change), grad: spanLabel(grad), gradSource: gradCell ? '毕业时间列' : '注册证号中的毕业年份' };
        if (change.from > grad.to) ctx.report({ messageId: 'afterGraduation', params, at });
        else ctx.report({ messageId: 'uncertain', params, severity: 'warning', at });
      }
    }
  },
});
