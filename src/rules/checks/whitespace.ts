/**
 * Stray spaces in the key, 姓名, 更正内容, 更正前, 更正后 and 更正原因 text cells: at either end, or a full-width,
 * no-break or zero-width space anywhere. Other rules read values without them, so each is reported once, here;
 * invisible spaces inside a 学号, 注册证号 or 身份证号 are character-width's.
 */
import type { Cell } from '../grid';
import type { Field } from '../policy';
import { INVISIBLE, identifierCells } from '../identifiers';
import { defineRule } from '../rule';
import { ownCell } from '../rows';
import { type SpaceFinding, cleanSpaces, spaceFindings } from '../values';

const FIELDS: Field[] = ['name', 'changeField', 'before', 'after', 'reason'];

const FINDING_TEXT: Record<SpaceFinding, string> = {
  leading: '开头有空格',
  trailing: '结尾有空格',
  'full-width': '含全角空格',
  'no-break': '含不间断空格',
  other: '含不可见的空白字符',
};

export default defineRule({
  meta: {
    id: 'whitespace',
    severity: 'warning',
    description: '单元格开头或结尾有空格,或含全角空格、不间断空格',
    fixable: true,
    messages: {
      spaces: '“{label}”{what}:应为“{fixed}”。',
    },
  },
  check(ctx) {
    const fieldsOf = new Map(ctx.tables.map((t) => [t, [t.keyField, ...FIELDS]]));
    for (const { table, row } of ctx.dataRows) {
      let identifiers: Set<Cell> | undefined;
      for (const field of fieldsOf.get(table)!) {
        const cell = ownCell(table, row, field);
        // Most cells have no stray or invisible space at all: nothing to read further.
        if (cell?.kind !== 'text' || (spaceFindings(cell.text).length === 0 && cell.text.search(INVISIBLE) < 0)) continue;
        identifiers ??= new Set(identifierCells(table, row, ctx.policy).map((c) => c.cell));
        // In a 学号, 注册证号 or 身份证号 an invisible space is character-width's business.
        const found = spaceFindings(identifiers.has(cell) ? cell.text.replace(INVISIBLE, '') : cell.text);
        if (found.length === 0) continue;
        const fixed = cleanSpaces(cell.text);
        ctx.report({
          messageId: 'spaces',
          params: { label: ctx.policy.columns[field][0], what: found.map((f) => FINDING_TEXT[f]).join('、'), fixed },
          at: { table, row, cell },
          fix: { value: fixed, label: '去除多余空格' },
        });
      }
    }
  },
});
