import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { type Cell, type WorkbookGrid, reviveGrid } from '../../src/rules/grid';
import { validateWorkbook } from '../../src/rules/engine';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { readError } from '../helpers/read-error';
import { CORPUS_XLSX, ENCRYPTED_XLSX, VALID_NEW_ROW, addCorrectionSheet, ole2Bytes, xlsxBytes } from '../cli/workbooks';

function cell(grid: WorkbookGrid, sheet: string, address: string): Cell | undefined {
  const s = grid.sheets.find((x) => x.name === sheet);
  return s?.rows.flat().find((c) => c?.address === address);
}

describe('readWorkbook: cells as Excel holds them', () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('数据');
      ws.getCell('A1').value = '2509001200003';
      ws.getCell('B1').value = 2509001200003;
      ws.getCell('C1').value = 440106199001011234;
      ws.getCell('D1').value = 440106199001011234;
      ws.getCell('D1').numFmt = '0';
      ws.getCell('E1').value = new Date(Date.UTC(2025, 8, 1));
      ws.getCell('E1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('F1').value = { formula: 'B1+1', result: 2509001200004 };
      ws.getCell('G1').value = { formula: 'A1&"x"', result: '2509001200003x' };
      ws.getCell('H1').value = { richText: [{ text: '汉' }, { font: { bold: true }, text: '族' }] };
      ws.getCell('I1').value = { text: '学信网', hyperlink: 'https://example.invalid/' };
      ws.getCell('J1').value = { error: '#N/A' };
      ws.getCell('K1').value = true;
      ws.getCell('A2').value = '合并的标题';
      ws.mergeCells('A2:D2');
      ws.getCell('A3').value = '  ';
      ws.getCell('B3').numFmt = '@';
    });
    grid = await readWorkbook(bytes, { name: '统计表' });
  });

  it.each([
    ['A1', 'text', '2509001200003', '2509001200003'],
    ['B1', 'number', 2509001200003, '2.509E+12'],
    ['C1', 'number', 440106199001011234, '4.40106E+17'],
    ['D1', 'number', 440106199001011234, '440106199001011000'],
    ['E1', 'date', '2025-09-01', '2025-09-01'],
    ['F1', 'number', 2509001200004, '2.509E+12'],
    ['G1', 'text', '2509001200003x', '2509001200003x'],
    ['H1', 'text', '汉族', '汉族'],
    ['I1', 'text', '学信网', '学信网'],
    ['J1', 'error', '#N/A', '#N/A'],
    ['K1', 'boolean', true, 'TRUE'],
    ['A3', 'text', '  ', '  '],
  ])('%s is %s %p shown as %s', (address, kind, value, text) => {
    expect(cell(grid, '数据', address)).toMatchObject({ kind, value, text, address });
  });

  it('keeps merged ranges, leaves their other cells and format-only cells empty, and keeps the name', () => {
    expect(grid.name).toBe('统计表');
    expect(grid.sheets[0].merges).toEqual(['A2:D2']);
    expect(cell(grid, '数据', 'B2')).toBeUndefined();
    expect(cell(grid, '数据', 'B3')).toBeUndefined();
  });
});

describe('readWorkbook: cells derive their address, and get it back after crossing to the pane\'s worker', () => {
  const addresses = (g: WorkbookGrid) => g.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).map((c) => c?.address)));

  it('structured clone drops the derived address; reviveGrid restores it and the same problems are found', async () => {
    const bytes = await xlsxBytes((wb) => {
      addCorrectionSheet(wb, 'new', [VALID_NEW_ROW, { ...VALID_NEW_ROW, 学号: '2609001250004', 姓名: '李 四', 更正后: '2609' }]);
    });
    const grid = await readWorkbook(bytes);
    const want = validateWorkbook(grid, { asOf: '2026-11-29' }).problems.map((p) => [p.rule, p.cell]);
    expect(want.length).toBeGreaterThan(0);
    expect(want.every(([, at]) => at === null || /^[A-Z]+\d+$/.test(at))).toBe(true);

    const posted = structuredClone(grid);
    expect(posted.sheets[0].rows[0]![0]!.address).toBeUndefined();
    const revived = reviveGrid(posted);
    expect(addresses(revived)).toEqual(addresses(grid));
    expect(addresses(revived)).toContain('C4');
    expect(revived).toEqual(grid);
    expect(validateWorkbook(revived, { asOf: '2026-11-29' }).problems.map((p) => [p.rule, p.cell])).toEqual(want);
  });

  it('keeps a cell that has its own address (as the Excel adapter builds them) as it is', () => {
    const own = { row: 2, col: 3, address: 'C2', value: 'x', text: 'x', kind: 'text' as const };
    const revived = reviveGrid({ sheets: [{ name: 'S', rows: [[], [undefined, undefined, own]] }] });
    expect(revived.sheets[0].rows[1]![2]).toBe(own);
  });
});

