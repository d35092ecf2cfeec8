/**
 * One worksheet being written: cells with values and styles, column widths, row heights, merged ranges, list
 * dropdowns, frozen rows and the print setup; `worksheetXml` writes it with the children of <worksheet> in the
 * order CT_Worksheet requires (ECMA-376 Part 1, 18.3.1.99).
 */
import { type MergedRange, cellAddress, columnLetter } from '../../rules/grid';
import type { CellStyle, StyleTable } from './styles';
import { escapeXml, MAIN_NS, REL_NS, XML_DECLARATION } from './xml-text';

/** A cell's value: text, a number, a boolean, a date (written as its serial number; give it a date format), an error such as "#N/A". */
export type CellValue = string | number | boolean | Date | { error: string } | null;

export interface ListValidation {
  /** The range it applies to, e.g. "E4:E503". */
  sqref: string;
  items: string[];
  errorTitle: string;
  error: string;
}

export interface PrintSetup {
  /** 9 is A4. */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Pages wide and high the sheet is scaled to fit (0: as many as it takes). */
  fitToWidth: number;
  fitToHeight: number;
  horizontalCentered: boolean;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows printed at the top of every page, e.g. [1, 3]; the workbook writes them as the sheet's Print_Titles. */
  titleRows?: [number, number];
  /** Header/footer codes of the footer of every page, e.g. "&C第 &P 页". */
  oddFooter?: string;
}

interface CellEntry {
  value: CellValue;
  style?: CellStyle;
}

/** Excel's default margins, written when the sheet has no print setup. */
const DEFAULT_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
/** Days from Excel's day 0 (1899-12-30, in the 1900 date system) to 1970-01-01. */
const EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

export class Worksheet {
  /** Rows by number, each its cells by column. */
  readonly rows = new Map<number, Map<number, CellEntry>>();
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  readonly merges: string[] = [];
  readonly validations: ListValidation[] = [];
  /** Rows frozen at the top (0: none). */
  frozenRows = 0;
  print?: PrintSetup;

  constructor(readonly name: string) {}

  set(row: number, col: number, value: CellValue, style?: CellStyle): void {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    cells.set(col, { value, style });
  }

  /**
   * Merges the range. With `styleCovered`, its other cells take the first cell's style, as Excel does when it
   * merges, so borders and fills cover the whole range (only for small ranges: a range may span the whole sheet).
   */
  merge(range: MergedRange, styleCovered = false): void {
    const { top, left, bottom, right } = range;
    const style = this.rows.get(top)?.get(left)?.style;
    if (styleCovered && style)
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) if ((r !== top || c !== left) && !this.rows.get(r)?.has(c)) this.set(r, c, null, style);
    this.merges.push(`${cellAddress(top, left)}:${cellAddress(bottom, right)}`);
  }
}

/** An Excel date serial number (UTC fields): whole days for a date at UTC midnight; before March 1900 one less, as Excel counts a 1900-02-29. */
export function dateSerial(date: Date): number {
  const serial = date.getTime() / DAY_MS + EPOCH_SERIAL;
  return serial < 61 ? serial - 1 : serial;
}

/** Shared strings: each distinct text once, cells refer to it by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.index.get(text);
    if (id === undefined) this.index.set(text, (id = this.index.size));
    return id;
  }

  xml(): string {
    const items = [...this.index.keys()].map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${escapeXml(t)}</t></si>`);
    return XML_DECLARATION + `<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

function cellXml(address: string, entry: CellEntry, styles: StyleTable, strings: SharedStrings): string {
  const s = styles.id(entry.style);
  const attrs = `r="${address}"${s ? ` s="${s}"` : ''}`;
  const v = entry.value;
  if (v === null || v === '') return `<c ${attrs}/>`;
  if (typeof v === 'string') return `<c ${attrs} t="s"><v>${strings.id(v)}</v></c>`;
  if (typeof v === 'number') return `<c ${attrs}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c ${attrs} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c ${attrs}><v>${dateSerial(v)}</v></c>`;
  return `<c ${attrs} t="e"><v>${escapeXml(v.error)}</v></c>`;
}

function sheetViewXml(ws: Worksheet, selected: boolean): string {
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  if (!ws.frozenRows) return `<sheetViews>${open}/></sheetViews>`;
  const below = cellAddress(ws.frozenRows + 1, 1);
  return (
    `<sheetViews>${open}><pane ySplit="${ws.frozenRows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView></sheetViews>`
  );
}

function validationsXml(list: ListValidation[]): string {
  if (!list.length) return '';
  const items = list.map(
    (v) =>
      `<dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(v.errorTitle)}" error="${escapeXml(v.error)}" sqref="${v.sqref}">` +
      `<formula1>${escapeXml(`"${v.items.join(',')}"`)}</formula1></dataValidation>`,
  );
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

function printXml(p: PrintSetup | undefined): string {
  if (!p) return DEFAULT_MARGINS;
  const m = p.margins;
  return (
    (p.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${p.paperSize}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}" orientation="${p.orientation}"/>` +
    (p.oddFooter ? `<headerFooter><oddFooter>${escapeXml(p.oddFooter)}</oddFooter></headerFooter>` : '')
  );
}

/** The sheet's part: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, mergeCells, dataValidations, printOptions, pageMargins, pageSetup, headerFooter. */
export function worksheetXml(ws: Worksheet, styles: StyleTable, strings: SharedStrings, selected: boolean): string {
  const out: string[] = [XML_DECLARATION, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  if (ws.print) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const rowNumbers = [...ws.rows.keys()].sort((a, b) => a - b);
  let lastCol = Math.max(1, ...ws.widths.keys());
  for (const cells of ws.rows.values()) for (const c of cells.keys()) if (c > lastCol) lastCol = c;
  const lastRow = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 1;
  out.push(`<dimension ref="A1:${columnLetter(lastCol)}${lastRow}"/>`, sheetViewXml(ws, selected), '<sheetFormatPr defaultRowHeight="15"/>');
  if (ws.widths.size) {
    const cols = [...ws.widths].sort(([a], [b]) => a - b).map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`);
    out.push(`<cols>${cols.join('')}</cols>`);
  }
  out.push('<sheetData>');
  for (const r of new Set([...rowNumbers, ...ws.heights.keys()].sort((a, b) => a - b))) {
    const height = ws.heights.get(r);
    out.push(`<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}>`);
    const cells = ws.rows.get(r);
    if (cells) for (const c of [...cells.keys()].sort((a, b) => a - b)) out.push(cellXml(cellAddress(r, c), cells.get(c)!, styles, strings));
    out.push('</row>');
  }
  out.push('</sheetData>');
  if (ws.merges.length) out.push(`<mergeCells count="${ws.merges.length}">${ws.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  out.push(validationsXml(ws.validations), printXml(ws.print), '</worksheet>');
  return out.join('');
}
