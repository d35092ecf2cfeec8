/**
 * The package folder `{key}{姓名}` of each student must be usable as is (see folder-name.ts), and no two students
 * across all tables may get folders that Windows takes for one (case-insensitive, after NFC). The name is never
 * altered silently: the problem sits on the 姓名 cell (or on the key cell when the key alone is at fault).
 */
import { folderNamePlace, nameCollisionKey, nameProblem } from '../folder-name';
import { nameVerdict } from '../name-verdict';
import type { Policy } from '../policy';
import { type Where, defineRule } from '../rule';
import type { Student } from '../students';
import type { Table } from '../table';
import { cleanSpaces } from '../values';

function nameFormatReports(name: string, policy: Policy): boolean {
  const found = nameVerdict(cleanSpaces(name));
  return found !== null && found.severity !== 'warning' && policy.severities['name-format'] !== 'off';
}

/** Where the student's problem goes; worked out only for a problem (most folders have none). */
function problemPlace(student: Student, table: Table): { onKey: boolean; at: Where } {
  const { onKey, field } = folderNamePlace(student, table);
  return { onKey, at: { table, row: student.rows[0], field } };
}

export default defineRule({
  meta: {
    id: 'folder-name-invalid',
    severity: 'error',
    description: '学生文件夹名(学号或注册证号 + 姓名)不能直接使用',
    messages: {
      unusable: '文件夹名“{folder}”不能使用:{reason}。请按证件核对并改正{label}(导出时不会自动改名)。',
      twin: '扫描件 {file} 与 {other} 的名称只是 Unicode 组合方式不同(NFC/NFD),看起来完全相同,无法分辨哪个是哪个。请删除或改名其中一个。',
      collision:
        '文件夹名“{folder}”与工作表“{otherSheet}”第 {otherRow} 行学生的“{other}”在 Windows 上是同一个名称(不区分大小写),材料包中会互相覆盖。',
    },
  },
  check(ctx) {
    // Scan files whose names differ only in their Unicode form (kept apart when the folder was read).
    const byForm = new Map<string, string[]>();
    for (const f of ctx.scans?.files ?? []) (byForm.get(f.path.normalize('NFC')) ?? byForm.set(f.path.normalize('NFC'), []).get(f.path.normalize('NFC'))!).push(f.path);
    for (const group of byForm.values())
      if (group.length > 1)
        for (const file of group) ctx.report({ messageId: 'twin', params: { file, other: group.find((g) => g !== file)! }, at: { file } });
    const seen = new Map<string, Student>();
    for (const student of ctx.students) {
      const table = ctx.tableOf(student);
      const reason = nameProblem(student.folder);
      if (reason !== null) {
        const { onKey, at } = problemPlace(student, table);
        // A 姓名 that name-format reports as an error (a dot at the end, a slash) is said once, there, on the same cell.
        if (!onKey && nameFormatReports(student.name, ctx.policy)) continue;
        const label = onKey ? ctx.policy.columns[table.keyField][0] : '姓名';
        ctx.report({ messageId: 'unusable', params: { folder: student.folder, reason, label }, at });
        continue;
      }
      const collisionKey = nameCollisionKey(student.folder);
      const other = seen.get(collisionKey);
      if (!other) {
        seen.set(collisionKey, student);
        continue;
      }
      ctx.report({
        messageId: 'collision',
        params: { folder: student.folder, other: other.folder, otherSheet: other.sheet, otherRow: other.rows[0].row },
        at: problemPlace(student, table).at,
      });
    }
  },
});
