/**
 * 信息变更 应在变更后及时提交申请: a change dated more than policy.changeTimelyDays before the as-of date.
 * Graduate rows are left out: every one of them is already a 个例 (graduate-late), and the timeliness
 * requirement (SPEC "Eligibility": 在籍学生信息变更, 在读期间…应在变更后及时提交) is about students still in study.
 */
import { defineRule } from '../rule';
import { daysBetween, parseDateCell, spanLabel } from '../terms';

export default defineRule({
  meta: {
    id: 'change-not-timely',
    severity: 'warning',
    description: '信息变更未在变更后及时提交',
    messages: {
      late: '信息变更发生于 {change},到 {asOf} 已过 {days} 天(超过 {limit} 天):信息变更应在变更后及时提交申请,不得拖延到毕业时。请在书面报告中说明未及时提交的原因。',
    },
  },
  check(ctx) {
    const limit = ctx.policy.changeTimelyDays;
    for (const table of ctx.tables) {
      if (table.kind === 'graduate') continue;
      for (const row of table.rows) {
        if (row.reason !== '信息变更') continue;
        const change = parseDateCell(row.cells.changeDate);
        if (!change) continue;
        // The last day the written date may mean: a month-only date gets the benefit of the doubt.
        const days = daysBetween(change.to, ctx.asOf);
        if (days <= limit) continue;
        ctx.report({
          messageId: 'late',
          params: { change: spanLabel(change), asOf: ctx.asOf, days, limit },
          at: { table, row, field: 'changeDate' },
        });
      }
    }
  },
});
