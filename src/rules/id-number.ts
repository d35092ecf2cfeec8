/**
 * Citizen ID numbers (公民身份号码) per GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women) and a check character by ISO 7064 MOD 11-2.
 * `checkIdNumber` says what is wrong with a value, or null when it is a correct 18-character number.
 */

export interface IdCheckOptions {
  /** "YYYY-MM-DD": a birth date after it is in the future. */
  asOf: string;
  /** Accepted first two digits (province-level regions; 81–83 residence permits). */
  regionPrefixes: readonly string[];
  /** Birth years before this are refused. */
  minBirthYear: number;
}

/** Why an ID number is not accepted as is. Only `lowercase-x` is a correct number written in a fixable way. */
export type IdReason =
  | { kind: 'length'; length: number }
  /** 18 characters, but not 17 digits followed by a digit or X. */
  | { kind: 'chars' }
  | { kind: 'region'; prefix: string }
  /** Digits 7–14 are not a real calendar date. */
  | { kind: 'date'; date: string }
  | { kind: 'before-min-year'; date: string; minYear: number }
  | { kind: 'future'; date: string }
  | { kind: 'checksum'; expected: string; actual: string }
  | { kind: 'lowercase-x'; fixed: string }
  /** A 15-digit number of the 1989 format; `converted` is its 18-digit form, `problem` what is wrong with that form. */
  | { kind: 'fifteen-digit'; converted: string; problem: IdReason | null };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character (0–9 or X) of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The 18-digit form of a 15-digit number: 19 inserted after the 6-digit region code, the check character appended. */
export function upgradeId15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** 男 for an odd sequence digit (the 17th of 18, the 15th of 15), 女 for an even one. */
export function idSex(id: string): '男' | '女' {
  const digit = Number(id.length === 15 ? id[14] : id[16]);
  return digit % 2 === 1 ? '男' : '女';
}

/** "YYYY-MM-DD" of digits 7–14 of an 18-digit number, or null when it is not a real calendar date. */
function idBirthDate(id18: string): string | null {
  const y = Number(id18.slice(6, 10));
  const m = Number(id18.slice(10, 12));
  const d = Number(id18.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
}

/** Region, date and year checks shared by 18-digit numbers and the conversion of 15-digit ones. */
function checkBody(id18: string, options: IdCheckOptions): IdReason | null {
  const prefix = id18.slice(0, 2);
  if (!options.regionPrefixes.includes(prefix)) return { kind: 'region', prefix };
  const date = idBirthDate(id18);
  const shown = `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
  if (date === null) return { kind: 'date', date: shown };
  if (Number(date.slice(0, 4)) < options.minBirthYear) return { kind: 'before-min-year', date, minYear: options.minBirthYear };
  if (date > options.asOf) return { kind: 'future', date };
  return null;
}

/** What is wrong with an ID number (given without spaces), or null when it is correct. */
export function checkIdNumber(id: string, options: IdCheckOptions): IdReason | null {
  if (id.length === 15 && /^\d{15}$/.test(id)) {
    const converted = upgradeId15(id);
    return { kind: 'fifteen-digit', converted, problem: checkBody(converted, options) };
  }
  if (id.length !== 18) return { kind: 'length', length: id.length };
  if (!/^\d{17}[\dXx]$/.test(id)) return { kind: 'chars' };
  const body = checkBody(id, options);
  if (body) return body;
  const expected = idCheckChar(id);
  const actual = id[17].toUpperCase();
  if (actual !== expected) return { kind: 'checksum', expected, actual };
  if (id[17] === 'x') return { kind: 'lowercase-x', fixed: id.toUpperCase() };
  return null;
}

/** True for a correct number, including one whose check character is a lowercase x. */
export function isValidIdNumber(id: string, options: IdCheckOptions): boolean {
  const reason = checkIdNumber(id, options);
  return reason === null || reason.kind === 'lowercase-x';
}

/** The reason in Chinese, for messages ("身份证号…无效:{reason}"). */
export function idReasonText(reason: IdReason): string {
  switch (reason.kind) {
    case 'length':
      return `应为 18 位,现为 ${reason.length} 位`;
    case 'chars':
      return '前 17 位应为数字,最后一位应为数字或 X';
    case 'region':
      return `前两位“${reason.prefix}”不是省级行政区代码`;
    case 'date':
      return `第 7–14 位的出生日期 ${reason.date} 不存在`;
    case 'before-min-year':
      return `出生日期 ${reason.date} 早于 ${reason.minYear} 年`;
    case 'future':
      return `出生日期 ${reason.date} 晚于校验日期`;
    case 'checksum':
      return `末位校验码应为 ${reason.expected},现为 ${reason.actual}(号码中有数字录错)`;
    case 'lowercase-x':
      return '末位的 x 应为大写 X';
    case 'fifteen-digit':
      return reason.problem
        ? `是 15 位旧号码,且${idReasonText(reason.problem)}`
        : `是 15 位旧号码,应填写 18 位号码 ${reason.converted}`;
  }
}
