/**
 * Reads an .xlsx file (bytes) into the engine's WorkbookGrid, keeping each cell as the spreadsheet holds it:
 * a digit string stored as text stays text, a number stays a number with the text its format displays, a date
 * becomes "YYYY-MM-DD" (1900 or 1904 date system), a formula gives its cached result, rich text its plain text.
 *
 * Browser-safe (JSZip only, no node:*), so the task pane can open a file outside Office with it. It reads the
 * SpreadsheetML parts itself rather than through ExcelJS, which crashes on or misreads files real producers
 * write (Tencent Docs' prefixed XML, Apple Numbers' sheet.xml, LibreOffice's date1904="true", mixed rich text).
 */
import JSZip from 'jszip';
import { crc32 } from '../common/crc32';
import { type Cell, type SheetGrid, type WorkbookGrid, columnLetter, columnNumber } from '../rules/grid';
import { type NumberFormat, builtInFormat, classifyFormat, isoDate, numberText, serialToDate } from './number-format';
import { WorkbookReadError } from './read-error';
import { assertZipContainer } from './sniff';
import { attr, attrMap, decodeOoxmlEscapes, scanXml } from './xml';

export interface ReadOptions {
  /** File name without the extension, kept on the grid for the package name. */
  name?: string;
}

/** The last date serial Excel accepts (9999-12-31); beyond it a date format shows ####. */
const MAX_DATE_SERIAL = 2958465;

/** JSZip keeps each entry's CRC from the central directory on a private field (its typings describe the shape). */
const centralCrc = (file: JSZip.JSZipObject) => (file as unknown as { _data: { crc32: number } })._data.crc32 >>> 0;

/**
 * The parts of the package by lower-case path, each inflated once and checked against its CRC up front (a damaged
 * part is a corrupt file, whether or not it is one the reader needs). JSZip's own checkCRC32 would inflate every
 * part a second time, which on a large sheet is a good share of the reading time.
 */
class Package {
  private constructor(private readonly parts: Map<string, Uint8Array>) {}

  static async load(bytes: Uint8Array): Promise<Package> {
    const parts = new Map<string, Uint8Array>();
    try {
      const zip = await JSZip.loadAsync(bytes);
      for (const file of Object.values(zip.files)) {
        if (file.dir) continue;
        const data = await file.async('uint8array');
        if (crc32(data) !== centralCrc(file)) throw new Error('CRC mismatch');
        parts.set(file.name.toLowerCase(), data);
      }
    } catch {
      throw new WorkbookReadError('corrupt');
    }
    return new Package(parts);
  }

  has(path: string): boolean {
    return this.parts.has(path.toLowerCase());
  }

  text(path: string): string | null {
    const data = this.parts.get(path.toLowerCase());
    return data === undefined ? null : UTF8.decode(data);
  }
}

const UTF8 = new TextDecoder();

interface Relationship {
  type: string;
  target: string;
}

function resolvePart(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readRels(pkg: Package, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const xml = pkg.text(relsPathOf(part));
  if (xml === null) return rels;
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship' || attr(attrs, 'TargetMode') === 'External') return;
      const id = attr(attrs, 'Id');
      const target = attr(attrs, 'Target');
      if (id && target) rels.set(id, { type: attr(attrs, 'Type') ?? '', target: resolvePart(part, target) });
    },
  });
  return rels;
}

const relOfType = (rels: Map<string, Relationship>, suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));

/** What a ZIP that is not a workbook probably is, for the message. */
function describeOtherZip(pkg: Package, officeTarget: string | undefined): string | undefined {
  if (officeTarget?.toLowerCase().endsWith('.bin') || pkg.has('xl/workbook.bin')) return '这是二进制工作簿(.xlsb)。';
  if (pkg.has('word/document.xml')) return '这是 Word 文档。';
  if (pkg.has('ppt/presentation.xml')) return '这是 PowerPoint 演示文稿。';
  if (pkg.text('mimetype')?.includes('opendocument.spreadsheet')) return '这是 OpenDocument 表格(.ods)。';
  return undefined;
}

function findWorkbookPart(pkg: Package): string {
  const officeDoc = relOfType(readRels(pkg, ''), '/officeDocument');
  for (const candidate of [officeDoc?.target, 'xl/workbook.xml'])
    if (candidate && candidate.toLowerCase().endsWith('.xml') && pkg.has(candidate)) return candidate;
  throw new WorkbookReadError('not-workbook', describeOtherZip(pkg, officeDoc?.target));
}

interface SheetRef {
  name: string;
  relId: string;
}

function parseWorkbookPart(xml: string): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = /^(1|true)$/i.test(attr(attrs, 'date1904') ?? '');
      else if (name === 'sheet') sheets.push({ name: attr(attrs, 'name') ?? '', relId: attr(attrs, 'id') ?? '' });
    },
  });
  return { sheets, date1904 };
}

/** Shared strings as plain text: the runs of rich text joined, phonetic guides (rPh) left out. */
function parseSharedStrings(xml: string | null): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !selfClosing) inT = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(decodeOoxmlEscapes(current.join('')));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(t) {
      if (inT && phonetic === 0 && current) current.push(t);
    },
  });
  return strings;
}

