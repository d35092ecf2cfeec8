/**
 * The 更正后 value, by the field the row corrects: 身份证号 (GB 11643-1999), 性别, 民族 (GB/T 3304-1991),
 * 入学文化程度 (GB/T 4658-2006 or a short form) and 姓名. Errors unless the value is right but written in a
 * fixable way (lowercase x, 汉 for 汉族, an old ethnic name). The 姓名 checks are name-verdict.ts's, shared with
 * `name-format`; full-width or invisible characters in a 身份证号 are `character-width`'s.
 */
import type { Cell } from '../grid';
import type { ChangeField } from '../policy';
import { type ReportInput, type RuleContext, type TextFix, defineRule } from '../rule';
import { rowText } from '../rows';
import { checkIdNumber, idReasonText } from '../id-number';
import { educationIsCollege, lookupEthnic } from '../vocab/lookup';
import { identifierValue } from '../identifiers';
import { NAME_MESSAGES, nameVerdict } from '../name-verdict';
import { cleanSpaces, digitsLost, genderOf } from '../values';

const messages = {
  idInvalid: '更正后的身份证号“{value}”无效:{reason}。',
  idFifteen: '更正后的身份证号“{value}”是 15 位旧号码,应填写 18 位号码“{converted}”(在 6 位地区码后插入 19,末位加校验码),请与身份证原件核对。',
  idLowercaseX: '身份证号末位的 x 应为大写 X。',
  gender: '性别“{value}”无效:只能填写“男”或“女”。',
  ethnicUnknown: '民族“{value}”不是 56 个民族的名称之一(GB/T 3304-1991):请填写全称,例如“汉族”“蒙古族”。',
  ethnicBare: '民族应写全称:“{value}”应为“{name}”。',
  ethnicOld: '“{value}”是旧称,现名“{name}”。',
  education:
    '入学文化程度“{value}”无法识别:请填写学历名称(GB/T 4658-2006,例如“普通高中毕业”“大学专科毕业”)或常用简称(高中、中专、职高、技校、专科、本科、硕士、博士、初中)。',
  ...NAME_MESSAGES,
};
type MessageId = keyof typeof messages;
/** A problem before it is placed (on the 更正后 cell, which a fix rewrites). */
type Verdict = Pick<ReportInput<MessageId>, 'messageId' | 'params' | 'severity'> & { fix?: TextFix };

function checkId(cell: Cell, value: string, ctx: RuleContext<MessageId>): Verdict | null {
  // More than 15 digits held as a number are already lost: stored-as-number says so, nothing to check here.
  if (digitsLost(cell)) return null;
  // Judged as character-width's fix would leave it: full-width forms and invisible characters are its business.
  const id = identifierValue(value);
  const reason = checkIdNumber(id, { asOf: ctx.asOf, regionPrefixes: ctx.policy.idRegionPrefixes, minBirthYear: ctx.policy.idMinBirthYear });
  if (reason?.kind === 'fifteen-digit' && reason.problem === null)
    return { messageId: 'idFifteen', params: { value: id, converted: reason.converted } };
  if (reason && reason.kind !== 'lowercase-x') return { messageId: 'idInvalid', params: { value: id, reason: idReasonText(reason) } };
  // A full-width ｘ is character-width's (its fix writes X); only a half-width x is this rule's.
  if (reason?.kind === 'lowercase-x' && id === value) return { messageId: 'idLowercaseX', severity: 'warning', fix: { value: reason.fixed, label: '改为大写 X' } };
  return null;
}

function verdict(field: ChangeField, cell: Cell, value: string, ctx: RuleContext<MessageId>): Verdict | null {
  switch (field) {
    case '身份证号':
      return checkId(cell, value, ctx);
    case '性别':
      return genderOf(value) ? null : { messageId: 'gender', params: { value } };
    case '民族': {
      const match = lookupEthnic(value, ctx.policy);
      if (match.status === 'ok') return null;
      if (match.status === 'unknown') return { messageId: 'ethnicUnknown', params: { value } };
      return {
        messageId: match.why === 'bare' ? 'ethnicBare' : 'ethnicOld',
        params: { value, name: match.name },
        severity: 'warning',
        fix: { value: match.name, label: `改为“${match.name}”` },
      };
    }
    case '入学文化程度':
      return educationIsCollege(value, ctx.policy) === null ? { messageId: 'education', params: { value } } : null;
    case '姓名':
      return nameVerdict(value);
  }
}

export default defineRule<MessageId>({
  meta: {
    id: 'new-value-invalid',
    severity: 'error',
    description: '更正后的值不符合该项的规范(身份证号、性别、民族、入学文化程度、姓名)',
    fixable: true,
    messages,
  },
  check(ctx) {
    for (const { table, row } of ctx.dataRows) {
      const cell = row.cells.after;
      const field = row.changeField;
      const value = cleanSpaces(rowText(row, 'after'));
      if (!cell || field === null || value === '') continue;
      const found = verdict(field, cell, value, ctx);
      if (found) ctx.report({ ...found, at: { table, row, cell } });
    }
  },
});
