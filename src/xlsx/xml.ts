/**
 * A small forward-only XML scanner for SpreadsheetML parts. Producers differ (Excel, WPS, LibreOffice, Numbers,
 * Tencent Docs writes every element with an `x:` prefix), so names are compared without their prefix.
 * It does not build a tree: a 100,000-row sheet is scanned once, handing each tag and text run to the caller.
 */

export interface XmlHandler {
  /** `name` without its namespace prefix; `attrs` is the raw attribute text, read with `attr`. */
  open?(name: string, attrs: string, selfClosing: boolean): void;
  close?(name: string): void;
  /** Character data, entities already decoded (CDATA passed as is). */
  text?(text: string): void;
}

// A tag (its attributes, whose quoted values may hold '>', then an optional '/'), CDATA, a comment or
// declaration, or a text run. The attribute part is an unrolled loop, which keeps a 100,000-row sheet fast.
const TOKEN = /<(\/)?([^\s/>!?]+)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|([^<]+)/g;

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

export function scanXml(xml: string, handler: XmlHandler): void {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    if (m[2] !== undefined) {
      const name = localName(m[2]);
      if (m[1]) {
        handler.close?.(name);
        continue;
      }
      const selfClosing = m[3].endsWith('/');
      handler.open?.(name, selfClosing ? m[3].slice(0, -1) : m[3], selfClosing);
      if (selfClosing) handler.close?.(name);
    } else if (m[4] !== undefined) handler.text?.(m[4]);
    else if (m[5] !== undefined && handler.text) handler.text(decodeXmlText(m[5]));
  }
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The value of an attribute by its local name (`r:id` is found as "id"), decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  return attrMap(attrs)[name];
}

/** Every attribute by its local name, decoded (one pass, for elements that need several). */
export function attrMap(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m !== null; m = ATTR.exec(attrs)) out[localName(m[1])] = decodeXmlText(m[2] ?? m[3]);
  return out;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ent: string) => {
    if (ent[0] !== '#') return NAMED[ent] ?? whole;
    const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for a carriage return). */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
