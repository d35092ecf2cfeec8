/**
 * One Excel cell as office-js returns it (value, displayed text, number format, value type) turned into the
 * engine's Cell. A number under a date format is a date (the serial becomes "YYYY-MM-DD"); office-js has no
 * date-system property, so serials are read in the 1900 system every Windows and web workbook uses.
 * `Range.text` is what the column shows, "#####" when it is too narrow: such a number gets the text its
 * format gives instead, and a text cell's text is its value.
 */
import { type Cell, columnLetter } from '../rules/grid';
import { classifyFormat, isoDate, numberText, serialToDate } from '../xlsx/number-format';

/** The value types of `Range.valueTypes` (Excel.RangeValueType). */
export type ExcelValueType = 'Unknown' | 'Empty' | 'String' | 'Integer' | 'Double' | 'Boolean' | 'Error' | 'RichValue';

// A sheet has few columns and few formats but many cells: both lookups are cached.
const letters: string[] = [];
const formats = new Map<string, ReturnType<typeof classifyFormat>>();

function formatOf(code: string) {
  let f = formats.get(code);
  if (!f) {
    f = classifyFormat(code || 'General');
    formats.set(code, f);
  }
  return f;
}

/** Returns undefined for an empty cell, which the grid leaves out. */
export function cellFromExcel(row: number, col: number, value: unknown, text: string, numberFormat: string, type: ExcelValueType): Cell | undefined {
  if (type === 'Empty') return undefined;
  const address = (letters[col] ??= columnLetter(col)) + row;
  switch (type) {
    case 'Integer':
    case 'Double': {
      const n = Number(value);
      const format = formatOf(numberFormat);
      const shown = /^#+$/.test(text) ? numberText(n, format, false) : text;
      if (format.cls === 'date') return { row, col, address, value: isoDate(serialToDate(n, false)), text: shown, kind: 'date' };
      return { row, col, address, value: n, text: shown, kind: 'number' };
    }
    case 'Boolean':
      return { row, col, address, value: Boolean(value), text, kind: 'boolean' };
    case 'Error':
      return { row, col, address, value: String(value), text, kind: 'error' };
    default: {
      // String, and what the engine cannot read otherwise (rich values: linked data types) as the text shown.
      const s = type === 'String' ? String(value ?? '') : (text ?? '');
      return s === '' ? undefined : { row, col, address, value: s, text: s, kind: 'text' };
    }
  }
}
