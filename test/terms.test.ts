import { makeCell } from '../src/rules/grid';
import { DEFAULT_POLICY, parsePolicy } from '../src/rules/policy';
import type { DataRow } from '../src/rules/table';
import {
  daysBetween,
  enrollmentTerm,
  excelSerialDate,
  gradYearFromRegNo,
  parseDateCell,
  parseDateText,
  parseTermCell,
  spanLabel,
  termBounds,
  termFromStudentId,
  termOfDate,
} from '../src/rules/terms';

const text = (v: string) => makeCell(3, 1, v, 'text');
const num = (v: number, shown?: string) => makeCell(3, 1, v, 'number', shown);
const date = (iso: string) => makeCell(3, 1, iso, 'date');

describe('parseDateText', () => {
  it.each([
    ['2024-05-01', '2024-05-01', '2024-05-01', 'day'],
    ['2024/5/1', '2024-05-01', '2024-05-01', 'day'],
    ['2024年5月1日', '2024-05-01', '2024-05-01', 'day'],
    ['2024.5.1', '2024-05-01', '2024-05-01', 'day'],
    ['20240501', '2024-05-01', '2024-05-01', 'day'],
    [' 2024-05-01 00:00:00 ', '2024-05-01', '2024-05-01', 'day'],
    ['２０２４－０５－０１', '2024-05-01', '2024-05-01', 'day'],
    ['2024-05', '2024-05-01', '2024-05-31', 'month'],
    ['2024年5月', '2024-05-01', '2024-05-31', 'month'],
    ['2024.2', '2024-02-01', '2024-02-29', 'month'],
    ['202302', '2023-02-01', '2023-02-28', 'month'],
    ['2020年', '2020-01-01', '2020-12-31', 'year'],
  ])('%s', (input, from, to, precision) => {
    expect(parseDateText(input)).toEqual({ from, to, precision });
  });

  it.each(['', '2024-02-30', '2024-13', '2024年13月1日', '五月', '1899-12-31', '2024-05-01-02', '24-05-01'])('rejects %p', (input) => {
    expect(parseDateText(input)).toBeNull();
  });
});

describe('excelSerialDate (1900 system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45413, '2024-05-01'],
    [45413.75, '2024-05-01'],
  ])('%d is %s', (serial, iso) => expect(excelSerialDate(serial)).toBe(iso));

  it('rejects what is not a serial', () => {
    expect(excelSerialDate(0)).toBeNull();
    expect(excelSerialDate(-3)).toBeNull();
  });
});

describe('parseDateCell', () => {
  it('reads date cells, serial numbers, typed numbers and text', () => {
    expect(parseDateCell(date('2024-05-01'))).toMatchObject({ from: '2024-05-01', precision: 'day' });
    expect(parseDateCell(num(45413))).toMatchObject({ from: '2024-05-01', precision: 'day' });
    expect(parseDateCell(num(20240501))).toMatchObject({ from: '2024-05-01', precision: 'day' });
    expect(parseDateCell(num(2024.05, '2024.05'))).toMatchObject({ from: '2024-05-01', to: '2024-05-31', precision: 'month' });
    expect(parseDateCell(num(202405))).toMatchObject({ from: '2024-05-01', precision: 'month' });
    expect(parseDateCell(text('2024年5月1日'))).toMatchObject({ from: '2024-05-01', precision: 'day' });
  });

  it('gives null for empty, boolean and unreadable cells', () => {
    expect(parseDateCell(undefined)).toBeNull();
    expect(parseDateCell(makeCell(3, 1, null))).toBeNull();
    expect(parseDateCell(makeCell(3, 1, true))).toBeNull();
    expect(parseDateCell(text('去年五月'))).toBeNull();
  });
});