describe('readWorkbook: bad input gets a typed Chinese error', () => {
  const validZip = () => xlsxBytes((wb) => wb.addWorksheet('表').addRow(['学号', '姓名']));

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string, RegExp]>([
    ['an empty file', () => new Uint8Array(0), 'empty', /空的/],
    ['an old .xls (OLE2 without EncryptedPackage)', () => ole2Bytes(false), 'legacy-xls', /97-2003.*另存为/],
    ['an OLE2 file holding EncryptedPackage', () => ole2Bytes(true), 'encrypted', /密码/],
    ['a CSV named .xlsx', () => new TextEncoder().encode('学号,姓名\n2509001200003,张三\n'), 'text', /CSV/],
    ['a UTF-16 text file', () => new Uint8Array([0xff, 0xfe, 0x66, 0x5b, 0x0a, 0x00]), 'text', /文本文件/],
    ['a PDF', () => new TextEncoder().encode('%PDF-1.7\n\u0000\u0001\u0002'), 'not-zip', /PDF/],
    ['random bytes', () => new Uint8Array(64).map((_, i) => (i * 37) % 256 || 1), 'not-zip', /不是 Excel 工作簿/],
    ['a truncated zip', async () => (await validZip()).slice(0, 600), 'truncated', /不完整/],
  ])('%s', async (_name, make, reason, message) => {
    const err = await readError(await make());
    expect(err.reason).toBe(reason);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a zip whose entries are damaged', async () => {
    const bytes = await validZip();
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array');
    // Store the sheet uncompressed, then damage its bytes in place: the CRC no longer matches.
    zip.file('xl/worksheets/sheet1.xml', sheet, { compression: 'STORE' });
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const at = Buffer.from(stored).indexOf('<sheetData');
    stored.set(new TextEncoder().encode('<sheetDXta'), at);
    expect((await readError(stored)).reason).toBe('corrupt');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a Word document', { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }, /Word 文档/],
    ['an .ods spreadsheet', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }, /\.ods/],
    ['a zip of photos', { '身份证.jpg': 'not really' }, /压缩包/],
  ])('%s is not a workbook', async (_name, files, message) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    const err = await readError(await zip.generateAsync({ type: 'uint8array' }));
    expect(err.reason).toBe('not-workbook');
    expect(err.message).toMatch(message);
  });

  it('a workbook without sheets, and one whose sheets are all empty', async () => {
    const zip = await JSZip.loadAsync(await validZip());
    const workbook = (await zip.file('xl/workbook.xml')!.async('string')).replace(/<sheets>.*<\/sheets>/, '<sheets/>');
    zip.file('xl/workbook.xml', workbook);
    expect((await readError(await zip.generateAsync({ type: 'uint8array' }))).reason).toBe('no-sheets');
    const empty = await xlsxBytes((wb) => {
      wb.addWorksheet('Sheet1');
      wb.addWorksheet('Sheet2').getCell('C3').numFmt = '@';
    });
    expect((await readError(empty)).reason).toBe('no-cells');
  });
});

