/**
 * Dates and terms for the eligibility rules: reading date cells (Excel dates, serial numbers, the many ways
 * people type a date), the enrollment term of a student (入学学期 column, or derived from the 学号) and the
 * graduation year from the 注册证号. A date that is only known to the month or year is kept as the span of
 * days it may mean, so a rule can tell "surely after" from "maybe after".
 */
import type { Cell } from './grid';
import { type Policy, keyPattern } from './policy';
import { normalizeValue, rowText } from './rows';
import type { DataRow } from './table';

/** The days a written date may mean, inclusive, as "YYYY-MM-DD". */
export interface DateSpan {
  from: string;
  to: string;
  precision: 'day' | 'month' | 'year';
}

export type Season = 'spring' | 'autumn';

export interface Term {
  year: number;
  season: Season;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01 of an ISO date. */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): string {
  const dt = new Date(n * 86_400_000);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

function span(y: number, m?: number, d?: number): DateSpan | null {
  if (y < YEAR_MIN || y > YEAR_MAX) return null;
  if (m === undefined) return { from: isoDate(y, 1, 1), to: isoDate(y, 12, 31), precision: 'year' };
  if (m < 1 || m > 12) return null;
  if (d === undefined) return { from: isoDate(y, m, 1), to: isoDate(y, m, daysInMonth(y, m)), precision: 'month' };
  if (d < 1 || d > daysInMonth(y, m)) return null;
  const iso = isoDate(y, m, d);
  return { from: iso, to: iso, precision: 'day' };
}

/**
 * A typed date: 2024-05-01, 2024/5/1, 2024年5月1日, 2024.5.1, 20240501; month only: 2024-05, 2024年5月,
 * 2024.5, 202405; year only: 2024, 2024年. A trailing time of day is ignored.
 */
export function parseDateText(text: string): DateSpan | null {
  const t = normalizeValue(text.normalize('NFKC').trim().replace(/[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, ''));
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return span(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})月?(份)?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (m) return span(Number(m[1]), Number(m[2]));
  m = /^(\d{4})年?$/.exec(t);
  return m ? span(Number(m[1])) : null;
}

/** An Excel serial day number (1900 date system, with its fictitious 1900-02-29 as serial 60). */
export function excelSerialDate(serial: number): string | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465) return null;
  // Serials above 60 count from 1899-12-30 because Excel believes 1900 was a leap year.
  return fromDayNumber(dayNumber(whole > 60 ? '1899-12-30' : '1899-12-31') + whole);
}

/**
 * The date a cell holds: a date cell, a typed date (text or a number such as 20240501 or 2024.05 shown as
 * typed), or an Excel serial number. Null when empty or unreadable.
 */
export function parseDateCell(cell: Cell | undefined): DateSpan | null {
  if (!cell || cell.kind === 'empty') return null;
  if (cell.kind === 'date') return typeof cell.value === 'string' ? parseDateText(cell.value.slice(0, 10)) : null;
  if (cell.kind === 'text') return parseDateText(cell.text);
  if (cell.kind !== 'number' || typeof cell.value !== 'number') return null;
  const typed = parseDateText(cell.text) ?? parseDateText(String(cell.value));
  if (typed) return typed;
  const iso = excelSerialDate(cell.value);
  return iso ? { from: iso, to: iso, precision: 'day' } : null;
}

/** The term a day falls in: spring from `springStart` to the day before `autumnStart`, autumn until the next spring. */
export function termOfDate(iso: string, policy: Policy): Term {
  const year = Number(iso.slice(0, 4));
  const md = iso.slice(5);
  const { springStart, autumnStart } = policy.terms;
  if (md >= autumnStart) return { year, season: 'autumn' };
  if (md >= springStart) return { year, season: 'spring' };
  return { year: year - 1, season: 'autumn' };
}

/** First and last day of a term ("YYYY-MM-DD"); autumn ends the day before next spring (end of February by default). */
export function termBounds(term: Term, policy: Policy): { start: string; end: string } {
  const { springStart, autumnStart } = policy.terms;
  const start = `${pad(term.year, 4)}-${term.season === 'spring' ? springStart : autumnStart}`;
  const nextStart = term.season === 'spring' ? `${pad(term.year, 4)}-${autumnStart}` : `${pad(term.year + 1, 4)}-${springStart}`;
  return { start, end: fromDayNumber(dayNumber(nextStart) - 1) };
}

export function termLabel(term: Term): string {
  return `${term.year}年${term.season === 'spring' ? '春季' : '秋季'}`;
}

/** 2025秋, 2025年秋季, 25春, 2025秋季学期; or a month or day (202509, 2025-09, 2025.03, a date cell) taken as the term it falls in. */
export function parseTermCell(cell: Cell | undefined, policy: Policy): Term | null {
  if (!cell || cell.kind === 'empty') return null;
  if (cell.kind === 'text') {
    const m = /^(\d{4}|\d{2})年?(春|秋)季?(学期)?(入学)?$/.exec(normalizeValue(cell.text));
    if (m) {
      const year = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
      return { year, season: m[2] === '春' ? 'spring' : 'autumn' };
    }
  }
  const date = parseDateCell(cell);
  return date && date.precision !== 'year' ? termOfDate(date.from, policy) : null;
}

/** The enrollment term the 学号 encodes (policy.studentIdTerm); null when the 学号 does not have the policy's form. */
export function termFromStudentId(studentId: string, policy: Policy): Term | null {
  const id = normalizeValue(studentId);
  if (!keyPattern(policy, 'studentId').test(id)) return null;
  const { yearStart, yearEnd, serialStart, serialEnd, autumnSerialFrom } = policy.studentIdTerm;
  const yearDigits = id.slice(yearStart, yearEnd);
  const serialDigits = id.slice(serialStart, serialEnd);
  if (!/^\d+$/.test(yearDigits) || !/^\d+$/.test(serialDigits)) return null;
  const year = yearDigits.length === 2 ? 2000 + Number(yearDigits) : Number(yearDigits);
  return { year, season: Number(serialDigits) >= autumnSerialFrom ? 'autumn' : 'spring' };
}

export interface EnrollmentTerm {
  term: Term;
  source: 'column' | 'student-id';
}

/** A student's enrollment term: the first readable 入学学期 cell of their rows wins, else the 学号. */
export function enrollmentTerm(rows: DataRow[], policy: Policy): EnrollmentTerm | null {
  for (const row of rows) {
    const term = parseTermCell(row.cells.term, policy);
    if (term) return { term, source: 'column' };
  }
  for (const row of rows) {
    const id = rowText(row, 'studentId');
    if (!id) continue;
    const term = termFromStudentId(id, policy);
    if (term) return { term, source: 'student-id' };
  }
  return null;
}

/** The graduation year the 注册证号 encodes (policy.regNoGradYear), as the span of that year; null when the number does not have the policy's form. */
export function gradYearFromRegNo(regNo: string, policy: Policy): DateSpan | null {
  const n = normalizeValue(regNo);
  if (!keyPattern(policy, 'regNo').test(n)) return null;
  const digits = n.slice(policy.regNoGradYear.start, policy.regNoGradYear.end);
  return /^\d{4}$/.test(digits) ? span(Number(digits)) : null;
}

/** A span as it reads: 2024-05-01, 2024-05 or 2024. */
export function spanLabel(date: DateSpan): string {
  return date.precision === 'day' ? date.from : date.precision === 'month' ? date.from.slice(0, 7) : date.from.slice(0, 4);
}
