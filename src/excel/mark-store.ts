/**
 * Where the marks remember what they covered: one custom XML part of the workbook (ExcelApi 1.5). It is saved
 * with the file and comes back on reopening, so 清除标记 still restores a cell marked last week; unlike a hidden
 * sheet it is not a sheet the table reader, the user or a formula can meet, and unlike the add-in settings it
 * has no 2 MB ceiling. Cells are keyed by the worksheet's id (stable when a sheet is renamed) and address.
 */
import type { Severity } from '../rules/problem';

export const MARKS_NAMESPACE = 'urn:xueji-gengzheng-zhushou:marks:1';

/** The fill as it was before marking (every property the mark overwrites). */
export interface SavedFill {
  color: string;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

export interface SavedFont {
  color: string;
  tintAndShade: number | null;
}

export interface MarkRecord {
  sheetId: string;
  address: string;
  severity: Exclude<Severity, 'info'>;
  fill: SavedFill;
  font: SavedFont;
  /** Whether the mark added a note (a note the user had is never touched). */
  note: boolean;
}

type Tuple = [string, string, 'e' | 'w', string, string, string | null, number | null, number | null, string, number | null, 0 | 1];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function encodeMarks(records: MarkRecord[]): string {
  const tuples: Tuple[] = records.map((r) => [
    r.sheetId, r.address, r.severity === 'error' ? 'e' : 'w',
    r.fill.color, r.fill.pattern, r.fill.patternColor, r.fill.tintAndShade, r.fill.patternTintAndShade,
    r.font.color, r.font.tintAndShade, r.note ? 1 : 0,
  ]);
  return `<marks xmlns="${MARKS_NAMESPACE}">${escapeXml(JSON.stringify(tuples))}</marks>`;
}

/** The records of a part; a part that is not ours or not readable gives none (it is deleted with the others). */
export function decodeMarks(xml: string): MarkRecord[] {
  const body = /<marks\b[^>]*>([\s\S]*)<\/marks>/.exec(xml)?.[1];
  if (body === undefined) return [];
  let tuples: unknown;
  try {
    tuples = JSON.parse(unescapeXml(body));
  } catch {
    return [];
  }
  if (!Array.isArray(tuples)) return [];
  return tuples
    .filter((t): t is Tuple => Array.isArray(t) && t.length === 11 && typeof t[0] === 'string' && typeof t[1] === 'string')
    .map((t) => ({
      sheetId: t[0],
      address: t[1],
      severity: t[2] === 'e' ? 'error' : 'warning',
      fill: { color: t[3], pattern: t[4], patternColor: t[5], tintAndShade: t[6], patternTintAndShade: t[7] },
      font: { color: t[8], tintAndShade: t[9] },
      note: t[10] === 1,
    }));
}
