/**
 * Marks problem cells in WPS without losing the registrar's formatting, as the Excel adapter does: before a cell
 * is filled, its fill (colour, pattern, pattern colour), font colour and whether it had a comment are recorded in
 * the very-hidden sheet of hidden-sheet.ts, so 清除标记 restores them exactly, also after the file was saved and
 * reopened (the record is saved with it). Clearing restores only cells that still show our mark, so a colour the
 * registrar chose after marking stays; it deletes only comments that are still ours. The record is written before
 * the first cell is touched, so a failure half way leaves nothing 清除标记 cannot restore. Cells are keyed by sheet
 * name and address: ET gives a worksheet no stable id, so the marks of a renamed sheet stay until it is named back.
 */
import { MARK_STYLE, NOTE_PREFIX, markTargets } from '../excel/marks';
import type { Problem } from '../rules/problem';
import { XL, type EtApplication, type EtWorkbook, type EtWorksheet } from './et';
import { MARKS_SHEET, deleteSheet, findSheet, readLines, writeLines } from './hidden-sheet';
import { bgr } from './values';

/** Beyond this many cells only the first are marked (the pane lists every problem). */
const MAX_MARKED_CELLS = 20_000;
/** ET's limit on a comment's length is far above this; a long list of messages is cut. */
const COMMENT_MAX_CHARS = 1_000;

const STYLE = {
  error: { fill: bgr(MARK_STYLE.error.fill), font: bgr(MARK_STYLE.error.font) },
  warning: { fill: bgr(MARK_STYLE.warning.fill), font: bgr(MARK_STYLE.warning.font) },
};

/** sheet, address, e|w, fill colour, fill pattern, pattern colour, font colour, whether the mark added the comment. */
type MarkLine = [string, string, 'e' | 'w', number, number, number, number, 0 | 1];

function decode(line: string): MarkLine | null {
  try {
    const t: unknown = JSON.parse(line);
    return Array.isArray(t) && t.length === 8 && typeof t[0] === 'string' && typeof t[1] === 'string' ? (t as MarkLine) : null;
  } catch {
    return null;
  }
}

export function hasMarks(workbook: EtWorkbook): boolean {
  return findSheet(workbook, MARKS_SHEET) !== null;
}

/** Restores every marked cell and deletes the record. */
export function clearMarks(app: EtApplication, workbook: EtWorkbook): void {
  // Not flatMap: a record is itself an array.
  const records = readLines(workbook, MARKS_SHEET).map(decode).filter((r): r is MarkLine => r !== null);
  const sheets = new Map<string, EtWorksheet | null>();
  for (const [sheetName, address, severity, fill, pattern, patternColor, font, note] of records) {
    if (!sheets.has(sheetName)) sheets.set(sheetName, findSheet(workbook, sheetName));
    const sheet = sheets.get(sheetName);
    if (!sheet) continue; // deleted or renamed since
    const cell = sheet.Range(address);
    const style = STYLE[severity === 'e' ? 'error' : 'warning'];
    const interior = cell.Interior;
    if (interior.Color === style.fill && interior.Pattern === XL.solid) {
      if (pattern === XL.none) interior.Pattern = XL.none;
      else {
        interior.Color = fill;
        interior.Pattern = pattern;
        interior.PatternColor = patternColor;
      }
    }
    if (cell.Font.Color === style.font) cell.Font.Color = font;
    const comment = note ? cell.Comment : null;
    if (comment && comment.Text().startsWith(NOTE_PREFIX)) comment.Delete();
  }
  deleteSheet(app, workbook, MARKS_SHEET);
}

/** Replaces the previous marks with marks for these problems. Returns how many cells were marked. */
export function markProblems(app: EtApplication, workbook: EtWorkbook, problems: Problem[]): number {
  clearMarks(app, workbook);
  const sheets = new Map<string, EtWorksheet | null>();
  const targets = markTargets(problems)
    .filter((t) => {
      if (!sheets.has(t.sheet)) sheets.set(t.sheet, findSheet(workbook, t.sheet));
      return sheets.get(t.sheet) !== null;
    })
    .slice(0, MAX_MARKED_CELLS);
  if (targets.length === 0) return 0;

  const cells = targets.map((t) => {
    const cell = sheets.get(t.sheet)!.Range(t.address);
    const interior = cell.Interior;
    const comment = cell.Comment;
    const ours = comment === null || comment.Text().startsWith(NOTE_PREFIX);
    const record: MarkLine = [t.sheet, t.address, t.severity === 'error' ? 'e' : 'w', interior.Color, interior.Pattern, interior.PatternColor, cell.Font.Color, ours ? 1 : 0];
    return { t, cell, comment, record };
  });
  writeLines(workbook, MARKS_SHEET, cells.map((c) => JSON.stringify(c.record)));

  for (const { t, cell, comment, record } of cells) {
    const style = STYLE[t.severity];
    // Colour first: setting Interior.Color makes the fill solid; the pattern is set too, for a patterned fill.
    cell.Interior.Color = style.fill;
    cell.Interior.Pattern = XL.solid;
    cell.Font.Color = style.font;
    if (!record[7]) continue;
    const text = `${NOTE_PREFIX}\n${t.messages.join('\n')}`.slice(0, COMMENT_MAX_CHARS);
    if (comment) comment.Text(text);
    else cell.AddComment(text);
  }
  return cells.length;
}
