/**
 * Reads an .xlsx file (bytes) into the engine's WorkbookGrid, keeping each cell as the spreadsheet holds it:
 * a digit string stored as text stays text, a number stays a number with the text its format displays, a date
 * becomes "YYYY-MM-DD" (1900 or 1904 date system), a formula gives its cached result, rich text its plain text.
 *
 * Browser-safe (no node:*; the ZIP through zip-read.ts and the platform's DecompressionStream), so the task pane
 * can open a file outside Office with it. Every size is bounded (limits.ts) and a part that is not well-formed is
 * refused, never read in part. It reads the SpreadsheetML parts itself rather than through ExcelJS, which crashes
 * on or misreads files real producers write (Tencent Docs' prefixed XML, Apple Numbers' sheet.xml, LibreOffice's
 * date1904="true", mixed rich text).
 */
import { type Cell, type SheetGrid, SheetCell, type WorkbookGrid, columnLetter, columnNumber } from '../rules/grid';
import { XLSX_LIMITS } from './limits';
import { type NumberFormat, builtInFormat, classifyFormat, isoDate, numberText, serialToDate } from './number-format';
import { WorkbookReadError } from './read-error';
import { assertZipContainer } from './sniff';
import { XmlFormatError, type XmlHandler, XmlScanner, attr, decodeOoxmlEscapes, eachAttr } from './xml';
import { type ZipEntry, ZipReadError, inflateEntry, inflateEntryChunks, readZipEntries } from './zip-read';

export interface ReadOptions {
  /** File name without the extension, kept on the grid for the package name. */
  name?: string;
}

/** The last date serial Excel accepts (9999-12-31); beyond it a date format shows ####. */
const MAX_DATE_SERIAL = 2958465;

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function zipFailure(e: unknown): WorkbookReadError {
  if (!(e instanceof ZipReadError)) return new WorkbookReadError('corrupt');
  const p = e.problem;
  if (p.kind === 'duplicate') return new WorkbookReadError('malformed', `压缩包中的“${p.name}”出现了不止一次(不同的程序会读到不同的内容)。`);
  if (p.kind === 'too-large') return new WorkbookReadError('limit', `工作簿中的“${p.name}”解压后超过 ${megabytes(p.limit)}。`);
  return new WorkbookReadError('corrupt');
}

/**
 * The parts of the package by lower-case path. A part is inflated when the reader asks for it, at most once, its
 * CRC checked and its inflated size counted against the limits while it inflates (a zip bomb stops there).
 * An XML part is scanned as it inflates: a 100,000-row sheet is 35 MB of XML, never held as bytes or as one string.
 */
class Package {
  /** What the parts read so far may still inflate to, together. */
  private budget: number = XLSX_LIMITS.totalBytes;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly parts: Map<string, ZipEntry>,
  ) {}

  static load(bytes: Uint8Array): Package {
    try {
      return new Package(bytes, new Map(readZipEntries(bytes).map((e) => [e.name.toLowerCase(), e])));
    } catch (e) {
      throw zipFailure(e);
    }
  }

  has(path: string): boolean {
    return this.parts.has(path.toLowerCase());
  }

  private entry(path: string): ZipEntry | undefined {
    const entry = this.parts.get(path.toLowerCase());
    return entry === undefined || entry.name.endsWith('/') ? undefined : entry;
  }

  async text(path: string): Promise<string | null> {
    const entry = this.entry(path);
    if (entry === undefined) return null;
    let data: Uint8Array;
    try {
      data = await inflateEntry(this.bytes, entry, Math.min(XLSX_LIMITS.partBytes, this.budget));
    } catch (e) {
      throw zipFailure(e);
    }
    this.budget -= data.length;
    return UTF8.decode(data);
  }

  /**
   * Scans an XML part piece by piece as it inflates; false when the package has no such part. An error while
   * scanning (malformed XML, a limit) is told only once the whole part has inflated with its size and CRC right: a
   * damaged entry is reported as damaged, not as the XML it inflated to.
   */
  async scan(path: string, handler: XmlHandler): Promise<boolean> {
    const entry = this.entry(path);
    if (entry === undefined) return false;
    const decoder = new TextDecoder();
    const scanner = new XmlScanner(handler);
    const failure: { error?: unknown } = {};
    const feed = (step: () => void) => {
      if ('error' in failure) return;
      try {
        step();
      } catch (error) {
        failure.error = error;
      }
    };
    let size: number;
    try {
      size = await inflateEntryChunks(this.bytes, entry, Math.min(XLSX_LIMITS.partBytes, this.budget), (chunk) =>
        feed(() => scanner.push(decoder.decode(chunk, { stream: true }))),
      );
    } catch (e) {
      throw zipFailure(e);
    }
    this.budget -= size;
    feed(() => {
      scanner.push(decoder.decode());
      scanner.end();
    });
    if ('error' in failure) throw partFailure(path, failure.error);
    return true;
  }
}

const UTF8 = new TextDecoder();

