/** Workbook files for the reader and CLI tests, written with ExcelJS the way Excel stores them. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { HEADERS, TITLES } from '../helpers/sheets';

export const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared');
export const CORPUS_XLSX = path.join(SHARED, 'corpus', 'xlsx');
export const ENCRYPTED_XLSX = path.join(CORPUS_XLSX, 'bad', 'encrypted_agile_ole2.xlsx');

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'xjcheck-'));
}

export async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type Value = ExcelJS.CellValue;

/** A correction table: title in row 1, header in row 2, rows by header label from row 3 (序号 filled in). */
export function addCorrectionSheet(wb: ExcelJS.Workbook, kind: keyof typeof HEADERS, rows: Record<string, Value>[], name?: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name ?? { new: '新生', enrolled: '在籍生', graduate: '毕业生' }[kind]);
  const headers = [...HEADERS[kind]];
  ws.addRow([TITLES[kind]]);
  ws.addRow(headers);
  rows.forEach((r, i) => ws.addRow(headers.map((h) => (h === '序号' ? i + 1 : (r[h] ?? null)))));
  return ws;
}

/** A 新生 row without any problem when validated as of 2026-11-29 (no scans given). */
export const VALID_NEW_ROW = {
  学号: '2609001250003', 姓名: '王晓燕', 更正内容: '姓名', 更正前: '王小燕', 更正后: '王晓燕', 更正原因: '录入错误', 入学学期: '2026秋',
};

/** The header of an OLE2 compound file (what .xls and password-protected .xlsx files are), optionally naming EncryptedPackage. */
export function ole2Bytes(encrypted: boolean): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = encrypted ? 'EncryptedPackage' : 'Workbook';
  // The directory sector (the second 512-byte sector) starts with the first entry's UTF-16LE name.
  [...name].forEach((ch, i) => {
    bytes[1024 + i * 2] = ch.charCodeAt(0);
  });
  return bytes;
}
