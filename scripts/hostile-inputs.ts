/**
 * Hostile inputs, generated (nothing large is committed): workbooks crafted against the reader's limits and its
 * well-formedness checks, and scans crafted against the inspector. The reliability tests run the CLI on each, the
 * benchmark (`npm run bench -- hostile`) times them, and the fuzzer starts its mutations from the same workbook.
 */
import { concatBytes } from '../src/common/concat-bytes';
import { crc32 } from '../src/common/crc32';
import { METHOD_DEFLATE, METHOD_STORE, ZipDirectory } from '../src/package/zip-format';
import { constants, deflateRawSync } from 'node:zlib';

export interface RawPart {
  name: string;
  data: Uint8Array | string;
  /** Store instead of deflate. */
  store?: boolean;
}

/** Already deflated data with the facts of its inflated form (for bombs, built without holding the inflated bytes). */
export interface DeflatedPart {
  name: string;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

const UTF8 = new TextEncoder();
const bytesOf = (d: Uint8Array | string) => (typeof d === 'string' ? UTF8.encode(d) : d);

/** A ZIP of the parts in order; a name may repeat (a duplicated entry is one of the hostile cases). */
export function rawZip(parts: (RawPart | DeflatedPart)[]): Uint8Array {
  const zip = new ZipDirectory(new Date(2026, 0, 1));
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const name = UTF8.encode(p.name);
    let data: Uint8Array;
    let facts: { method: typeof METHOD_STORE | typeof METHOD_DEFLATE; crc: number; size: number };
    if ('deflated' in p) {
      data = p.deflated;
      facts = { method: METHOD_DEFLATE, crc: p.crc, size: p.size };
    } else {
      const raw = bytesOf(p.data);
      data = p.store ? raw : deflateRawSync(raw);
      facts = { method: p.store ? METHOD_STORE : METHOD_DEFLATE, crc: crc32(raw), size: raw.length };
    }
    chunks.push(zip.add({ name, utf8: true, directory: false, compressedSize: data.length, ...facts }), data);
  }
  chunks.push(zip.finish());
  return concatBytes(chunks);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One inline-string cell. */
export const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;

export const HEADER = ['学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '入学学期'];
export const ROW = ['2609001250003', '王晓燕', '姓名', '王小燕', '王晓燕', '录入错误', '2026秋'];

/** The rows of a small 新生 table: title in row 1, header in row 2, one valid student in row 3. */
export function tableRows(): string {
  const cols = 'ABCDEFG';
  const row = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => textCell(`${cols[i]}${r}`, v)).join('')}</row>`;
  return row(1, ['国家开放大学新生基本信息修改情况统计表']) + row(2, HEADER) + row(3, ROW);
}

export const sheetXml = (rows: string, after = '', before = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;

const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export interface WorkbookParts {
  sheet?: string | DeflatedPart;
  /** `<sheet>` elements of workbook.xml (default: one sheet 新生 → rId1). */
  sheetList?: string;
  styles?: string;
  extra?: (RawPart | DeflatedPart)[];
}

/** A minimal .xlsx: package rels, workbook, its rels (rId1 → sheet1.xml, rId2 → styles.xml), the sheet, optional styles. */
export function workbookBytes(parts: WorkbookParts = {}): Uint8Array {
  const sheets = parts.sheetList ?? '<sheet name="新生" sheetId="1" r:id="rId1"/>';
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const sheet = parts.sheet ?? sheetXml(tableRows());
  return rawZip([
    { name: '_rels/.rels', data: RELS },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: wbRels },
    typeof sheet === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: sheet } : sheet,
    ...(parts.styles ? [{ name: 'xl/styles.xml', data: parts.styles }] : []),
    ...(parts.extra ?? []),
  ]);
}

/**
 * A part that inflates to `prefix`, about `megabytes` MB of `unit` repeated (spaces by default), then `suffix`, built without holding the inflated
 * bytes: a megabyte of it is deflated once, ending with a full flush (no reference reaches before it), and that
 * piece is repeated, so the deflated part is a few hundred KB however large it inflates.
 */
export function bombPart(name: string, megabytes: number, prefix = '', suffix = '', unit = ' '): DeflatedPart {
  const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const chunk = UTF8.encode(unit.repeat(Math.floor((1024 * 1024) / UTF8.encode(unit).length)));
  const head = UTF8.encode(prefix);
  const tail = UTF8.encode(suffix);
  const headDeflated = deflateRawSync(head, full);
  const chunkDeflated = deflateRawSync(chunk, full);
  const tailDeflated = deflateRawSync(tail);
  const deflated = new Uint8Array(headDeflated.length + chunkDeflated.length * megabytes + tailDeflated.length);
  deflated.set(headDeflated, 0);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) {
    deflated.set(chunkDeflated, headDeflated.length + i * chunkDeflated.length);
    crc = crc32(chunk, crc);
  }
  deflated.set(tailDeflated, headDeflated.length + megabytes * chunkDeflated.length);
  return { name, deflated, crc: crc32(tail, crc), size: head.length + megabytes * chunk.length + tail.length };
}

export interface HostileWorkbook {
  id: string;
  /** What the issue saw, in a few words. */
  what: string;
  bytes(): Uint8Array;
  /** refused: exit 2 with a message; read: validated (exit 0 or 1). */
  outcome: 'refused' | 'read';
}

const withRow = (extra: string) => sheetXml(tableRows() + extra);
const merges = (...refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
const STYLES_120_DECIMALS = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.${'0'.repeat(120)}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
const BOOL_ROW = `<row>${'<c t="b"><v>1</v></c>'.repeat(16)}</row>`;

/** 1,000 sheets (the limit), each its own part holding the same small table: the report must stay linear in them. */
function thousandSheets(): Uint8Array {
  const n = 1000;
  const sheets = Array.from({ length: n }, (_, i) => `<sheet name="新生${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
  const rels = Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const sheet = sheetXml(tableRows());
  return rawZip([
    { name: '_rels/.rels', data: RELS },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...Array.from({ length: n }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet })),
  ]);
}

