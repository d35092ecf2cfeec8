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

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Whitespace, '/' or '>' ends a tag's name. */
const endsName = (c: number) => isSpace(c) || c === 0x2f || c === 0x3e;

/** The part is not well-formed XML: read on, the rest of it would be lost or misread (`at` is the character offset). */
export class XmlFormatError extends Error {
  constructor(readonly at: number) {
    super(`malformed XML at ${at}`);
    this.name = 'XmlFormatError';
  }
}

/** Where a tag that starts at `from` ends: its '>', skipping quoted attribute values (which may hold '>'); -1 if none. */
function tagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      i = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/**
 * Hands each tag, text run and CDATA section to the handler in document order; comments, declarations and
 * processing instructions are skipped. A character loop with indexOf rather than a regular expression: a
 * 100,000-row sheet is a few million tokens, and a match array for each is most of the time.
 * A part that is not read whole is not read at all: a tag, quote, comment or CDATA section left open, or elements
 * that do not close as they open (counted, not matched by name), throw XmlFormatError.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.push(xml);
  scanner.end();
}

/**
 * scanXml over a part that arrives in pieces (as it inflates), so that the whole part is never one string: each
 * push scans the tokens the text so far completes and keeps the unfinished one for the next. Text is kept until a
 * tag follows it, so a text run (and an entity in it) is never split. A long unfinished token is not rescanned for
 * every small piece: pieces are gathered until there is at least as much new text as kept text.
 */
export class XmlScanner {
  private kept = '';
  private waiting: string[] = [];
  private waitingLength = 0;
  /** Characters scanned and let go before `kept`, for the offset of an error. */
  private offset = 0;
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  push(text: string): void {
    this.waiting.push(text);
    this.waitingLength += text.length;
    if (this.waitingLength >= Math.max(MIN_SCAN_CHARS, this.kept.length)) this.scan(false);
  }

  /** The part is complete: scans the rest; anything left open throws XmlFormatError. */
  end(): void {
    this.scan(true);
    if (this.depth !== 0) throw new XmlFormatError(this.offset);
  }

  private scan(final: boolean): void {
    const xml = this.kept + this.waiting.join('');
    this.waiting = [];
    this.waitingLength = 0;
    const done = this.scanTokens(xml, final);
    this.offset += done;
    this.kept = xml.slice(done);
  }

  /** Scans the complete tokens of `xml`; returns where the first incomplete one starts (all of it when final). */
  private scanTokens(xml: string, final: boolean): number {
    const handler = this.handler;
    const end = xml.length;
    const fail = (at: number): never => {
      throw new XmlFormatError(this.offset + at);
    };
    let i = 0;
    while (i < end) {
      const lt = xml.indexOf('<', i);
      if (lt < 0 && !final) return i;
      if (lt !== i) {
        if (handler.text) handler.text(decodeXmlText(xml.slice(i, lt < 0 ? end : lt)));
        if (lt < 0) return end;
      }
      // An unfinished token waits for more text; at the end of the part it is an error.
      const open = (at: number) => (final ? fail(at) : at);
      if (lt + 1 >= end) return open(lt);
      const next = xml.charCodeAt(lt + 1);
      let close: number;
      // A '<!' cut off before '<![CDATA[' or '<!--' is complete finds no '>' below, so it waits too.
      if (next === 0x21 /* ! */ && xml.startsWith('<![CDATA[', lt)) {
        close = xml.indexOf(']]>', lt + 9);
        if (close < 0) return open(lt);
        handler.text?.(xml.slice(lt + 9, close));
        i = close + 3;
      } else if (next === 0x21 && xml.startsWith('<!--', lt)) {
        close = xml.indexOf('-->', lt + 4);
        if (close < 0) return open(lt);
        i = close + 3;
      } else if (next === 0x21 || next === 0x3f /* ? */) {
        close = xml.indexOf('>', lt + 2);
        if (close < 0) return open(lt);
        i = close + 1;
      } else {
        const closing = next === 0x2f; /* / */
        const nameStart = closing ? lt + 2 : lt + 1;
        let nameEnd = nameStart;
        while (nameEnd < end && !endsName(xml.charCodeAt(nameEnd))) nameEnd++;
        close = tagEnd(xml, nameEnd);
        if (close < 0) return open(lt);
        if (nameEnd === nameStart) fail(lt);
        const name = localName(xml.slice(nameStart, nameEnd));
        i = close + 1;
        if (closing) {
          if (--this.depth < 0) fail(lt);
          handler.close?.(name);
          continue;
        }
        const selfClosing = xml.charCodeAt(close - 1) === 0x2f && close - 1 >= nameEnd;
        handler.open?.(name, xml.slice(nameEnd, selfClosing ? close - 1 : close), selfClosing);
        if (selfClosing) handler.close?.(name);
        else this.depth++;
      }
    }
    return end;
  }
}

/** Pieces are scanned once at least this many characters wait (an inflated chunk is often 16 to 64 K). */
const MIN_SCAN_CHARS = 256 * 1024;

/** The value of an attribute by its local name (`r:id` is found as "id"), decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  return attrMap(attrs)[name];
}

/**
 * Every attribute by its local name, decoded (one pass, for elements that need several). A plain character loop
 * rather than a regular expression: it runs for every cell of a sheet.
 */
export function attrMap(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  eachAttr(attrs, (name, value) => {
    out[name] = value;
  });
  return out;
}

/**
 * Hands each attribute to `visit` by its local name, decoded, in document order: for the element read most often
 * (a sheet's `<c>`, over a million of them), which then needs no object per element.
 */
export function eachAttr(attrs: string, visit: (name: string, value: string) => void): void {
  for (let i = 0, eq = attrs.indexOf('='); eq >= 0; eq = attrs.indexOf('=', i)) {
    let nameEnd = eq;
    while (nameEnd > i && isSpace(attrs.charCodeAt(nameEnd - 1))) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > i && !isSpace(attrs.charCodeAt(nameStart - 1))) nameStart--;
    let q = eq + 1;
    while (isSpace(attrs.charCodeAt(q))) q++;
    const quote = attrs[q];
    const close = quote === '"' || quote === "'" ? attrs.indexOf(quote, q + 1) : -1;
    if (nameStart === nameEnd || close < 0) {
      i = eq + 1;
      continue;
    }
    visit(localName(attrs.slice(nameStart, nameEnd)), decodeXmlText(attrs.slice(q + 1, close)));
    i = close + 1;
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlText(s: string): string {
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
