/**
 * Mistakes registrars make, each planted alone in a compliant submission: each must give exactly one problem
 * more than the compliant table (its rule, on its cell), and take none away.
 */
import type { RuleId, Severity } from '../../../src/rules/problem';
import { type Kind, type Submission, idEndingInX } from './submission';

export interface Mistake {
  name: string;
  plant(sub: Submission): void;
  rule: RuleId;
  severity: Severity;
  /** Where the problem is: the `index`-th row of `kind` (after planting), the column `label`. */
  at: { kind: Kind; index: number; label: string };
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

export const MISTAKES: Mistake[] = [
  {
    name: 'a 学号 typed in full-width digits',
    plant: (s) => void (s.new[0].学号 = FULL_WIDTH(String(s.new[0].学号))),
    rule: 'character-width',
    severity: 'error',
    at: { kind: 'new', index: 0, label: '学号' },
  },
  {
    name: 'a zero-width space inside the new 身份证号',
    plant: (s) => void (s.new[3].更正后 = String(s.new[3].更正后).replace(/^(.{6})/, '$1\u200b')),
    rule: 'character-width',
    severity: 'error',
    at: { kind: 'new', index: 3, label: '更正后' },
  },
  {
    name: 'a no-break space after a 学号 (pasted from a web page)',
    plant: (s) => void (s.enrolled[0].学号 = `${s.enrolled[0].学号}\u00a0`),
    rule: 'character-width',
    severity: 'error',
    at: { kind: 'enrolled', index: 0, label: '学号' },
  },
  {
    name: 'a BOM before a 注册证号 (pasted from a CSV file)',
    plant: (s) => void (s.graduate[0].注册证号 = `\ufeff${s.graduate[0].注册证号}`),
    rule: 'character-width',
    severity: 'error',
    at: { kind: 'graduate', index: 0, label: '注册证号' },
  },
  {
    name: 'a 身份证号 ending in a full-width ｘ',
    plant: (s) => void (s.enrolled[2].更正后 = idEndingInX('510104', '19920616', true).replace(/X$/, 'ｘ')),
    rule: 'character-width',
    severity: 'error',
    at: { kind: 'enrolled', index: 2, label: '更正后' },
  },
  {
    name: 'a full-width space between surname and name',
    plant: (s) => void (s.new[1].姓名 = '陈\u3000思远'),
    rule: 'whitespace',
    severity: 'warning',
    at: { kind: 'new', index: 1, label: '姓名' },
  },
  {
    name: 'a bullet for the middle dot in the 姓名 column',
    plant: (s) => void (s.new[5].姓名 = '阿依古丽•买买提'),
    rule: 'name-format',
    severity: 'error',
    at: { kind: 'new', index: 5, label: '姓名' },
  },
  {
    name: 'a full stop for the middle dot in the 姓名 column',
    plant: (s) => void (s.enrolled[1].姓名 = '刘.芳'),
    rule: 'name-format',
    severity: 'error',
    at: { kind: 'enrolled', index: 1, label: '姓名' },
  },
  {
    name: 'a row left with only its 序号 among the data',
    plant: (s) => void s.new.splice(2, 0, {}),
    rule: 'blank-row',
    severity: 'warning',
    at: { kind: 'new', index: 2, label: '学号' },
  },
  {
    name: 'two students out of 学号 order',
    plant: (s) => void ([s.enrolled[0], s.enrolled[1]] = [s.enrolled[1], s.enrolled[0]]),
    rule: 'sort-order',
    severity: 'error',
    at: { kind: 'enrolled', index: 1, label: '学号' },
  },
  {
    name: 'a 更正原因 left empty',
    plant: (s) => void (s.graduate[1].更正原因 = null),
    rule: 'cell-required',
    severity: 'error',
    at: { kind: 'graduate', index: 1, label: '更正原因' },
  },
  {
    name: 'a 学号 with the apostrophe of a text prefix kept in the value',
    plant: (s) => void (s.new[2].学号 = `'${s.new[2].学号}`),
    rule: 'key-format',
    severity: 'error',
    at: { kind: 'new', index: 2, label: '学号' },
  },
  {
    name: '民族 written 汉 for 汉族',
    plant: (s) => void (s.new[2].更正后 = '汉'),
    rule: 'new-value-invalid',
    severity: 'warning',
    at: { kind: 'new', index: 2, label: '更正后' },
  },
  {
    name: 'a new 身份证号 with a wrong check character',
    plant: (s) => {
      const id = String(s.enrolled[2].更正后);
      s.enrolled[2].更正后 = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    },
    rule: 'new-value-invalid',
    severity: 'error',
    at: { kind: 'enrolled', index: 2, label: '更正后' },
  },
  {
    name: 'an 18-digit 身份证号 typed as a number',
    plant: (s) => void (s.new[3].更正后 = Number(s.new[3].更正后)),
    rule: 'stored-as-number',
    severity: 'error',
    at: { kind: 'new', index: 3, label: '更正后' },
  },
  {
    name: 'a 录入错误 on the 在籍生 table (附表2)',
    plant: (s) => void (s.enrolled[3].更正原因 = '录入错误'),
    rule: 'late-entry-error',
    severity: 'warning',
    at: { kind: 'enrolled', index: 3, label: '更正原因' },
  },
  {
    name: '入学文化程度 on the 毕业生 table (附表3)',
    plant: (s) => Object.assign(s.graduate[0], { 更正内容: '入学文化程度', 更正前: '高中', 更正后: '大专' }),
    rule: 'change-field-invalid',
    severity: 'error',
    at: { kind: 'graduate', index: 0, label: '更正内容' },
  },
  {
    name: 'one correction written twice',
    plant: (s) => void s.enrolled.splice(1, 0, { ...s.enrolled[0] }),
    rule: 'duplicate-row',
    severity: 'error',
    at: { kind: 'enrolled', index: 1, label: '更正内容' },
  },
  {
    name: 'a 信息变更 submitted a year after it happened',
    plant: (s) => void (s.enrolled[0].变更日期 = '2025-10-08'),
    rule: 'change-not-timely',
    severity: 'warning',
    at: { kind: 'enrolled', index: 0, label: '变更日期' },
  },
];
