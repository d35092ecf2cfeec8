/**
 * evidence-unmatched: a picked file that belongs to no student (no key or unique name in its path, the keys of
 * several students, or a known student but no recognisable kind). Files the registrar excluded are left alone.
 */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'evidence-unmatched',
    severity: 'warning',
    description: '提示没有对应到任何学生的文件',
    messages: {
      noStudent: '文件 {file} 找不到对应的学生:文件名和文件夹名中没有学号/注册证号或唯一的姓名;请按“学号姓名”命名文件夹,或手动指定',
      ambiguous: '文件 {file} 的名称同时对应到多名学生,无法确定属于谁;请改名或手动指定',
      noKind: '文件 {file} 属于 {folder},但看不出是哪种材料;请按内容命名(如“身份证.jpg”)或手动指定',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const linked = new Set(ctx.scans.links.map((l) => l.file));
    const reasons = new Map((ctx.scans.unresolved ?? []).map((u) => [u.file, u]));
    const folders = new Map(ctx.students.map((s) => [s.ref, s.folder]));
    for (const file of ctx.scans.files) {
      if (linked.has(file.path)) continue;
      const u = reasons.get(file.path);
      if (u?.reason === 'excluded') continue;
      const folder = u?.studentRef ? folders.get(u.studentRef) : undefined;
      if (u?.reason === 'no-kind' && folder)
        ctx.report({ at: { file: file.path, studentRef: u.studentRef }, messageId: 'noKind', params: { file: file.path, folder } });
      else ctx.report({ at: { file: file.path }, messageId: u?.reason === 'ambiguous' ? 'ambiguous' : 'noStudent', params: { file: file.path } });
    }
  },
});
