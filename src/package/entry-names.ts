/**
 * Entry names as bytes: UTF-8 (flagged, the default) or GBK for old Windows unzip tools that read names in the
 * system code page. The GBK table is built from the platform's own decoder (`TextDecoder('gbk')`, in Node 20 and
 * every browser) over the double-byte range, so no encoding library ships with the add-in.
 */

export type NameEncoding = 'utf8' | 'gbk';

export const NAME_ENCODINGS: readonly NameEncoding[] = ['utf8', 'gbk'];

let gbkTable: Map<string, number> | null = null;

/** Character → its two GBK bytes (lead << 8 | trail); the first pair the decoder maps to a character wins. */
function gbkEncoder(): Map<string, number> {
  if (gbkTable) return gbkTable;
  const decoder = new TextDecoder('gbk', { fatal: false });
  const table = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  gbkTable = table;
  return table;
}

/** The characters of `name` that GBK cannot encode (empty when it can). */
export function gbkUnencodable(name: string): string[] {
  const table = gbkEncoder();
  return [...new Set([...name].filter((ch) => ch.charCodeAt(0) >= 0x80 && !table.has(ch)))];
}

export function encodeEntryName(name: string, encoding: NameEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf8') return new TextEncoder().encode(name);
  const table = gbkEncoder();
  const out: number[] = [];
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const two = table.get(ch);
    if (two === undefined) throw new Error(`“${ch}”无法用 GBK 编码(文件名 ${name})`);
    out.push(two >> 8, two & 0xff);
  }
  return Uint8Array.from(out);
}
