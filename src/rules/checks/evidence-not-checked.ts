/** Until scans are given, the evidence requirement is shown but not checked, and export is refused. */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'evidence-not-checked',
    severity: 'info',
    description: '尚未校验证明材料扫描件',
    messages: {
      notChecked:
        '已列出 {students} 名学生各自需要的证明材料,但还没有校验扫描件:命令行用 --scans 指定扫描件文件夹,或在任务窗格中为各学生选择扫描件。校验扫描件之前不能导出材料包。',
    },
  },
  check(ctx) {
    if (ctx.scans === undefined && ctx.students.length > 0)
      ctx.report({ messageId: 'notChecked', params: { students: ctx.students.length } });
  },
});
