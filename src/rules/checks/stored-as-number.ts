/**
 * A 学号 / 注册证号 / 身份证号 held as a number rather than text. Excel keeps 15 significant digits, so a longer
 * number (18-digit 身份证号 or 注册证号) has already lost its last digits: an error, never "repaired", since only
 * the original document has them. Up to 15 digits (a 13-digit 学号, an old 15-digit 身份证号) the number is
 * exact: a warning whose fix stores the same digits as text (the 15-digit 身份证号 is then new-value-invalid's
 * business, as any 15-digit one is).
 */
import { defineRule } from '../rule';
import { identifierCells } from '../identifiers';
import { cellText } from '../table';
import { digitsLost } from '../values';

/** The digits Excel holds: the 15 significant digits, then zeros (not the binary double's tail). */
function excelDigits(value: number): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e');
  return mantissa.replace('.', '') + '0'.repeat(Number(exponent) - 14);
}

export default defineRule({
  meta: {
    id: 'stored-as-number',
    severity: 'error',
    description: '学号、注册证号或身份证号以数字而不是文本存储',
    fixable: true,
    messages: {
      digitsLost:
        '{label}以数字存储,Excel 只保留 15 位有效数字,现在单元格里是 {shown}(即 {digits}),最后几位已经丢失,无法自动恢复:请把单元格设为文本格式,再按原件重新输入。',
      exact: '{label}“{digits}”以数字存储,容易被 Excel 改成科学计数法或丢掉开头的 0:请改为文本存储。',
    },
  },
  check(ctx) {
    for (const { table, row } of ctx.dataRows) {
      for (const { cell, label } of identifierCells(table, row, ctx.policy)) {
        if (cell.kind !== 'number') continue;
        const at = { table, row, cell };
        if (digitsLost(cell)) {
          const digits = excelDigits(cell.value as number);
          ctx.report({ messageId: 'digitsLost', params: { label, shown: cell.text || digits, digits }, at });
          continue;
        }
        const digits = cellText(cell);
        ctx.report({
          messageId: 'exact',
          params: { label, digits },
          severity: 'warning',
          fix: { value: digits, label: '改为文本存储' },
          at,
        });
      }
    }
  },
});