// Workbooks written by other producers (see ../shared/corpus/MANIFEST.tsv): what each must read as.
const CORPUS: { file: string; sheets: string[] | number; cells: [string, string, Partial<Cell>][]; merges?: [string, string[]] }[] = [
  { file: 'apple_numbers_cjk.xlsx', sheets: ['主动技能'], cells: [['主动技能', 'A1', { kind: 'text', value: '编号' }]] },
  {
    file: 'claims_excel12_inline_richtext.xlsx',
    sheets: ['Activity by Day'],
    cells: [
      ['Activity by Day', 'B1', { kind: 'text', value: 'HL Retail - North America - Activity by Day - MTD' }],
      ['Activity by Day', 'D11', { kind: 'number', value: 3599619, text: '3,599,619' }],
      ['Activity by Day', 'F11', { kind: 'number', text: '0.371%' }],
    ],
    merges: ['Activity by Day', ['B1:G1']],
  },
  {
    file: 'excel14_richtext_runs.xlsx',
    sheets: 3,
    cells: [
      ['Sheet1', 'A1', { kind: 'text', value: 'abcd' }],
      ['Sheet1', 'A2', { kind: 'text', value: 'tvalrval1rval2' }],
    ],
  },
  {
    file: 'excel15_numbers_stored_as_text.xlsx',
    sheets: ['First', 'Main', 'Last'],
    cells: [
      ['Main', 'A1', { kind: 'text', value: '01234' }],
      ['Main', 'B1', { kind: 'number', value: 1 }],
      ['Main', 'C1', { kind: 'number', value: 2 }],
      ['Main', 'C11', { kind: 'error', value: '#NUM!' }],
    ],
  },
  {
    file: 'excel16_win_merged_ranges.xlsx',
    sheets: ['Sheet1', 'Sheet2'],
    cells: [['Sheet1', 'C1', { kind: 'text', value: 'C1' }]],
    merges: ['Sheet1', ['A1:A2', 'H1:H2']],
  },
  {
    file: 'excel_mac16_cjk_phonetic.xlsx',
    sheets: ['源数据', '规则', '示例1', '示例2', '示例3'],
    cells: [
      // Pinyin guides (rPh) are not part of the text.
      ['源数据', 'A2', { kind: 'text', value: '批次号' }],
      ['源数据', 'B5', { kind: 'text', value: '130683199101251313' }],
      ['源数据', 'C3', { kind: 'number', value: 1, text: '1.00' }],
      ['示例1', 'C3', { kind: 'number', value: 61.75 }],
    ],
  },
  { file: 'google_sheets_export.xlsx', sheets: ['Sheet1'], cells: [['Sheet1', 'A1', { kind: 'text', value: 'BEGIN' }]] },
  { file: 'libreoffice64_cjk_rph.xlsx', sheets: ['Sheet1'], cells: [['Sheet1', 'A1', { kind: 'text', value: '課きく\u3000毛こ' }]] },
  {
    file: 'libreoffice73_date1904.xlsx',
    sheets: ['Sheet1'],
    cells: [
      // date1904="true": serial 42735 is 2021-01-01, not 2016-12-31.
      ['Sheet1', 'A1', { kind: 'date', value: '2021-01-01' }],
      ['Sheet1', 'A2', { kind: 'date', value: '2021-01-02' }],
      // A [hh]:mm:ss duration is a number, not a date.
      ['Sheet1', 'A3', { kind: 'number', text: '255:10:10' }],
    ],
  },
  { file: 'tencent_docs_x_prefix.xlsx', sheets: ['Sheet1'], cells: [['Sheet1', 'A1', { kind: 'text', value: 'w' }]] },
  {
    file: 'wps_cjk_payroll_13sheets.xlsx',
    sheets: [...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), 'Sheet1'],
    cells: [
      ['1月', 'A3', { kind: 'text', value: '员工姓名' }],
      ['1月', 'E4', { kind: 'date', value: '2020-08-27' }],
      ['6月', 'B4', { kind: 'text', value: '369852' }],
      ['1月', 'B4', { kind: 'number', value: 123456 }],
    ],
    merges: ['1月', ['A1:AD1']],
  },
  { file: 'wps_personal_2014_cjk.xlsx', sheets: ['Sheet1'], cells: [['Sheet1', 'C5', { kind: 'text', value: '编号' }]] },
];

const corpusPresent = existsSync(CORPUS_XLSX);
if (!corpusPresent) console.log(`跳过语料测试:找不到 ${CORPUS_XLSX}(只在开发环境的 ../shared 中提供)`);
(corpusPresent ? describe : describe.skip)('readWorkbook on workbooks from other producers', () => {
  it.each(CORPUS.map((c) => [c.file, c] as const))('%s', async (file, expected) => {
    const grid = await readWorkbook(readFileSync(path.join(CORPUS_XLSX, file)));
    if (typeof expected.sheets === 'number') expect(grid.sheets).toHaveLength(expected.sheets);
    else expect(grid.sheets.map((s) => s.name)).toEqual(expected.sheets);
    for (const [sheet, address, want] of expected.cells) expect(cell(grid, sheet, address)).toMatchObject(want);
    if (expected.merges) expect(grid.sheets.find((s) => s.name === expected.merges![0])!.merges).toEqual(expect.arrayContaining(expected.merges[1]));
    // Validating any of them completes (none holds a correction table).
    expect(validateWorkbook(grid, { asOf: '2026-11-29' }).tables).toEqual([]);
  });

  it('covers every workbook of the corpus', () => {
    const listed = readFileSync(path.join(CORPUS_XLSX, '..', 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .filter((l) => /^xlsx\/[^/\t]+\t/.test(l))
      .map((l) => l.split('\t')[0].slice('xlsx/'.length));
    expect(CORPUS.map((c) => c.file).sort()).toEqual(listed.sort());
  });

  it('the password-protected workbook gives the password message', async () => {
    const err = await readError(readFileSync(ENCRYPTED_XLSX));
    expect(err.reason).toBe('encrypted');
    expect(err.message).toMatch(/密码/);
  });
});
