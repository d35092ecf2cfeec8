import { builtInFormat, classifyFormat, generalText, numberText, serialToDate, isoDate } from '../../src/xlsx/number-format';

describe('classifyFormat', () => {
  it.each([
    ['General', 'number'],
    ['0', 'number'],
    ['#,##0.00', 'number'],
    ['0.00E+00', 'number'],
    ['_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)', 'number'],
    ['@', 'number'],
    ['yyyy-mm-dd', 'date'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', 'date'],
    ['mmm-yy', 'date'],
    ['h:mm:ss', 'time'],
    ['上午/下午h"时"mm"分"', 'time'],
    ['[h]:mm:ss', 'elapsed'],
    ['[Red]0.00', 'number'],
    ['"Date: "0', 'number'],
  ])('%s → %s', (code, cls) => {
    expect(classifyFormat(code).cls).toBe(cls);
  });

  it('knows the zh-CN built-in date formats (ids 14, 27–31, 50–58)', () => {
    for (const id of [14, 22, 27, 28, 31, 36, 50, 57, 58]) expect(classifyFormat(builtInFormat(id)).cls).toBe('date');
    for (const id of [0, 1, 2, 3, 4, 9, 10, 49]) expect(classifyFormat(builtInFormat(id)).cls).toBe('number');
    expect(classifyFormat(builtInFormat(46)).cls).toBe('elapsed');
  });
});

describe('generalText (Excel General, 11 characters)', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [-42, '-42'],
    [61.75, '61.75'],
    [1 / 3, '0.333333333'],
    [12345678901, '12345678901'],
    // A 身份证号 or 学号 typed as a number shows in scientific notation, as Excel shows it.
    [440106199001011234, '4.40106E+17'],
    [2509001200003, '2.509E+12'],
    [0.0000000001, '1E-10'],
  ])('%p → %s', (n, text) => {
    expect(generalText(n)).toBe(text);
  });
});

describe('numberText', () => {
  const fmt = (code: string) => classifyFormat(code);
  it.each([
    [3599619, '#,##0', '3,599,619'],
    [0.00370900364733045, '0.000%', '0.371%'],
    [12.345678, '0.00000000000', '12.34567800000'],
    [1, '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)', '1.00'],
    // Excel keeps 15 significant digits: the last digits of an 18-digit ID are gone.
    [440106199001011234, '0', '440106199001011000'],
    [2509001200003, '0', '2509001200003'],
    [12345.678, '0.00E+00', '1.23E+04'],
    [10.6320601851852, '[hh]:mm:ss', '255:10:10'],
    [0.5, 'h:mm', '12:00'],
    [2509001200003, '@', '2.509E+12'],
  ])('%p with %s → %s', (n, code, text) => {
    expect(numberText(n, fmt(code), false)).toBe(text);
  });

  it('shows a date with its time only when the format does', () => {
    expect(numberText(45901.5, fmt('yyyy-mm-dd'), false)).toBe('2025-09-01');
    expect(numberText(45901.5, fmt('yyyy/m/d h:mm'), false)).toBe('2025-09-01 12:00');
  });
});

describe('serialToDate', () => {
  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [45901, false, '2025-09-01'],
    [0, true, '1904-01-01'],
    [42735, true, '2021-01-01'],
  ])('%p (1904: %p) → %s', (serial, d1904, iso) => {
    expect(isoDate(serialToDate(serial, d1904))).toBe(iso);
  });
});
