/**
 * The cells that hold a 学号, 注册证号 or 身份证号 (the key columns, a 身份证号 column, the 更正前/更正后 of a 身份证号
 * row) and the characters in them a machine cannot read as the digit or letter they show: full-width forms (０–９,
 * Ｘ) and invisible characters (zero-width and no-break spaces, soft hyphens, the BOM a pasted CSV brings along).
 * `character-width` reports those; every other rule reads these cells through `identifierValue`, so the same
 * character is never reported twice.
 */
import type { Cell } from './grid';
import type { Policy } from './policy';
import { ownCell } from './rows';
import type { DataRow, Table } from './table';
import { cleanSpaces } from './values';

export interface IdentifierCell {
  cell: Cell;
  /** How the message names the value: 学号, 注册证号, 身份证号, 更正前的身份证号, 更正后的身份证号. */
  label: string;
  isIdNumber: boolean;
}

/** The row's identifier cells that hold something (a 学号 on the graduate sheet included), merged copies left out (`ownCell`). */
export function identifierCells(table: Table, row: DataRow, policy: Policy): IdentifierCell[] {
  const out: IdentifierCell[] = [];
  const add = (cell: Cell | undefined, label: string, isIdNumber: boolean) => cell && out.push({ cell, label, isIdNumber });
  add(ownCell(table, row, 'studentId'), policy.columns.studentId[0], false);
  add(ownCell(table, row, 'regNo'), policy.columns.regNo[0], false);
  add(ownCell(table, row, 'idNumber'), policy.columns.idNumber[0], true);
  if (row.changeField === '身份证号') {
    add(ownCell(table, row, 'before'), '更正前的身份证号', true);
    add(ownCell(table, row, 'after'), '更正后的身份证号', true);
  }
  return out;
}

/**
 * Invisible characters: no-break and typographic spaces, zero-width spaces and joiners, direction marks, word
 * joiners, soft hyphens and the BOM. (The full-width space U+3000 is visible: `whitespace` owns it.)
 */
export const INVISIBLE = /[\u00a0\u00ad\u180e\u2000-\u200f\u202a-\u202f\u205f-\u2064\ufeff]/g;
/** Printable ASCII without spaces (the common identifier): no space, invisible or full-width character, NFKC as it is. */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
/** Full-width forms of ASCII letters, digits and signs (ＡＢＣ, ０１２, Ｘ). */
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** What `character-width` finds in a text: the full-width characters and the invisible ones, each once. */
export function widthFlaws(text: string): { fullWidth: string[]; invisible: string[] } {
  if (PRINTABLE_ASCII.test(text)) return { fullWidth: [], invisible: [] };
  return { fullWidth: [...new Set(text.match(FULL_WIDTH) ?? [])], invisible: [...new Set(text.match(INVISIBLE) ?? [])] };
}

/**
 * The value as the rules judge it: stray spaces removed (`cleanSpaces`, whitespace's business), invisible
 * characters removed and full-width forms made half-width (character-width's business).
 */
export function identifierValue(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return cleanSpaces(text).replace(INVISIBLE, '').normalize('NFKC');
}
