/**
 * scan-duplicate: the same bytes linked to two students (someone else's ID card in this student's folder).
 * Files are the same when their SHA-256 is equal (hashed only for files that share their size) or when one
 * file is linked to two students.
 */
import { defineRule } from '../rule';
import type { EvidenceLink } from '../scans';

export default defineRule({
  meta: {
    id: 'scan-duplicate',
    severity: 'error',
    description: '同一份扫描件不能同时属于两名学生',
    messages: {
      sameBytes: '文件 {file}(属于 {student})与 {other}(属于 {otherStudent})内容完全相同;同一份材料不能用于两名学生,请检查是否放错',
      samePath: '文件 {file} 同时对应到了 {student} 和 {otherStudent};一份材料只能属于一名学生',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const hashes = new Map(ctx.scans.files.map((f) => [f.path, f.sha256]));
    const folder = new Map(ctx.students.map((s) => [s.ref, s.folder]));
    const groups = new Map<string, EvidenceLink[]>();
    for (const link of ctx.scans.links) {
      const id = hashes.get(link.file) ?? `path:${link.file}`;
      groups.set(id, [...(groups.get(id) ?? []), link]);
    }
    for (const group of groups.values()) {
      if (new Set(group.map((l) => l.studentRef)).size < 2) continue;
      for (const link of group) {
        const other = group.find((l) => l.studentRef !== link.studentRef)!;
        const params = { file: link.file, student: folder.get(link.studentRef) ?? link.studentRef, other: other.file, otherStudent: folder.get(other.studentRef) ?? other.studentRef };
        ctx.report({ at: { file: link.file, studentRef: link.studentRef }, messageId: other.file === link.file ? 'samePath' : 'sameBytes', params });
      }
    }
  },
});
