/**
 * Real workbooks of other producers (the shared corpus: WPS, Excel for Windows and Mac, LibreOffice, Numbers,
 * Google Sheets, Tencent Docs), none of which holds a correction table: each of their sheets with content is skipped
 * with one `sheet-skipped` info, never a `header-not-found` of its own (a payroll or a roster is not a broken table);
 * the workbook as a whole says once that it holds no table.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateWorkbook } from '../../../src/rules/engine';
import { isEmptyCell } from '../../../src/rules/grid';
import { readWorkbook } from '../../../src/xlsx/read-workbook';
import { CORPUS_XLSX } from '../../cli/workbooks';

const present = existsSync(CORPUS_XLSX);
if (!present) console.log(`跳过真实工作簿测试:找不到 ${CORPUS_XLSX}(只在开发环境的 ../shared 中提供)`);
const files = present ? readdirSync(CORPUS_XLSX).filter((f) => f.endsWith('.xlsx')) : [];

(present ? describe : describe.skip)('real workbooks without a correction table', () => {
  it.each(files)('%s: one sheet-skipped per sheet with content, one noTable, nothing else', async (file) => {
    const grid = await readWorkbook(readFileSync(path.join(CORPUS_XLSX, file)));
    const problems = validateWorkbook(grid, { asOf: '2026-11-29' }).problems;
    const withContent = grid.sheets.filter((s) => s.rows.some((r) => r.some((c) => !isEmptyCell(c)))).map((s) => s.name);
    expect(problems.filter((p) => p.rule === 'sheet-skipped').map((p) => p.sheet)).toEqual(withContent);
    expect(problems.filter((p) => p.rule !== 'sheet-skipped').map((p) => `${p.rule} ${p.messageId} ${p.sheet}`)).toEqual(['header-not-found noTable null']);
  });
});
