/**
 * Whether a folder or file name can be used as is in the package on every system the headquarters may unzip
 * it on (Windows above all). Names are never altered silently: a name that fails is reported on its cell.
 */
import type { Field } from './policy';
import type { Student } from './students';
import { type Table, fieldAddress } from './table';

const WINDOWS_ILLEGAL = /[\\/:*?"<>|]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Characters that change how the text around them is shown: bidirectional embeddings, overrides, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Invisible characters: a name holding one looks like another name that lacks it. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/;
/** Half of a surrogate pair without the other half: not a character at all, and file systems disagree on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Reserved device names; Windows refuses them with any extension too (CON.jpg). */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
const MAX_UTF16_UNITS = 255;
/**
 * Digits, ASCII letters, CJK ideographs and the middle dot: such a name is composed (NFC), has no control, invisible
 * or illegal character and no dot or space at either end, so only the reserved names and the length remain to test
 * (the common case, kept cheap: a 100,000-row table asks for every student).
 */
const PLAIN_NAME = /^[0-9A-Za-z\u00b7\u3400-\u4dbf\u4e00-\u9fff]+$/;

/** The reason in Chinese why `name` cannot be used as a file or folder name, or null when it can. */
export function nameProblem(name: string): string | null {
  if (PLAIN_NAME.test(name) && !RESERVED.test(name) && name.length <= MAX_UTF16_UNITS) return null;
  if (name === '') return '名称为空';
  if (name === '.' || name === '..') return `“${name}”表示当前或上级目录,不能用作名称`;
  if (LONE_SURROGATE.test(name)) return '含无效的 Unicode 字符(不成对的代理项)';
  if (name.normalize('NFC') !== name) return '含未组合的字符(不是 Unicode NFC 规范形式),在不同系统上会显示成不同的名称';
  if (CONTROL.test(name)) return '含控制字符(不可见字符)';
  if (BIDI.test(name)) return '含改变文字显示方向的控制字符(会让名称显示得与实际不同)';
  if (INVISIBLE.test(name)) return '含零宽字符等不可见字符(看起来相同的名称实际不同)';
  const illegal = name.match(WINDOWS_ILLEGAL);
  if (illegal) return `含 Windows 不允许的字符 ${[...new Set(illegal)].map((c) => `“${c}”`).join('')}`;
  if (/^[.\s]/.test(name)) return '以点或空格开头';
  if (/[.\s]$/.test(name)) return '以点或空格结尾';
  if (RESERVED.test(name.split('.')[0])) return `“${name.split('.')[0]}”是 Windows 保留的设备名`;
  if (name.length > MAX_UTF16_UNITS) return `长度 ${name.length} 超过 ${MAX_UTF16_UNITS} 个字符`;
  return null;
}

/** Two names with one key are one name on Windows (case-insensitive) once composed (NFC). */
export function nameCollisionKey(name: string): string {
  if (PLAIN_NAME.test(name)) return /[A-Z]/.test(name) ? name.toLowerCase() : name;
  return name.normalize('NFC').toLowerCase();
}

/**
 * Where a student's folder-name problem belongs, for validation and export alike: the key cell when the key alone
 * is at fault (or the table has no 姓名 column), else the 姓名 cell; on the student's first row.
 */
export function folderNamePlace(student: Student, table: Table): { onKey: boolean; field: Field; cell: string | null; row: number } {
  const keyAtFault = nameProblem(student.key) !== null && (student.name === '' || nameProblem(student.name) === null);
  const onKey = keyAtFault || table.columns.name === undefined;
  const field = onKey ? table.keyField : 'name';
  const row = student.rows[0].row;
  return { onKey, field, cell: fieldAddress(table, field, row), row };
}