/** A malformed part as a WorkbookReadError that names it; other errors (the reader's own, with their message) as they are. */
function partFailure(path: string, e: unknown): unknown {
  if (e instanceof XmlFormatError) return new WorkbookReadError('malformed', `工作簿中的“${path}”不是完整的 XML(第 ${e.at} 个字符附近有未闭合的标记或引号)。`);
  return e;
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
  const path = relsPathOf(part);
  await pkg.scan(path, {
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

async function parseWorkbookPart(pkg: Package, path: string): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const sheets: SheetRef[] = [];
  // Excel compares sheet names without case; a name listed twice is a damaged or crafted workbook.
  const names = new Set<string>();
  let date1904 = false;
  await pkg.scan(path, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = /^(1|true)$/i.test(attr(attrs, 'date1904') ?? '');
      else if (name === 'sheet') {
        const sheet = { name: attr(attrs, 'name') ?? '', relId: attr(attrs, 'id') ?? '' };
        if (names.has(sheet.name.toLowerCase())) throw new WorkbookReadError('malformed', `工作簿中的工作表“${sheet.name}”列出了不止一次。`);
        if (sheets.length === XLSX_LIMITS.sheets) throw new WorkbookReadError('limit', `工作簿列出了超过 ${XLSX_LIMITS.sheets} 张工作表。`);
        names.add(sheet.name.toLowerCase());
        sheets.push(sheet);
      }
    },
  });
  return { sheets, date1904 };
}

