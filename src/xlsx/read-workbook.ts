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
import { type Cell, type SheetGrid, type WorkbookGrid, cellAddress, parseAddress } from '../rules/grid';
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

class Package {
  private readonly byLowerName = new Map<string, JSZip.JSZipObject>();

  constructor(zip: JSZip) {
    zip.forEach((path, file) => {
      if (!file.dir) this.byLowerName.set(path.toLowerCase(), file);
    });
  }

  has(path: string): boolean {
    return this.byLowerName.has(path.toLowerCase());
  }

  async text(path: string): Promise<string | null> {
    const file = this.byLowerName.get(path.toLowerCase());
    if (!file) return null;
    try {
      return await file.async('string');
    } catch {
      throw new WorkbookReadError('corrupt');
    }
  }
}

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

async function readRels(pkg: Package, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const xml = await pkg.text(relsPathOf(part));
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
async function describeOtherZip(pkg: Package, officeTarget: string | undefined): Promise<string | undefined> {
  if (officeTarget?.toLowerCase().endsWith('.bin') || pkg.has('xl/workbook.bin')) return '这是二进制工作簿(.xlsb)。';
  if (pkg.has('word/document.xml')) return '这是 Word 文档。';
  if (pkg.has('ppt/presentation.xml')) return '这是 PowerPoint 演示文稿。';
  if ((await pkg.text('mimetype'))?.includes('opendocument.spreadsheet')) return '这是 OpenDocument 表格(.ods)。';
  return undefined;
}

async function findWorkbookPart(pkg: Package): Promise<string> {
  const officeDoc = relOfType(await readRels(pkg, ''), '/officeDocument');
  for (const candidate of [officeDoc?.target, 'xl/workbook.xml'])
    if (candidate && candidate.toLowerCase().endsWith('.xml') && pkg.has(candidate)) return candidate;
  throw new WorkbookReadError('not-workbook', await describeOtherZip(pkg, officeDoc?.target));
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

interface RawCell {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | null;
  inline: string[];
}

function toCell(raw: RawCell, shared: string[], styles: NumberFormat[], date1904: boolean): Cell | undefined {
  const { row, col } = raw;
  // One object shape for every cell: a 100,000-row sheet holds over a million of them.
  const make = (value: Cell['value'], text: string, kind: Cell['kind']): Cell => ({ row, col, address: cellAddress(row, col), value, text, kind });
  const text = (s: string): Cell | undefined => (s === '' ? undefined : make(s, s, 'text'));
  const v = raw.value;
  switch (raw.type) {
    case 's':
      return v === null ? undefined : text(shared[Number(v)] ?? '');
    case 'inlineStr':
      return text(decodeOoxmlEscapes(raw.inline.join('')));
    case 'str':
      return v === null ? undefined : text(decodeOoxmlEscapes(v));
    case 'b':
      if (v === null) return undefined;
      return v === '1' || v === 'true' ? make(true, 'TRUE', 'boolean') : make(false, 'FALSE', 'boolean');
    case 'e':
      return v === null ? undefined : make(v, v, 'error');
    case 'd':
      return v === null || !/^\d{4}-\d{2}-\d{2}/.test(v) ? undefined : make(v.slice(0, 10), v.slice(0, 10), 'date');
    default: {
      if (v === null || v.trim() === '') return undefined;
      const n = Number(v);
      if (!Number.isFinite(n)) return text(v);
      const fmt = styles[raw.style] ?? GENERAL;
      if (fmt.cls === 'date' && n >= 0 && n <= MAX_DATE_SERIAL) return make(isoDate(serialToDate(n, date1904)), numberText(n, fmt, date1904), 'date');
      return make(n, numberText(n, fmt.cls === 'date' ? GENERAL : fmt, date1904), 'number');
    }
  }
}

function parseSheet(name: string, xml: string, shared: string[], styles: NumberFormat[], date1904: boolean): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  let rowNum = 0;
  let colNum = 0;
  let cell: RawCell | null = null;
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
          const at = a.r && /^[A-Za-z]+\d+$/.test(a.r) ? parseAddress(a.r) : { row: rowNum, col: colNum + 1 };
          rowNum = at.row;
          colNum = at.col;
          cell = { row: at.row, col: at.col, type: a.t ?? 'n', style: Number(a.s ?? 0), value: null, inline: [] };
          break;
        }
        case 'v':
          if (cell && !selfClosing) {
            capture = 'v';
            cell.value = '';
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
      else if (tag === 'c' && cell) {
        const built = toCell(cell, shared, styles, date1904);
        if (built) (rows[built.row - 1] ??= [])[built.col - 1] = built;
        cell = null;
      }
    },
    text(t) {
      if (!cell || capture === null) return;
      if (capture === 'v') cell.value += t;
      else if (phonetic === 0) cell.inline.push(t);
    },
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, rows, merges };
}

export async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookGrid> {
  assertZipContainer(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw new WorkbookReadError('corrupt');
  }
  const pkg = new Package(zip);
  const workbookPart = await findWorkbookPart(pkg);
  const { sheets: refs, date1904 } = parseWorkbookPart((await pkg.text(workbookPart)) ?? '');
  const rels = await readRels(pkg, workbookPart);
  const shared = parseSharedStrings(await pkg.text(relOfType(rels, '/sharedStrings')?.target ?? 'xl/sharedStrings.xml'));
  const styles = parseStyles(await pkg.text(relOfType(rels, '/styles')?.target ?? 'xl/styles.xml'));

  const sheets: SheetGrid[] = [];
  for (const ref of refs) {
    const rel = rels.get(ref.relId);
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const xml = await pkg.text(rel.target);
    if (xml !== null) sheets.push(parseSheet(ref.name, xml, shared, styles, date1904));
  }
  if (sheets.length === 0) throw new WorkbookReadError('no-sheets');
  if (!sheets.some((s) => s.rows.some((r) => r.some(Boolean)))) throw new WorkbookReadError('no-cells');
  return { ...(options.name !== undefined ? { name: options.name } : {}), sheets };
}
