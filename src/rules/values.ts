/**
 * Checks of single values: stray spaces, 姓名, 性别. The `whitespace` rule owns stray spaces; every other rule
 * reads a value through `cleanSpaces` (or `normalizeValue`) so a stray space is reported once, by that rule.
 */

import type { Cell } from './grid';
import { normalizeValue } from './rows';

/** Excel keeps 15 significant digits: a number from 10^15 on (an 18-digit 身份证号 or 注册证号) has lost its last ones. */
export function digitsLost(cell: Cell): boolean {
  return cell.kind === 'number' && typeof cell.value === 'number' && Math.abs(cell.value) >= 1e15;
}

/** Spaces that are never wanted in these cells: no-break, full-width (U+3000), typographic and zero-width ones. */
const ODD_SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/** The value as the `whitespace` fix writes it: odd spaces removed, ordinary spaces trimmed at both ends. */
export function cleanSpaces(s: string): string {
  return s.replace(ODD_SPACE, '').trim();
}

/** Any of the findings below (one test for the common case of none). */
const STRAY_SPACE = /^\s|\s$|[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

export type SpaceFinding = 'leading' | 'trailing' | 'full-width' | 'no-break' | 'other';

/** What stray spaces a raw cell text holds (empty when none). */
export function spaceFindings(s: string): SpaceFinding[] {
  const found: SpaceFinding[] = [];
  if (!STRAY_SPACE.test(s)) return found;
  if (/^\s/.test(s)) found.push('leading');
  if (/\s$/.test(s)) found.push('trailing');
  if (s.includes('\u3000')) found.push('full-width');
  if (s.includes('\u00a0')) found.push('no-break');
  if (/[\u2000-\u200b\u202f\u205f\ufeff]/.test(s)) found.push('other');
  return found;
}

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** 男 or 女 from a cell text (full-width forms and spaces ignored), null for anything else. */
export function genderOf(s: string): Gender | null {
  const v = normalizeValue(s);
  return (GENDERS as readonly string[]).includes(v) ? (v as Gender) : null;
}

/**
 * The middle dot of minority names (U+00B7) and the look-alikes people type instead of it: full stops (. ．),
 * bullets (• ●), katakana middle dots (・ ･), the Greek ano teleia and other raised dots.
 */
const MIDDLE_DOT = '\u00b7';
const DOT_LOOKALIKES = /[.\uff0e\u0387\u30fb\uff65\u2022\u2027\u2219\u22c5\u25cf\u2e31]/g;

/** A name of CJK ideographs only (the common case): none of the issues below can apply. */
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;

export type NameIssue =
  | { kind: 'digits' }
  | { kind: 'spaces' }
  /** Characters that are neither Chinese, Latin nor the middle dot (punctuation, symbols). */
  | { kind: 'chars'; chars: string }
  /** A middle dot at the start or end, or two in a row. */
  | { kind: 'dot-position' }
  /** A look-alike of the middle dot: fixable to `fixed` (an error: it would name the student's folder). */
  | { kind: 'dot-lookalike'; fixed: string }
  /** Latin letters: allowed for foreign names, but worth a look. */
  | { kind: 'latin' };

/**
 * What is wrong with a 姓名 (after `cleanSpaces`), or null: Chinese characters with an optional middle dot,
 * no digits, no spaces. The other errors come before the look-alike dot (fixable) and Latin letters (a warning).
 */
export function checkPersonName(name: string): NameIssue | null {
  if (HAN_ONLY.test(name)) return null;
  if (/\p{Nd}/u.test(name)) return { kind: 'digits' };
  if (/\s/.test(name)) return { kind: 'spaces' };
  const fixed = name.replace(DOT_LOOKALIKES, MIDDLE_DOT);
  const bad = [...new Set(fixed.replace(/[\p{Script=Han}\p{Script=Latin}\u00b7]/gu, ''))].join('');
  if (bad) return { kind: 'chars', chars: bad };
  if (fixed.startsWith(MIDDLE_DOT) || fixed.endsWith(MIDDLE_DOT) || fixed.includes(MIDDLE_DOT + MIDDLE_DOT)) return { kind: 'dot-position' };
  if (fixed !== name) return { kind: 'dot-lookalike', fixed };
  if (/\p{Script=Latin}/u.test(name)) return { kind: 'latin' };
  return null;
}
