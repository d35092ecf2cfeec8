/**
 * What the end-to-end runs work on: a 在籍生 table whose only errors the pane can clear (rows out of 学号 order,
 * scans not yet picked), and a folder of generated scans, one sub-folder per student as registrars keep them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeJpeg, makePng } from '../../../scripts/synth-images';
import { TITLES } from '../../helpers/sheets';

export const SHEET = '在籍生';
export const HEADER = ['序号', '分部名称', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '备注'];
/** Row 1 title, row 2 header, data from row 3. */
export const FIRST_DATA_ROW = 3;

export interface Student {
  key: string;
  name: string;
  field: string;
  before: string;
  after: string;
  reason: string;
}

export const STUDENTS: Student[] = [
  { key: '2409001250003', name: '王小明', field: '民族', before: '汉族', after: '回族', reason: '信息变更' },
  { key: '2409001250001', name: '李华', field: '性别', before: '男', after: '女', reason: '信息变更' },
  { key: '2409001250008', name: '赵敏', field: '民族', before: '汉族', after: '满族', reason: '信息变更' },
];

/** The 学号 order a sorted table has. */
export const SORTED_KEYS = STUDENTS.map((s) => s.key).sort();

export function sheetValues(students: Student[]): (string | number | null)[][] {
  return [
    [TITLES.enrolled],
    HEADER,
    ...students.map((s, i) => [i + 1, '测试分部', s.key, s.name, s.field, s.before, s.after, s.reason, null]),
  ];
}

/** The table as an .xlsx file (学号 stored as text, as the template formats it). */
export async function writeWorkbook(file: string, students: Student[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  for (const values of sheetValues(students)) ws.addRow(values);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.getColumn(3).numFmt = '@';
  await wb.xlsx.writeFile(file);
}

/**
 * One 300 dpi scan of a 身份证 page (both sides on one page, at least 86 × 115 mm) per student, in `{学号}{姓名}/`;
 * sizes differ, so no two are the same bytes.
 */
export function writeScans(dir: string, students: Student[]): string[] {
  rmSync(dir, { recursive: true, force: true });
  const files: string[] = [];
  students.forEach((s, i) => {
    const folder = path.join(dir, `${s.key}${s.name}`);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, i % 2 ? '身份证.png' : '身份证.jpg');
    const size = { width: 1016 + 8 * i, height: 1358 + 11 * i, dpi: 300 };
    writeFileSync(file, i % 2 ? makePng(size) : makeJpeg(size));
    files.push(file);
  });
  return files;
}
