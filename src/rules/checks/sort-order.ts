/**
 * Data rows must be ascending by key (学号, or 注册证号 for graduates). Reported once per table at the first
 * row out of order, with a fix that sorts the rows stably (a student's rows keep their order), rows without
 * a key after the keyed ones and blank rows at the end of the range.
 */
import type { Fix } from '../problem';
import { defineRule } from '../rule';
import { normalizeValue, rowText } from '../rows';
import type { DataRow } from '../table';

const PLAIN_NUMBER = /^[1-9]\d*$/;

interface SortKey {
  raw: string;
  /** Digits without leading zeros, for a numeric comparison; null when the key is not all digits. */
  number: string | null;
}

/**
 * A leading apostrophe (a text prefix that became part of the value; key-format reports it) does not move the key:
 * '2509001200013 sorts as 2509001200013, or the message would name the order backwards.
 */
function sortKey(value: string): SortKey {
  // The common key: digits without a leading zero (one test, no copies).
  if (PLAIN_NUMBER.test(value)) return { raw: value, number: value };
  const raw = value.replace(/^['‘’`]/, '');
  return { raw, number: /^\d+$/.test(raw) ? raw.replace(/^0+/, '') : null };
}

/**
 * Digit keys compare as numbers (by length, then digit by digit; leading zeros only break ties) and come
 * before any other key, which compare by code point: a total order.
 */
function compareKeys(a: SortKey, b: SortKey): number {
  if ((a.number === null) !== (b.number === null)) return a.number !== null ? -1 : 1;
  if (a.number !== null && b.number !== null && a.number !== b.number)
    return a.number.length - b.number.length || (a.number < b.number ? -1 : 1);
  return a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0;
}

export default defineRule({
  meta: {
    id: 'sort-order',
    severity: 'error',
    description: '数据行未按学号(毕业生按注册证号)升序排列',
    fixable: true,
    messages: {
      unsorted: '数据行应按{label}升序排列:第 {row} 行的 {key} 应排在第 {prevRow} 行的 {prevKey} 之前。可一键按{label}升序整行排序。',
    },
  },
  check(ctx) {
    for (const table of ctx.tables) {
      const label = ctx.policy.columns[table.keyField][0];
      const keyOf = (r: DataRow) => sortKey(normalizeValue(rowText(r, table.keyField)));
      // The first keyed row out of order, found in one pass (rows are mostly sorted: nothing else is built).
      let at = -1;
      let prevKey: SortKey | null = null;
      let keyedIndex = 0;
      for (const r of table.rows) {
        const key = keyOf(r);
        if (key.raw === '') continue;
        if (prevKey && compareKeys(prevKey, key) > 0) {
          at = keyedIndex;
          break;
        }
        prevKey = key;
        keyedIndex++;
      }
      if (at < 0) continue;
      const keys = new Map<DataRow, SortKey>(table.rows.map((r) => [r, keyOf(r)]));
      const keyed = table.rows.filter((r) => keys.get(r)!.raw !== '');
      const row = keyed[at];
      const prev = keyed[at - 1];
      // Array.prototype.sort is stable, so one student's rows keep their relative order.
      const sorted = [...keyed].sort((a, b) => compareKeys(keys.get(a)!, keys.get(b)!));
      const keyless = table.rows.filter((r) => keys.get(r)!.raw === '');
      const fix: Fix = {
        kind: 'sort-rows',
        sheet: table.sheet,
        firstRow: table.firstDataRow,
        lastRow: table.lastDataRow,
        order: [...sorted, ...keyless].map((r) => r.row).concat(table.blankRows),
        label: `按${label}升序排序数据行(整行移动)`,
      };
      ctx.report({
        messageId: 'unsorted',
        params: { label, row: row.row, key: rowText(row, table.keyField), prevRow: prev.row, prevKey: rowText(prev, table.keyField) },
        at: { table, row, field: table.keyField },
        fix,
      });
    }
  },
});
