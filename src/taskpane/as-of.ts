/**
 * The as-of date as the registrar types it: always YYYY-MM-DD (a browser's date input would show the browser's
 * locale, 12/02/2026 or 02.12.2026), checked to be a real calendar day before it is applied.
 */

export type AsOfInput = { ok: true; value: string } | { ok: false; message: string } | { ok: 'incomplete' };

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads what was typed: full-width digits and 年月日 / 。/ . separators are accepted and normalised. */
export function parseAsOf(typed: string): AsOfInput {
  const text = typed
    .normalize('NFKC')
    .trim()
    .replace(/[年月./]/g, '-')
    .replace(/日$/, '');
  if (text === '') return { ok: 'incomplete' };
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) return /^\d{0,4}(-\d{0,2}(-\d{0,1})?)?$/.test(text) ? { ok: 'incomplete' } : { ok: false, message: '请按“年-月-日”输入,例如 2026-12-02。' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 2000 || year > 2099) return { ok: false, message: `年份 ${year} 不在 2000–2099 之间。` };
  if (month < 1 || month > 12) return { ok: false, message: `没有 ${month} 月。` };
  if (day < 1 || day > daysIn(year, month)) return { ok: false, message: `${year} 年 ${month} 月没有 ${day} 日。` };
  return { ok: true, value: `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