/** The number format of each cell style index (cellXfs order). */
function parseStyles(xml: string | null): NumberFormat[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attr(attrs, 'numFmtId')), attr(attrs, 'formatCode') ?? 'General');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormatIds.push(Number(attr(attrs, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const classified = new Map<number, NumberFormat>();
  return xfFormatIds.map((id) => {
    let fmt = classified.get(id);
    if (!fmt) classified.set(id, (fmt = classifyFormat(custom.get(id) ?? builtInFormat(id))));
    return fmt;
  });
}

const GENERAL = classifyFormat('General');

/** A `<c>` element as read so far; one record is reused for every cell (a 100,000-row sheet holds over a million). */
interface RawCell {
  row: number;
  col: number;
  address: string;
  type: string;
  style: number;
  value: string | null;
  inline: string;
}

/** Every cell has the same object shape, which keeps a million of them compact and fast to read. */
function makeCell(raw: RawCell, value: Cell['value'], text: string, kind: Cell['kind']): Cell {
  return { row: raw.row, col: raw.col, address: raw.address, value, text, kind };
}

function textCell(raw: RawCell, s: string): Cell | undefined {
  return s === '' ? undefined : makeCell(raw, s, s, 'text');
}

function toCell(raw: RawCell, shared: string[], styles: NumberFormat[], date1904: boolean): Cell | undefined {
  const v = raw.value;
  switch (raw.type) {
    case 's':
      return v === null ? undefined : textCell(raw, shared[Number(v)] ?? '');
    case 'inlineStr':
      return textCell(raw, decodeOoxmlEscapes(raw.inline));
    case 'str':
      return v === null ? undefined : textCell(raw, decodeOoxmlEscapes(v));
    case 'b':
      if (v === null) return undefined;
      return v === '1' || v === 'true' ? makeCell(raw, true, 'TRUE', 'boolean') : makeCell(raw, false, 'FALSE', 'boolean');
    case 'e':
      return v === null ? undefined : makeCell(raw, v, v, 'error');
    case 'd':
      return v === null || !/^\d{4}-\d{2}-\d{2}/.test(v) ? undefined : makeCell(raw, v.slice(0, 10), v.slice(0, 10), 'date');
    default: {
      if (v === null || v.trim() === '') return undefined;
      const n = Number(v);
      if (!Number.isFinite(n)) return textCell(raw, v);
      const fmt = styles[raw.style] ?? GENERAL;
      if (fmt.cls === 'date' && n >= 0 && n <= MAX_DATE_SERIAL) return makeCell(raw, isoDate(serialToDate(n, date1904)), numberText(n, fmt, date1904), 'date');
      return makeCell(raw, n, numberText(n, fmt.cls === 'date' ? GENERAL : fmt, date1904), 'number');
    }
  }
}

const CELL_REF = /^([A-Za-z]+)(\d+)$/;

function parseSheet(name: string, xml: string, shared: string[], styles: NumberFormat[], date1904: boolean): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  // Column numbers by reference letters and letters by column number: a sheet has few columns and many cells.
  const colOfLetters = new Map<string, number>();
  const lettersOfCol: string[] = [];
  let rowNum = 0;
  let colNum = 0;
  const raw: RawCell = { row: 0, col: 0, address: '', type: 'n', style: 0, value: null, inline: '' };
  let inCell = false;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      switch (tag) {
        case 'row':
          rowNum = Number(attr(attrs, 'r')) || rowNum + 1;
          colNum = 0;
          break;
        case 'c': {
          const a = attrMap(attrs);
          const ref = a.r === undefined ? null : CELL_REF.exec(a.r);
          if (ref) {
            let col = colOfLetters.get(ref[1]);
            if (col === undefined) colOfLetters.set(ref[1], (col = columnNumber(ref[1])));
            colNum = col;
            rowNum = Number(ref[2]);
          } else colNum++;
          raw.row = rowNum;
          raw.col = colNum;
          raw.address = (lettersOfCol[colNum] ??= columnLetter(colNum)) + rowNum;
          raw.type = a.t ?? 'n';
          raw.style = Number(a.s ?? 0);
          raw.value = null;
          raw.inline = '';
          inCell = true;
          break;
        }
        case 'v':
          if (inCell && !selfClosing) {
            capture = 'v';
            raw.value = '';
          }
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && !selfClosing) capture = 't';
          break;
        case 'mergeCell': {
          const ref = attr(attrs, 'ref');
          if (ref?.includes(':')) merges.push(ref.toUpperCase());
          break;
        }
      }
    },
    close(tag) {
      if (tag === 'v' || tag === 't') capture = null;
      else if (tag === 'is') inInline = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'c' && inCell) {
        const built = toCell(raw, shared, styles, date1904);
        if (built) (rows[built.row - 1] ??= [])[built.col - 1] = built;
        inCell = false;
      }
    },
    text(t) {
      if (!inCell || capture === null) return;
      if (capture === 'v') raw.value += t;
      else if (phonetic === 0) raw.inline += t;
    },
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, rows, merges };
}

export async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookGrid> {
  assertZipContainer(bytes);
  const pkg = await Package.load(bytes);
  const workbookPart = findWorkbookPart(pkg);
  const { sheets: refs, date1904 } = parseWorkbookPart(pkg.text(workbookPart) ?? '');
  const rels = readRels(pkg, workbookPart);
  const shared = parseSharedStrings(pkg.text(relOfType(rels, '/sharedStrings')?.target ?? 'xl/sharedStrings.xml'));
  const styles = parseStyles(pkg.text(relOfType(rels, '/styles')?.target ?? 'xl/styles.xml'));

  const sheets: SheetGrid[] = [];
  for (const ref of refs) {
    const rel = rels.get(ref.relId);
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const xml = pkg.text(rel.target);
    if (xml !== null) sheets.push(parseSheet(ref.name, xml, shared, styles, date1904));
  }
  if (sheets.length === 0) throw new WorkbookReadError('no-sheets');
  if (!sheets.some((s) => s.rows.some((r) => r.some(Boolean)))) throw new WorkbookReadError('no-cells');
  return { ...(options.name !== undefined ? { name: options.name } : {}), sheets };
}
