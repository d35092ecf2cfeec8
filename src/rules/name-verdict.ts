/**
 * The 姓名 checks as problems: what `new-value-invalid` reports for a 更正后 姓名 and `name-format` for the 姓名
 * column (which names the student's package folder), with one set of messages, severities and fixes.
 */
import type { Severity } from './problem';
import type { TextFix } from './rule';
import { checkPersonName } from './values';

export const NAME_MESSAGES = {
  nameDigits: '姓名“{value}”含数字。',
  nameSpaces: '姓名“{value}”中间有空格:中文姓名不加空格。',
  nameChars: '姓名“{value}”含不应出现的字符 {chars}:姓名由汉字组成,少数民族姓名可用间隔号“·”。',
  nameDotPosition: '姓名“{value}”中的间隔号“·”位置不对:它只能出现在两段名字之间,且只用一个。',
  nameDotLookalike: '姓名“{value}”中的间隔号应为“·”(U+00B7),应改为“{fixed}”。',
  nameLatin: '姓名“{value}”含拉丁字母:请与身份证件核对(外籍学生等特殊情况可保留)。',
};
export type NameMessageId = keyof typeof NAME_MESSAGES;

export interface NameVerdict {
  messageId: NameMessageId;
  params: Record<string, string>;
  /** Absent: the rule's default (error). */
  severity?: Severity;
  fix?: TextFix;
}

/** The problem with a 姓名 (stray spaces already removed by `cleanSpaces`: they are `whitespace`'s), or null. */
export function nameVerdict(value: string): NameVerdict | null {
  const issue = checkPersonName(value);
  switch (issue?.kind) {
    case undefined:
      return null;
    case 'digits':
      return { messageId: 'nameDigits', params: { value } };
    case 'spaces':
      return { messageId: 'nameSpaces', params: { value } };
    case 'chars':
      return { messageId: 'nameChars', params: { value, chars: [...issue.chars].map((c) => `“${c}”`).join('') } };
    case 'dot-position':
      return { messageId: 'nameDotPosition', params: { value } };
    case 'dot-lookalike':
      // An error (SPEC): the look-alike would go into the package's folder name as it is.
      return { messageId: 'nameDotLookalike', params: { value, fixed: issue.fixed }, fix: { value: issue.fixed, label: '改为间隔号“·”' } };
    case 'latin':
      return { messageId: 'nameLatin', params: { value }, severity: 'warning' };
  }
}
