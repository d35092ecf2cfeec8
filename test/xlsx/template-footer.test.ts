/**
 * The print-ready template: the footer the seed requires (处长 and 经手人 signatures, seal, date) below the data
 * area, read by the rules as a footer, and the page setup (A4 landscape, one page wide, title and header rows on
 * every page, page numbers). LibreOffice Calc draws it to test-artifacts/ where it is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { TEMPLATE_FOOTER, TEMPLATE_HEADER_ROW, footerSplitColumn, templateSheets } from '../../src/rules/template';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { TEMPLATE_PAGE_FOOTER, type TemplateRow, templateBytes } from '../../src/xlsx/write-template';
import { VALID_NEW_ROW } from '../cli/workbooks';
import { removeTempDirs, tempDir } from '../package/fixtures';
import { run } from '../package/receiver';

afterAll(removeTempDirs);

const AS_OF = '2026-11-29';
const FIRST = TEMPLATE_HEADER_ROW + 1;

/** N valid 新生 rows, ascending by 学号. */
const filled = (n: number): TemplateRow[] =>
  Array.from({ length: n }, (_, i) => ({ ...VALID_NEW_ROW, 序号: i + 1, 学号: `26090012500${10 + i}`, 姓名: ['王晓燕', '李建国', '张伟', '刘芳', '陈静', '杨帆'][i % 6] + '甲乙丙'[Math.floor(i / 6) % 3] }));

describe('the template footer', () => {
  const N = 6;
  const spec = templateSheets(DEFAULT_POLICY)[0];
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await templateBytes(DEFAULT_POLICY, { rows: { new: filled(N) }, dataRows: N });
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
  });

  it('puts the signatures, the seal and the date below the 注 lines, left and right', () => {
    const ws = wb.getWorksheet(spec.name)!;
    const footerRow = FIRST + N + spec.notes.length + 1;
    const split = footerSplitColumn(spec.headers.length);
    expect(TEMPLATE_FOOTER.map((_, i) => [ws.getCell(footerRow + i, 1).value, ws.getCell(footerRow + i, split).value])).toEqual(TEMPLATE_FOOTER);
    expect(ws.getCell(footerRow - 1, 1).value).toBeNull();
    expect(TEMPLATE_FOOTER.flat().join('')).toMatch(/处长（签字）：.*经手人（签字）：.*（盖章）.*日期：/);
  });

  it('with N filled rows and its footer, validates with zero errors and zero warnings, and keeps the N rows', async () => {
    const result = validateWorkbook(await readWorkbook(bytes), { asOf: AS_OF });
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(result.tables.find((t) => t.sheet === spec.name)!.rows).toHaveLength(N);
  });

  it('prints on A4 landscape, one page wide, the title and header rows repeated, page numbers at the foot', () => {
    for (const s of templateSheets(DEFAULT_POLICY)) {
      const ws = wb.getWorksheet(s.name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${TEMPLATE_HEADER_ROW}` });
      expect(ws.headerFooter.oddFooter).toBe(TEMPLATE_PAGE_FOOTER);
    }
  });
});

// Calc is a separate Debian package from Writer (libreoffice-calc-nogui).
const calc = spawnSync('sh', ['-c', 'command -v soffice && command -v pdftoppm']).status === 0 && existsSync('/usr/lib/libreoffice/share/registry/calc.xcd');
if (!calc) console.warn('跳过统计表模板的打印测试:本机没有 LibreOffice Calc 或 poppler(Debian: apt-get install libreoffice-calc-nogui poppler-utils)');

(calc ? describe : describe.skip)('the template printed by LibreOffice Calc', () => {
  let pages: string[];
  let size: string;

  beforeAll(async () => {
    const dir = tempDir('template');
    const xlsx = path.join(dir, '统计表模板.xlsx');
    // 40 rows: more than a landscape page holds, so the header rows must come back on page 2.
    writeFileSync(xlsx, await templateBytes(DEFAULT_POLICY, { rows: { new: filled(40) }, dataRows: 40 }));
    run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx]);
    const pdf = path.join(dir, '统计表模板.pdf');
    size = /Page size:\s+(.*)/.exec(run('pdfinfo', [pdf]))![1];
    pages = run('pdftotext', ['-layout', pdf, '-']).split('\f');
    const artifacts = path.join(__dirname, '..', '..', 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    for (const old of readdirSync(artifacts).filter((f) => f.startsWith('统计表模板-'))) rmSync(path.join(artifacts, old));
    run('pdftoppm', ['-r', '72', '-png', '-f', '1', '-l', '2', pdf, path.join(artifacts, '统计表模板')]);
  }, 120_000);

  it('is A4 landscape, the 新生 table one page wide over two pages, the header on both, the footer on the second', () => {
    expect(size).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)/);
    const flat = pages.map((p) => p.replace(/\s+/g, ''));
    // Every column of the header on one page: the table is not cut at the right.
    for (const p of flat.slice(0, 2)) expect(p).toContain(templateSheets(DEFAULT_POLICY)[0].headers.join(''));
    expect(flat[0]).toContain('新生基本信息修改情况统计表');
    expect(flat[1]).toContain('新生基本信息修改情况统计表');
    expect(flat[1]).toContain('分部学籍主管处长（签字）：');
    expect(flat[1]).toContain('经手人（签字）：');
    expect(flat[1]).toMatch(/第2页/);
  });
});
