/**
 * evidence-name-only: scans linked to their student by 姓名 alone (no 学号 or 注册证号 in the file's name or
 * folders). The link is kept, since the name is unique in the workbook, but said once per student, so that a
 * misnamed folder (a namesake's, a typo in the key) is noticed before the package is sent.
 */
import { defineRule } from '../rule';
import type { EvidenceLink } from '../scans';

/** How many file paths a message lists before "等". */
const LISTED = 3;

export default defineRule({
  meta: {
    id: 'evidence-name-only',
    severity: 'info',
    description: '提示只按姓名(没有学号或注册证号)对应到学生的扫描件',
    messages: {
      nameOnly:
        '{count} 个文件只按姓名“{name}”对应到 {folder}(文件名和文件夹名中都没有{keyLabel}):{files};请确认没有放错,文件夹最好按“{folder}”命名',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const byStudent = new Map<string, EvidenceLink[]>();
    for (const link of ctx.scans.links) if (link.byName) byStudent.set(link.studentRef, [...(byStudent.get(link.studentRef) ?? []), link]);
    for (const student of ctx.students) {
      const links = byStudent.get(student.ref);
      if (!links) continue;
      const files = [...new Set(links.map((l) => l.file))];
      const listed = files.slice(0, LISTED).join('、') + (files.length > LISTED ? ' 等' : '');
      ctx.report({
        at: { file: files[0], studentRef: student.ref },
        messageId: 'nameOnly',
        params: { count: files.length, name: student.name, folder: student.folder, keyLabel: student.kind === 'graduate' ? '注册证号' : '学号', files: listed },
      });
    }
  },
});
