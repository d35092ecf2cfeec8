/**
 * What a number format makes of a number: whether the cell is a date, a time of day, an elapsed time or a plain
 * number, and the text Excel would show for it (the common formats; anything else shows as General does).
 */

/** Built-in number formats by id, as Excel with the zh-CN locale shows them (ids 27–36 and 50–58 are the CJK ones). */
const BUILT_IN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

export function builtInFormat(id: number): string {
  return BUILT_IN[id] ?? 'General';
}

export type FormatClass = 'number' | 'date' | 'time' | 'elapsed';

export interface NumberFormat {
  code: string;
  cls: FormatClass;
  /** Whether a date or time format shows seconds / a time of day. */
  seconds: boolean;
  showsTime: boolean;
  /** How a plain number shows: General, or its digits after the point (decided once per format, not per cell). */
  digits: NumberDigits;
}

type NumberDigits =
  | { style: 'general' }
  | { style: 'scientific'; decimals: number }
  | { style: 'fixed'; decimals: number; percent: boolean; thousands: boolean };

/** The first section of a format with literals, colours, locales, padding and fill removed. */
function skeleton(code: string): string {
  return (code.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/General/gi, '')
    .replace(/AM\/PM|A\/P|上午\/下午/gi, '')
    .replace(/E[+-]/gi, '');
}

/**
 * Excel's Format Cells dialog offers at most 30 decimal places and a number holds 15 significant digits, so more
 * places than that show only zeros; a format code may still ask for hundreds (Excel stores it), which JavaScript's
 * toFixed refuses beyond 100.
 */
const MAX_DECIMALS = 30;

function numberDigits(code: string, s: string): NumberDigits {
  const scientific = /[0#](?:\.([0#]+))?E[+-]/i.exec(code.split(';')[0]);
  if (scientific) return { style: 'scientific', decimals: Math.min(MAX_DECIMALS, scientific[1]?.length ?? 0) };
  if (!/[0#]/.test(s)) return { style: 'general' };
  const decimals = Math.min(MAX_DECIMALS, (/\.([0#]+)/.exec(s)?.[1] ?? '').length);
  return { style: 'fixed', decimals, percent: s.includes('%'), thousands: s.includes(',') };
}

export function classifyFormat(code: string): NumberFormat {
  const s = skeleton(code);
  const seconds = /s/i.test(s);
  const digits = numberDigits(code, s);
  if (/\[[hms]+\]/i.test(s)) return { code, cls: 'elapsed', seconds, showsTime: true, digits };
  const hasDate = /[yd]/i.test(s);
  const hasTime = /[hs]/i.test(s);
  if (hasDate) return { code, cls: 'date', seconds, showsTime: hasTime, digits };
  if (hasTime) return { code, cls: 'time', seconds, showsTime: true, digits };
  if (/m/i.test(s)) return { code, cls: 'date', seconds: false, showsTime: false, digits };
  return { code, cls: 'number', seconds: false, showsTime: false, digits };
}

const DAY_MS = 86_400_000;

/** The calendar date and time of a date serial, in UTC fields. Excel's 1900 system counts the fictitious 1900-02-29 (serial 60). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const base = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.round(serial * DAY_MS / 1000) * 1000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function clock(totalSeconds: number, hours: number, seconds: boolean): string {
  const m = Math.floor(totalSeconds / 60) % 60;
  return `${hours}:${pad(m)}${seconds ? ':' + pad(totalSeconds % 60) : ''}`;
}

/** Excel's General format in a standard column: at most 11 characters, scientific beyond that. */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  // The common case (序号, counts): an integer that fits shows as itself, as the rounding below would give.
  if (Number.isInteger(n) && abs < 1e11) return String(n);
  const room = n < 0 ? 10 : 11;
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mantissa, exp] = n.toExponential(5).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    const e = Number(exp);
    return `${trimmed}E${e < 0 ? '-' : '+'}${pad(Math.abs(e))}`;
  }
  const intDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, room - intDigits - 1);
  const fixed = n.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Excel keeps 15 significant digits: a long integer shows its first 15 digits and then zeros. */
function integerText(n: number): string {
  if (Math.abs(n) < 1e15) return String(Math.round(n));
  const [mantissa, exp] = Math.abs(n).toPrecision(15).split('e');
  const digits = mantissa.replace('.', '');
  return (n < 0 ? '-' : '') + digits.padEnd(Number(exp) + 1, '0');
}

function fixedText(n: number, decimals: number, thousands: boolean): string {
  const text = decimals === 0 ? integerText(n) : n.toFixed(decimals);
  if (!thousands) return text;
  const [int, frac] = text.split('.');
  return int.replace(/\B(?=(\d{3})+$)/g, ',') + (frac !== undefined ? '.' + frac : '');
}

/** The text Excel displays for a number under a format (dates as ISO "YYYY-MM-DD", with the time when the format shows one). */
export function numberText(n: number, fmt: NumberFormat, date1904: boolean): string {
  if (fmt.cls === 'elapsed' || fmt.cls === 'time') {
    const total = Math.round(Math.abs(n) * 86400);
    const hours = fmt.cls === 'elapsed' ? Math.floor(total / 3600) : Math.floor(total / 3600) % 24;
    return (n < 0 ? '-' : '') + clock(total, hours, fmt.seconds);
  }
  if (fmt.cls === 'date') {
    const d = serialToDate(n, date1904);
    return isoDate(d) + (fmt.showsTime ? ' ' + clock(d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds(), d.getUTCHours(), fmt.seconds) : '');
  }
  const { digits } = fmt;
  if (digits.style === 'general') return generalText(n);
  if (digits.style === 'scientific')
    return n.toExponential(digits.decimals).replace(/e([+-])(\d+)$/, (_, sign: string, e: string) => `E${sign}${pad(Number(e))}`);
  if (digits.percent) return fixedText(n * 100, digits.decimals, false) + '%';
  return fixedText(n, digits.decimals, digits.thousands);
}
