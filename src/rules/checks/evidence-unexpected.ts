/** evidence-unexpected: a linked scan whose kind none of its student's required groups asks for (shown for information). */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'evidence-unexpected',
    severity: 'info',
    description: '提示对应到学生、但其更正并不需要的材料',
    messages: {
      unexpected: '文件 {file} 作为“{kind}”对应到 {folder},但该学生的更正不需要这种材料;确认无误可以保留',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const students = new Map(ctx.students.map((s) => [s.ref, s]));
    for (const link of ctx.scans.links) {
      const student = students.get(link.studentRef);
      if (!student || student.required.some((g) => g.includes(link.kind))) continue;
      ctx.report({ at: { file: link.file, studentRef: student.ref }, messageId: 'unexpected', params: { file: link.file, kind: link.kind, folder: student.folder } });
    }
  },
});