/** Shared strings as plain text: the runs of rich text joined, phonetic guides (rPh) left out. */
async function parseSharedStrings(pkg: Package, path: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  await pkg.scan(path, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') {
        if (strings.length === XLSX_LIMITS.sharedStrings)
          throw new WorkbookReadError('limit', `工作簿的共享字符串超过 ${XLSX_LIMITS.sharedStrings.toLocaleString('en-US')} 个。`);
        current = [];
      }
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
async function parseStyles(pkg: Package, path: string): Promise<NumberFormat[]> {
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  await pkg.scan(path, {
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
  type: string;
  style: number;
  value: string | null;
  inline: string;
}

/** Every cell is a SheetCell (one shape, no stored address), which keeps a million of them compact and fast to read. */
function makeCell(raw: RawCell, value: Cell['value'], text: string, kind: Cell['kind']): Cell {
  return new SheetCell(raw.row, raw.col, value, text, kind);
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

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;
/** A reference that is well-formed but beyond Excel's sheet: letters past XFD, or a row past 1,048,576. */
const FAR_REF = /^\$?[A-Za-z]+\$?[1-9]\d*$/;

/** Counts what the whole workbook holds against the limits, and names the place of a breach. */
class Tally {
  cells = 0;
  merges = 0;

  /** The sheet being read, for the messages. */
  sheet = '';

  addCell(): void {
    if (++this.cells > XLSX_LIMITS.cells)
      throw new WorkbookReadError('limit', `工作簿的非空单元格超过 ${XLSX_LIMITS.cells.toLocaleString('en-US')} 个(读到工作表“${this.sheet}”时)。`);
  }

  addMerge(): void {
    if (++this.merges > XLSX_LIMITS.merges)
      throw new WorkbookReadError('limit', `工作簿的合并单元格区域超过 ${XLSX_LIMITS.merges.toLocaleString('en-US')} 个。`);
  }

  beyond(what: string): WorkbookReadError {
    return new WorkbookReadError(
      'limit',
      `工作表“${this.sheet}”的${what}超出了 Excel 工作表的范围(最多 ${XLSX_LIMITS.rows.toLocaleString('en-US')} 行、${XLSX_LIMITS.columns.toLocaleString('en-US')} 列,即 A 到 XFD 列)。`,
    );
  }

  malformed(what: string): WorkbookReadError {
    return new WorkbookReadError('malformed', `工作表“${this.sheet}”中${what}。`);
  }

  /** Row and column of a cell reference such as "D7" or "$D$7", within Excel's sheet. */
  cellRef(ref: string): { row: number; col: number } {
    const m = CELL_REF.exec(ref);
    if (!m) throw FAR_REF.test(ref) ? this.beyond(`单元格 ${ref}`) : this.malformed(`有无效的单元格引用“${ref}”`);
    const row = Number(m[2]);
    const col = columnNumber(m[1]);
    if (row > XLSX_LIMITS.rows || col > XLSX_LIMITS.columns) throw this.beyond(`单元格 ${ref}`);
    return { row, col };
  }

  rowNumber(text: string): number {
    if (!/^[1-9]\d*$/.test(text)) throw this.malformed(`有无效的行号“${text}”`);
    const row = Number(text);
    if (row > XLSX_LIMITS.rows) throw this.beyond(`第 ${text} 行`);
    return row;
  }
}

/** A merged range as "A4:B5" (no `$`, upper case, top-left first), or null for a single cell. */
function mergeRange(ref: string, tally: Tally): string | null {
  const [a, b, extra] = ref.split(':');
  if (b === undefined || extra !== undefined) throw tally.malformed(`有无效的合并区域“${ref}”`);
  const p = tally.cellRef(a);
  const q = tally.cellRef(b);
  const top = Math.min(p.row, q.row);
  const left = Math.min(p.col, q.col);
  const bottom = Math.max(p.row, q.row);
  const right = Math.max(p.col, q.col);
  if (top === bottom && left === right) return null;
  return `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
}

/**
 * The cells of a sheet. Rows and cells are placed at their indexes without filling the gaps: a sheet whose only
 * cells are in rows 1 and 1,000,000 is two rows, not a million (the engine walks the rows that exist).
 * A reference that is malformed, beyond Excel's sheet, or names a cell already read refuses the workbook
 * instead of misplacing or overwriting a cell.
 */
async function parseSheet(pkg: Package, name: string, path: string, shared: string[], styles: NumberFormat[], date1904: boolean, tally: Tally): Promise<SheetGrid | null> {
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  let rowNum = 0;
  let rowGiven = false;
  let colNum = 0;
  const raw: RawCell = { row: 0, col: 0, type: 'n', style: 0, value: null, inline: '' };
  let inCell = false;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  const found = await pkg.scan(path, {
    open(tag, attrs, selfClosing) {
      switch (tag) {
        case 'row': {
          const r = attr(attrs, 'r');
          rowGiven = r !== undefined;
          rowNum = rowGiven ? tally.rowNumber(r!) : rowNum + 1;
          if (rowNum > XLSX_LIMITS.rows) throw tally.beyond(`第 ${rowNum} 行`);
          colNum = 0;
          break;
        }
        case 'c': {
          let r: string | undefined;
          let t: string | undefined;
          let s: string | undefined;
          // The last of a repeated attribute wins, as in attrMap.
          eachAttr(attrs, (name, value) => {
            if (name === 'r') r = value;
            else if (name === 't') t = value;
            else if (name === 's') s = value;
          });
          if (r !== undefined) {
            const ref = tally.cellRef(r);
            if (rowGiven && ref.row !== rowNum) throw tally.malformed(`单元格 ${r} 写在第 ${rowNum} 行里`);
            colNum = ref.col;
            rowNum = ref.row;
          } else if (++colNum > XLSX_LIMITS.columns) throw tally.beyond(`第 ${rowNum} 行的单元格`);
          if (rowNum === 0) throw tally.malformed('有不在任何行里的单元格');
          raw.row = rowNum;
          raw.col = colNum;
          raw.type = t ?? 'n';
          raw.style = Number(s ?? 0);
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
          if (ref === undefined) break;
          const range = mergeRange(ref, tally);
          if (range) {
            tally.addMerge();
            merges.push(range);
          }
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
        if (built) {
          const row = (rows[built.row - 1] ??= []);
          if (row[built.col - 1] !== undefined) throw tally.malformed(`单元格 ${built.address} 出现了两次`);
          tally.addCell();
          row[built.col - 1] = built;
        }
        inCell = false;
      }
    },
    text(t) {
      if (!inCell || capture === null) return;
      if (capture === 'v') raw.value += t;
      else if (phonetic === 0) raw.inline += t;
    },
  });
  return found ? { name, rows, merges } : null;
}

export async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookGrid> {
  assertZipContainer(bytes);
  if (bytes.length > XLSX_LIMITS.fileBytes)
    throw new WorkbookReadError('limit', `文件有 ${megabytes(bytes.length)},超过 ${megabytes(XLSX_LIMITS.fileBytes)}。`);
  const pkg = Package.load(bytes);
  const workbookPart = await findWorkbookPart(pkg);
  const { sheets: refs, date1904 } = await parseWorkbookPart(pkg, workbookPart);
  const rels = await readRels(pkg, workbookPart);
  const sharedPath = relOfType(rels, '/sharedStrings')?.target ?? 'xl/sharedStrings.xml';
  const shared = await parseSharedStrings(pkg, sharedPath);
  const stylesPath = relOfType(rels, '/styles')?.target ?? 'xl/styles.xml';
  const styles = await parseStyles(pkg, stylesPath);

  // Two sheets on one part: a damaged or crafted workbook (each would be validated and reported again).
  const parts = new Set<string>();
  const tally = new Tally();
  const sheets: SheetGrid[] = [];
  for (const ref of refs) {
    const rel = rels.get(ref.relId);
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const partKey = rel.target.toLowerCase();
    if (parts.has(partKey)) throw new WorkbookReadError('malformed', `工作表“${ref.name}”与另一张工作表指向同一个部件“${rel.target}”。`);
    parts.add(partKey);
    tally.sheet = ref.name;
    const sheet = await parseSheet(pkg, ref.name, rel.target, shared, styles, date1904, tally);
    if (sheet) sheets.push(sheet);
  }
  if (sheets.length === 0) throw new WorkbookReadError('no-sheets');
  if (tally.cells === 0) throw new WorkbookReadError('no-cells');
  return { ...(options.name !== undefined ? { name: options.name } : {}), sheets };
}