/** The workbooks of the issue's list, each small on disk. */
export const HOSTILE_WORKBOOKS: HostileWorkbook[] = [
  { id: 'row-4294967294', what: '单元格 A4294967294', outcome: 'refused', bytes: () => workbookBytes({ sheet: withRow(`<row r="4294967294">${textCell('A4294967294', 'x')}</row>`) }) },
  { id: 'row-50000000', what: '单元格 A50000000', outcome: 'refused', bytes: () => workbookBytes({ sheet: withRow(`<row r="50000000">${textCell('A50000000', 'x')}</row>`) }) },
  { id: 'column-ZZZZZZ', what: '列 ZZZZZZ', outcome: 'refused', bytes: () => workbookBytes({ sheet: withRow(`<row r="4">${textCell('ZZZZZZ4', 'x')}</row>`) }) },
  { id: 'column-FXSHRXW', what: '单元格 FXSHRXW3', outcome: 'refused', bytes: () => workbookBytes({ sheet: sheetXml(tableRows().replace('</row><row r="3">', `</row><row r="3">${textCell('FXSHRXW3', 'x')}`)) }) },
  { id: 'row-element-60000000', what: '<row r="60000000">', outcome: 'refused', bytes: () => workbookBytes({ sheet: withRow('<row r="60000000"/>') }) },
  { id: 'sparse-A1048576', what: 'Excel 的最后一行 A1048576 有内容', outcome: 'read', bytes: () => workbookBytes({ sheet: withRow(`<row r="1048576">${textCell('A1048576', '2609001250009')}</row>`) }) },
  { id: 'sparse-XFD1048576', what: 'Excel 的最后一格 XFD1048576 有内容', outcome: 'read', bytes: () => workbookBytes({ sheet: withRow(`<row r="1048576">${textCell('XFD1048576', '注')}</row>`) }) },
  {
    id: 'sheet-listed-1100-times',
    what: '同一张工作表在 workbook.xml 中列出 1100 次',
    outcome: 'refused',
    bytes: () => workbookBytes({ sheetList: '<sheet name="新生" sheetId="1" r:id="rId1"/>'.repeat(1100) }),
  },
  {
    id: 'sheet-listed-400-times-renamed',
    what: '同一个部件以 400 个不同的工作表名列出',
    outcome: 'refused',
    bytes: () => workbookBytes({ sheetList: Array.from({ length: 400 }, (_, i) => `<sheet name="新生${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('') }),
  },
  { id: 'thousand-sheets', what: '1000 张不同的工作表,各有一张更正表', outcome: 'read', bytes: thousandSheets },
  { id: 'zip-bomb-300MB', what: '工作表解压后 300 MB', outcome: 'refused', bytes: () => workbookBytes({ sheet: bombPart('xl/worksheets/sheet1.xml', 300, '<worksheet><sheetData>', '</sheetData></worksheet>') }) },
  { id: 'part-over-512MB', what: '部件解压后超过 512 MB', outcome: 'refused', bytes: () => workbookBytes({ sheet: bombPart('xl/worksheets/sheet1.xml', 600, '<worksheet><sheetData>', '</sheetData></worksheet>') }) },
  { id: 'unused-part-bomb', what: '用不到的部件解压后 300 MB', outcome: 'read', bytes: () => workbookBytes({ extra: [bombPart('xl/media/image1.png', 300)] }) },
  { id: 'too-many-cells', what: '210 万个单元格', outcome: 'refused', bytes: () => workbookBytes({ sheet: bombPart('xl/worksheets/sheet1.xml', 42, `<worksheet><sheetData>${tableRows()}`, '</sheetData></worksheet>', BOOL_ROW) }) },
  { id: 'merge-A4-XFD1048576', what: '合并区域 A3:XFD1048576', outcome: 'read', bytes: () => workbookBytes({ sheet: withRow(`<row r="1048576">${textCell('A1048576', 'x')}</row>`) .replace('</worksheet>', `${merges('A3:XFD1048576')}</worksheet>`) }) },
  { id: 'merge-dollar', what: '合并区域写成 A4:$B$5', outcome: 'read', bytes: () => workbookBytes({ sheet: sheetXml(tableRows(), merges('A4:$B$5')) }) },
  { id: 'numfmt-120-decimals', what: '数字格式有 120 位小数', outcome: 'read', bytes: () => workbookBytes({ sheet: withRow('<row r="4"><c r="H4" s="1"><v>1.5</v></c></row>'), styles: STYLES_120_DECIMALS }) },
  { id: 'unterminated-quote', what: '属性引号没有闭合', outcome: 'refused', bytes: () => workbookBytes({ sheet: sheetXml(tableRows().replace('<c r="G3" t="inlineStr">', '<c r="G3" t="inlineStr>')) }) },
  { id: 'bad-cell-ref', what: '无效的单元格引用 3A', outcome: 'refused', bytes: () => workbookBytes({ sheet: sheetXml(tableRows().replace('r="B3"', 'r="3B"')) }) },
  { id: 'duplicate-cell', what: '同一单元格写了两次(覆盖真实数据)', outcome: 'refused', bytes: () => workbookBytes({ sheet: sheetXml(tableRows().replace('</row><row r="3">', `</row><row r="3">${textCell('B3', '冒名')}`)) }) },
  {
    id: 'duplicate-zip-entry',
    what: '压缩包中同名的工作表部件出现两次',
    outcome: 'refused',
    bytes: () => workbookBytes({ extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheetXml(tableRows().replace('王晓燕', '另一个人')) }] }),
  },
  {
    id: 'terminal-escapes-in-cells',
    what: '单元格中的 _x001B_ 和 _x0007_',
    outcome: 'read',
    bytes: () => workbookBytes({ sheet: sheetXml(tableRows().replace(/王晓燕<\/t>/, '王_x001B_[2J_x0007_晓燕</t>')) }),
  },
];

/** JPEG bytes made of tiny segments: SOI, then `bytes` worth of 4-byte COM segments, and no image data. */
export function tinySegmentJpeg(bytes: number): Uint8Array {
  const out = new Uint8Array(2 + Math.floor(bytes / 4) * 4);
  out.set([0xff, 0xd8]);
  for (let at = 2; at + 4 <= out.length; at += 4) out.set([0xff, 0xfe, 0x00, 0x02], at);
  return out;
}

/** A JPEG start followed by `bytes` of data and no end marker. */
export function endlessJpeg(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x00, 0x00]);
  return out;
}
