/**
 * 学号 and 注册证号 against the policy's patterns. With the default patterns the message explains the known
 * structure (SPEC); with a branch school's own pattern it shows the pattern. The graduate sheet's optional 学号
 * column is checked too when filled. A key whose only flaw is a leading apostrophe (a text prefix that became part of
 * the value) gets its own message and a fix.
 */
import { DEFAULT_POLICY, keyPattern } from '../policy';
import { defineRule } from '../rule';
import { ownCell } from '../rows';
import { cellText } from '../table';
import { identifierValue } from '../identifiers';

const KEY_FIELDS = ['studentId', 'regNo'] as const;

/** What is visibly off under the default patterns, for the message: the characters, the length or the 51161 prefix. */
function detail(field: (typeof KEY_FIELDS)[number], value: string): string {
  if (!/^\d+$/.test(value)) return '含数字以外的字符';
  const digits = field === 'regNo' ? 18 : 13;
  if (value.length !== digits) return `现为 ${value.length} 位`;
  return '不是 51161 开头';
}

export default defineRule({
  meta: {
    id: 'key-format',
    severity: 'error',
    description: '学号或注册证号的格式不对',
    fixable: true,
    messages: {
      studentId:
        '学号“{value}”格式不对({detail}):学号为 13 位数字,即 2 位入学年份 + 3 位分部代码 + 3 位学生类别 + 5 位流水号(春季入学从 00001、秋季入学从 50001 起)。',
      regNo:
        '注册证号“{value}”格式不对({detail}):注册证号为 51161 开头的 18 位数字,即学校代码 51161 + 1 位办学类型 + 4 位毕业年份 + 2 位层次(05 本科、06 专科)+ 6 位流水号。',
      custom: '{label}“{value}”不符合本校策略规定的格式(正则表达式 {pattern})。',
      apostrophe:
        '{label}“{value}”开头多了一个撇号,它是单元格内容的一部分(不是 Excel 的文本前缀),会随统计表报送:应为“{fixed}”(单元格设为文本格式即可保留全部数字)。',
    },
  },
  check(ctx) {
    for (const { table, row } of ctx.dataRows) {
      for (const field of KEY_FIELDS) {
        const cell = ownCell(table, row, field);
        // Full-width digits and invisible characters are character-width's; stray spaces whitespace's.
        const value = identifierValue(cellText(cell));
        if (!cell || value === '' || keyPattern(ctx.policy, field).test(value)) continue;
        const at = { table, row, cell };
        // A text prefix typed or pasted into a text cell stays in the value: the headquarters would read it.
        const unquoted = value.replace(/^['‘’`]/, '');
        if (unquoted !== value && keyPattern(ctx.policy, field).test(unquoted)) {
          ctx.report({
            messageId: 'apostrophe',
            params: { label: ctx.policy.columns[field][0], value, fixed: unquoted },
            at,
            fix: { value: unquoted, label: '去掉开头的撇号' },
          });
          continue;
        }
        const pattern = ctx.policy.keyPatterns[field];
        const isDefault = pattern === DEFAULT_POLICY.keyPatterns[field];
        ctx.report({
          messageId: isDefault ? field : 'custom',
          params: isDefault
            ? { value, detail: detail(field, value) }
            : { value, label: ctx.policy.columns[field][0], pattern },
          at,
        });
      }
    }
  },
});
