/** Workbook specs for the adapter tests: correction tables as a registrar types them into Excel. */
import type { CellSpec, SheetSpec } from '../excel-double';
import { HEADERS, TITLES } from '../helpers/sheets';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

/** Data row i of a 新生 table: 学号 as text, a 姓名 correction. */
export function newStudentRow(i: number): CellSpec[] {
  const id = `2509001${String(200001 + i).padStart(6, '0')}`;
  const name = `${SURNAMES[i % SURNAMES.length]}明${'一二三四五六七八九十'[i % 10]}`;
  return [i + 1, '北京分部', id, name, '姓名', `${name.slice(0, 2)}`, name, '录入错误', '2025秋', null, null];
}

/** A 新生 sheet with the title in row 1, the header in row 2 and `count` data rows. */
export function newStudentSheet(count: number, name = '新生'): SheetSpec {
  return {
    name,
    rows: [[TITLES.new], [...HEADERS.new], ...Array.from({ length: count }, (_, i) => newStudentRow(i))],
    merges: ['A1:K1'],
  };
}

/** A 新生 sheet where every tenth row has an invalid 更正原因 and a 学号 typed as a number: something to mark. */
export function faultyNewStudentSheet(count: number): SheetSpec {
  const sheet = newStudentSheet(count);
  sheet.rows = sheet.rows!.map((row, i): CellSpec[] => (i >= 2 && (i - 2) % 10 === 0 ? row.map((v, j) => (j === 7 ? '录入' : j === 2 ? Number(v) : v)) : row));
  return sheet;
}
