/**
 * One key, one 姓名: every row of a student carries the same name (it also names the package folder). When
 * the names differ exactly as a 姓名 correction's 更正前 and 更正后 do, the message says one row holds the
 * old name and another the new one.
 */
import { defineRule } from '../rule';
import { normalizeValue, rowText } from '../rows';

export default defineRule({
  meta: {
    id: 'key-name-conflict',
    severity: 'error',
    description: '同一学号(注册证号)的各行姓名不一致',
    messages: {
      conflict: '{label} {key} 在第 {firstRow} 行的姓名是“{firstName}”,此行却是“{name}”:同一学生各行的姓名应一致(文件夹按学号+姓名命名)。请核对是否填错了学号或姓名。',
      oldAndNew: '{label} {key} 在第 {firstRow} 行的姓名是“{firstName}”,此行却是“{name}”:一行用了更正前的姓名,另一行用了更正后的姓名。同一学生各行的姓名应一致,请统一填写同一个姓名。',
    },
  },
  check(ctx) {
    for (const student of ctx.students) {
      const table = ctx.tableOf(student);
      const named = student.rows.filter((r) => rowText(r, 'name') !== '');
      if (named.length < 2) continue;
      const first = named[0];
      const firstName = normalizeValue(rowText(first, 'name'));
      const nameChanges = student.rows
        .filter((r) => r.changeField === '姓名')
        .map((r) => [normalizeValue(rowText(r, 'before')), normalizeValue(rowText(r, 'after'))]);
      for (const row of named.slice(1)) {
        const name = normalizeValue(rowText(row, 'name'));
        if (name === firstName) continue;
        const oldAndNew = nameChanges.some((pair) => pair.includes(name) && pair.includes(firstName));
        ctx.report({
          messageId: oldAndNew ? 'oldAndNew' : 'conflict',
          params: { label: ctx.policy.columns[table.keyField][0], key: student.key, firstRow: first.row, firstName: rowText(first, 'name'), name: rowText(row, 'name') },
          at: { table, row, field: 'name' },
        });
      }
    }
  },
});