describe('terms', () => {
  it('assigns days to terms by the policy boundaries', () => {
    expect(termOfDate('2025-03-01', DEFAULT_POLICY)).toEqual({ year: 2025, season: 'spring' });
    expect(termOfDate('2025-08-31', DEFAULT_POLICY)).toEqual({ year: 2025, season: 'spring' });
    expect(termOfDate('2025-09-01', DEFAULT_POLICY)).toEqual({ year: 2025, season: 'autumn' });
    expect(termOfDate('2026-02-28', DEFAULT_POLICY)).toEqual({ year: 2025, season: 'autumn' });
  });

  it('bounds spring and autumn, autumn ending with February (leap years too)', () => {
    expect(termBounds({ year: 2025, season: 'spring' }, DEFAULT_POLICY)).toEqual({ start: '2025-03-01', end: '2025-08-31' });
    expect(termBounds({ year: 2025, season: 'autumn' }, DEFAULT_POLICY)).toEqual({ start: '2025-09-01', end: '2026-02-28' });
    expect(termBounds({ year: 2027, season: 'autumn' }, DEFAULT_POLICY)).toEqual({ start: '2027-09-01', end: '2028-02-29' });
  });

  it('follows a policy with other boundaries', () => {
    const policy = parsePolicy({ terms: { springStart: '02-15', autumnStart: '08-20' } });
    expect(termBounds({ year: 2025, season: 'autumn' }, policy)).toEqual({ start: '2025-08-20', end: '2026-02-14' });
    expect(termOfDate('2025-08-25', policy)).toEqual({ year: 2025, season: 'autumn' });
  });

  it.each([
    ['2025秋', 2025, 'autumn'],
    ['2025春', 2025, 'spring'],
    ['2025年秋季', 2025, 'autumn'],
    ['2025 春季学期', 2025, 'spring'],
    ['25秋', 2025, 'autumn'],
    ['202509', 2025, 'autumn'],
    ['2025-09', 2025, 'autumn'],
    ['2025.03', 2025, 'spring'],
    ['2026-01', 2025, 'autumn'],
    ['2025年3月1日', 2025, 'spring'],
  ])('reads the term %s', (input, year, season) => {
    expect(parseTermCell(text(input), DEFAULT_POLICY)).toEqual({ year, season });
  });

  it('reads terms from number and date cells, not from a bare year', () => {
    expect(parseTermCell(num(202509), DEFAULT_POLICY)).toEqual({ year: 2025, season: 'autumn' });
    expect(parseTermCell(date('2025-03-10'), DEFAULT_POLICY)).toEqual({ year: 2025, season: 'spring' });
    expect(parseTermCell(text('2025'), DEFAULT_POLICY)).toBeNull();
    expect(parseTermCell(text('秋季'), DEFAULT_POLICY)).toBeNull();
  });
});

describe('student numbers and registration numbers', () => {
  it('derives the enrollment term from the 学号', () => {
    expect(termFromStudentId('2511001250001', DEFAULT_POLICY)).toEqual({ year: 2025, season: 'autumn' });
    expect(termFromStudentId('2511001249999', DEFAULT_POLICY)).toEqual({ year: 2025, season: 'spring' });
    expect(termFromStudentId('2411001200001', DEFAULT_POLICY)).toEqual({ year: 2024, season: 'spring' });
    expect(termFromStudentId('241100120000', DEFAULT_POLICY)).toBeNull();
    expect(termFromStudentId('24110012A0001', DEFAULT_POLICY)).toBeNull();
  });

  it('lets a readable 入学学期 cell win over the 学号', () => {
    const row = (cells: DataRow['cells']): DataRow => ({ row: 3, cells, changeField: null, reason: null });
    const id = makeCell(3, 3, '2511001250001', 'text');
    expect(enrollmentTerm([row({ studentId: id, term: text('2024春') })], DEFAULT_POLICY)).toEqual({
      term: { year: 2024, season: 'spring' },
      source: 'column',
    });
    expect(enrollmentTerm([row({ studentId: id, term: text('不详') })], DEFAULT_POLICY)).toEqual({
      term: { year: 2025, season: 'autumn' },
      source: 'student-id',
    });
    expect(enrollmentTerm([row({ studentId: text('123') })], DEFAULT_POLICY)).toBeNull();
  });

  it('reads the graduation year from digits 7–10 of the 注册证号', () => {
    expect(gradYearFromRegNo('511611202005000123', DEFAULT_POLICY)).toEqual({ from: '2020-01-01', to: '2020-12-31', precision: 'year' });
    expect(gradYearFromRegNo('51161120200500012', DEFAULT_POLICY)).toBeNull();
    expect(gradYearFromRegNo('611611202005000123', DEFAULT_POLICY)).toBeNull();
  });
});

describe('day arithmetic', () => {
  it('counts days across months and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-06-01', '2026-11-29')).toBe(181);
    expect(daysBetween('2026-11-29', '2026-11-28')).toBe(-1);
  });

  it('labels spans by their precision', () => {
    expect(spanLabel(parseDateText('2024-05-01')!)).toBe('2024-05-01');
    expect(spanLabel(parseDateText('2024年5月')!)).toBe('2024-05');
    expect(spanLabel(parseDateText('2024')!)).toBe('2024');
  });
});
