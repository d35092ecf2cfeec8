/** Until scans are given, the evidence requirement is shown but not checked, and export is refused. */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'evidence-not-checked',
    severity: 'info',
    description: '尚未校验证明材料扫描件',
    messages: {
      notChecked:
        '已列出 {students} 名学生各自需要的证明材料,但还没有选择扫描件,证明材料尚未校验:选择扫描件文件夹(任务窗格的“扫描件”页,或命令行的 --scans)后才能导出材料包。',
    },
  },
  check(ctx) {
    if (ctx.scans === undefined && ctx.students.length > 0)
      ctx.report({ messageId: 'notChecked', params: { students: ctx.students.length } });
  },
});
