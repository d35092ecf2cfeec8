/**
 * The cell formats of a workbook being written: each distinct style gets one `xf` in styles.xml, built from
 * de-duplicated fonts, fills, borders and number formats, in the order CT_Stylesheet requires (numFmts, fonts,
 * fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs, tableStyles).
 */
import { escapeXml, MAIN_NS, XML_DECLARATION } from './xml-text';

export interface CellStyle {
  font?: { name: string; size: number; bold?: boolean };
  alignment?: { horizontal?: 'center'; vertical?: 'middle' | 'top'; wrapText?: boolean };
  /** Thin lines on all four sides. */
  border?: 'thin';
  /** A solid fill, as ARGB ("FFD9D9D9"). */
  fill?: string;
  /** "@" (text), or a format code such as "yyyy-mm-dd". */
  numFmt?: string;
}

/** Excel's built-in ids for the codes the writer uses; anything else gets a custom id from 164 on. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;
/** Font 0 is the workbook's default (Normal style), which also sets the width of a column's character unit. */
const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
/** Fills 0 and 1 are reserved: none and gray125. */
const RESERVED_FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';
const THIN_BORDER = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';

/** Index of `item` in `list`, appending it when new. */
function indexIn(list: string[], item: string): number {
  const at = list.indexOf(item);
  return at >= 0 ? at : list.push(item) - 1;
}

export class StyleTable {
  private readonly fonts = [DEFAULT_FONT];
  private readonly fills = [...RESERVED_FILLS];
  private readonly borders = [NO_BORDER];
  private readonly formats: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>([['{}', 0]]);
  /** Cells mostly share style objects: the same object is looked up without serializing it again. */
  private readonly byObject = new WeakMap<CellStyle, number>();

  /** The `s` index of a cell with this style (0 for none). */
  id(style: CellStyle | undefined): number {
    if (!style) return 0;
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const key = JSON.stringify(style);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.xfs.push(this.xf(style)) - 1;
      this.byKey.set(key, id);
    }
    this.byObject.set(style, id);
    return id;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const numFmts = this.formats.map((code, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_DECLARATION +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? list('numFmts', numFmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }

  private xf(style: CellStyle): string {
    const attrs = [`numFmtId="${style.numFmt ? this.formatId(style.numFmt) : 0}"`];
    attrs.push(`fontId="${style.font ? indexIn(this.fonts, fontXml(style.font)) : 0}"`);
    attrs.push(`fillId="${style.fill ? indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`) : 0}"`);
    attrs.push(`borderId="${style.border ? indexIn(this.borders, THIN_BORDER) : 0}"`, 'xfId="0"');
    if (style.numFmt) attrs.push('applyNumberFormat="1"');
    if (style.font) attrs.push('applyFont="1"');
    if (style.fill) attrs.push('applyFill="1"');
    if (style.border) attrs.push('applyBorder="1"');
    const a = style.alignment;
    if (!a) return `<xf ${attrs.join(' ')}/>`;
    attrs.push('applyAlignment="1"');
    const align = [
      a.horizontal && `horizontal="${a.horizontal}"`,
      a.vertical && `vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"`,
      a.wrapText && 'wrapText="1"',
    ].filter(Boolean);
    return `<xf ${attrs.join(' ')}><alignment ${align.join(' ')}/></xf>`;
  }

  private formatId(code: string): number {
    return BUILT_IN_FORMATS[code] ?? FIRST_CUSTOM_FORMAT + indexIn(this.formats, code);
  }
}

/** CT_Font takes its children in any order; Excel writes b, sz, name. */
function fontXml(font: NonNullable<CellStyle['font']>): string {
  return `<font>${font.bold ? '<b/>' : ''}<sz val="${font.size}"/><name val="${escapeXml(font.name)}"/></font>`;
}
