/**
 * ET's values turned into the engine's cells. Range.Value2 of several cells is, in the VBA model ET mirrors, a
 * 1-based 2-D array; read through JS it may come 0-based: `rowsOf` takes either (a 1-based array has one more
 * element than the range has rows, the first a hole). Value2 gives dates as serial numbers; the number format
 * tells a date from a number. WPS's Chinese UI names General "G/通用格式".
 */
import { type Cell, columnLetter } from '../rules/grid';
import { classifyFormat, isoDate, numberText, serialToDate } from '../xlsx/number-format';

/** The rows of a Value2 read of `rows` × `cols` cells as 0-based arrays. */
export function rowsOf(value2: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(value2)) return [[value2]];
  if (!Array.isArray(value2)) throw new Error(`WPS 返回的区域值不是数组(${rows} 行 × ${cols} 列)`);
  const rowBase = value2.length === rows + 1 ? 1 : 0;
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = value2[i + rowBase] as unknown[] | undefined;
    if (!Array.isArray(row)) throw new Error(`WPS 返回的区域值缺少第 ${i + 1} 行`);
    const colBase = row.length === cols + 1 ? 1 : 0;
    out.push(row.slice(colBase, colBase + cols));
  }
  return out;
}

/** "G/通用格式" (WPS) and "General" (Excel) are the same format. */
export function normalFormat(code: string | null | undefined): string {
  return !code || /^G\/通用格式$/i.test(code) ? 'General' : code;
}

const formats = new Map<string, ReturnType<typeof classifyFormat>>();
const letters: string[] = [];

/** Undefined for an empty cell, which the grid leaves out. */
export function cellFromEt(row: number, col: number, value: unknown, numberFormat: string): Cell | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const address = (letters[col] ??= columnLetter(col)) + row;
  if (typeof value === 'number') {
    let format = formats.get(numberFormat);
    if (!format) formats.set(numberFormat, (format = classifyFormat(numberFormat)));
    if (format.cls === 'date') return { row, col, address, value: isoDate(serialToDate(value, false)), text: numberText(value, format, false), kind: 'date' };
    return { row, col, address, value, text: numberText(value, format, false), kind: 'number' };
  }
  if (typeof value === 'boolean') return { row, col, address, value, text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
  const s = String(value);
  return { row, col, address, value: s, text: s, kind: 'text' };
}

/** "#FFC7CE" → the BGR integer VBA and ET use for colours (0xCEC7FF). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}
