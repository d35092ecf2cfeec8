/**
 * evidence-missing: every group of a student's required evidence needs at least one linked scan of one of its
 * kinds. One problem per missing group, on the key cell of the student's first row. Runs once scans are given.
 */
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'evidence-missing',
    severity: 'error',
    description: '每名学生须附上其更正所需的全部证明材料扫描件',
    messages: {
      missing: '{folder} 缺少“{kind}”的扫描件',
      missingOneOf: '{folder} 缺少以下材料之一的扫描件:{kinds}',
    },
  },
  check(ctx) {
    if (!ctx.scans) return;
    const linked = new Map<string, Set<string>>();
    for (const l of ctx.scans.links) linked.set(l.studentRef, (linked.get(l.studentRef) ?? new Set()).add(l.kind));
    for (const student of ctx.students) {
      const table = ctx.tableOf(student);
      const kinds = linked.get(student.ref) ?? new Set<string>();
      for (const group of student.required) {
        if (group.some((k) => kinds.has(k))) continue;
        const at = { table, row: student.rows[0], field: table.keyField };
        if (group.length === 1) ctx.report({ at, messageId: 'missing', params: { folder: student.folder, kind: group[0] } });
        else ctx.report({ at, messageId: 'missingOneOf', params: { folder: student.folder, kinds: group.join('、') } });
      }
    }
  },
});
