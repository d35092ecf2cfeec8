/**
 * Full-width digits and letters (０–９, Ｘ) and invisible characters in a 学号, 注册证号 or 身份证号. They look right
 * on screen but are not the digits the headquarters' system reads, and the workbook ships as it is: an error,
 * with a fix that writes the half-width value without the invisible characters.
 */
import { INVISIBLE, identifierCells, identifierValue, widthFlaws } from '../identifiers';
import { defineRule } from '../rule';

/** How an invisible character is named in the message. */
function invisibleName(ch: string): string {
  if (ch === '\u00a0' || ch === '\u202f') return '不间断空格';
  if (ch === '\u00ad') return '软连字符';
  if (ch === '\ufeff') return '字节顺序标记(BOM)';
  if (ch >= '\u2000' && ch <= '\u200a') return '排版空格';
  if (ch === '\u200b') return '零宽空格';
  return '不可见的格式字符';
}

export default defineRule({
  meta: {
    id: 'character-width',
    severity: 'error',
    description: '学号、注册证号或身份证号中含全角字符或不可见字符',
    fixable: true,
    messages: {
      flawed: '{label}“{value}”{what}:看上去无误,却不是系统能识别的号码,应为“{fixed}”。',
    },
  },
  check(ctx) {
    for (const { table, row } of ctx.dataRows) {
      for (const { cell, label, isIdNumber } of identifierCells(table, row, ctx.policy)) {
        if (cell.kind !== 'text') continue;
        const { fullWidth, invisible } = widthFlaws(cell.text);
        if (fullWidth.length === 0 && invisible.length === 0) continue;
        const what = [
          fullWidth.length ? `含全角字符 ${fullWidth.map((c) => `“${c}”`).join('')}` : '',
          invisible.length ? `含不可见的${[...new Set(invisible.map(invisibleName))].join('、')}(以 □ 标出)` : '',
        ]
          .filter(Boolean)
          .join('、');
        // A 身份证号's check character is an upper-case X; the fix writes it so (a full-width ｘ becomes X).
        const cleaned = identifierValue(cell.text);
        const fixed = isIdNumber ? cleaned.toUpperCase() : cleaned;
        ctx.report({
          messageId: 'flawed',
          params: { label, value: cell.text.replace(INVISIBLE, '□'), what, fixed },
          at: { table, row, cell },
          fix: { value: fixed, label: '改为半角并去除不可见字符' },
        });
      }
    }
  },
});
