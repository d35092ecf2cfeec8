/**
 * A ZIP of parts held in memory, each deflated with the platform's `CompressionStream` (Node 20 and browsers),
 * written with the package writer's ZIP records: no ZIP library in the add-in or the CLI.
 */
import { crc32 } from '../../common/crc32';
import { deflateRaw } from '../../package/entry-data';
import { METHOD_DEFLATE, ZipDirectory } from '../../package/zip-format';

export interface ZipPart {
  /** An ASCII path such as "xl/workbook.xml". */
  name: string;
  text: string;
}

export async function zipParts(parts: ZipPart[], modified: Date): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new ZipDirectory(modified);
  const encoder = new TextEncoder();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (const part of parts) {
    const raw = encoder.encode(part.text);
    const data = await deflateRaw(raw);
    const facts = { directory: false, method: METHOD_DEFLATE, crc: crc32(raw), compressedSize: data.length, size: raw.length } as const;
    chunks.push(zip.add({ name: encoder.encode(part.name), utf8: false, ...facts }), data);
  }
  chunks.push(zip.finish());
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
