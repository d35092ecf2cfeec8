/** A 在籍生 table of many rows written with ExcelJS's streaming writer, as a large real workbook would be (shared strings, text keys). */
import ExcelJS from 'exceljs';
import { HEADERS, TITLES } from '../helpers/sheets';

export const LARGE_AS_OF = '2026-11-29';

/** Writes `rows` correction rows, one student each, keys ascending; none has a problem as of LARGE_AS_OF. */
export async function writeLargeWorkbook(filename: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: true });
  const ws = wb.addWorksheet('在籍生');
  ws.addRow([TITLES.enrolled]).commit();
  ws.addRow([...HEADERS.enrolled]).commit();
  for (let i = 1; i <= rows; i++)
    ws.addRow([i, '示例分部', String(2509001200000 + i), '张三', '民族', '回族', '汉族', '信息变更', '2025春', null, null]).commit();
  ws.addRow(['注:(3)本表按学号升序排序。']).commit();
  ws.commit();
  await wb.commit();
}
