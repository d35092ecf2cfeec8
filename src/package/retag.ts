/**
 * The scan-density-tag fix (pure): a copy of a JPEG or PNG whose density tag says `dpi`, changing header bytes
 * only. JPEG: the JFIF APP0 density (a JFIF segment is inserted after SOI when the file has none and its EXIF
 * has no resolution) and the EXIF IFD0 XResolution, YResolution and ResolutionUnit where present. PNG: the pHYs
 * chunk (inserted after IHDR when absent) and an eXIf chunk's resolution where present. Everything from the
 * JPEG's SOS segment or the PNG's first IDAT chunk on is copied unchanged.
 */
import { crc32 } from '../common/crc32';
import { ascii, standaloneBytes, u16, u32 } from '../scan/bytes';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TAG_X_RESOLUTION = 0x011a;
const TAG_Y_RESOLUTION = 0x011b;
const TAG_RESOLUTION_UNIT = 0x0128;
const TYPE_SHORT = 3;
const TYPE_RATIONAL = 5;

function fail(why: string): never {
  throw new Error(`无法改写分辨率标记:${why}`);
}

/**
 * Sets IFD0's resolution in a TIFF block (EXIF) in place: RATIONAL dpi/1, unit inches. Returns whether the block
 * has an XResolution (a block without one is left alone).
 */
function retagTiff(tiff: Uint8Array, dpi: number): boolean {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') fail('EXIF 数据的字节序标记无效');
  const le = order === 'II';
  const ifd = view.getUint32(4, le);
  if (ifd + 2 > tiff.length) fail('EXIF 的 IFD0 超出数据范围');
  const count = view.getUint16(ifd, le);
  const entries: { tag: number; type: number; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (at + 12 > tiff.length) fail('EXIF 的 IFD0 超出数据范围');
    entries.push({ tag: view.getUint16(at, le), type: view.getUint16(at + 2, le), at });
  }
  if (!entries.some((e) => e.tag === TAG_X_RESOLUTION)) return false;
  for (const e of entries) {
    if (e.tag === TAG_X_RESOLUTION || e.tag === TAG_Y_RESOLUTION) {
      if (e.type !== TYPE_RATIONAL) fail('EXIF 的分辨率不是有理数类型');
      const value = view.getUint32(e.at + 8, le);
      if (value + 8 > tiff.length) fail('EXIF 的分辨率数值超出数据范围');
      view.setUint32(value, dpi, le);
      view.setUint32(value + 4, 1, le);
    } else if (e.tag === TAG_RESOLUTION_UNIT) {
      if (e.type !== TYPE_SHORT) fail('EXIF 的分辨率单位不是 SHORT 类型');
      view.setUint16(e.at + 8, 2, le); // inches
    }
  }
  return true;
}

/** An APP0 JFIF 1.01 segment giving `dpi` in both axes, no thumbnail. */
function jfifSegment(dpi: number): Uint8Array {
  const seg = new Uint8Array(18);
  seg.set([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, dpi >> 8, dpi & 0xff, dpi >> 8, dpi & 0xff, 0, 0]);
  return seg;
}

function retagJpeg(bytes: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  let jfif = false;
  let exifResolution = false;
  let pos = 2;
  for (;;) {
    if (pos + 4 > out.length || out[pos] !== 0xff) fail('JPEG 文件头结构无效');
    const marker = out[pos + 1];
    const standalone = standaloneBytes(marker);
    if (standalone) {
      pos += standalone;
      continue;
    }
    if (marker === 0xda) break; // SOS: the image data follows
    if (marker === 0xd9) fail('JPEG 在图像数据之前就结束了');
    const length = u16(out, pos + 2);
    const body = pos + 4;
    const end = pos + 2 + length;
    if (length < 2 || end > out.length) fail('JPEG 段长度超出文件大小');
    if (marker === 0xe0 && !jfif && length >= 16 && ascii(out, body, body + 5) === 'JFIF\0') {
      jfif = true;
      out.set([1, dpi >> 8, dpi & 0xff, dpi >> 8, dpi & 0xff], body + 7); // unit 1 = dots per inch, X, Y
    } else if (marker === 0xe1 && length >= 16 && ascii(out, body, body + 6) === 'Exif\0\0') {
      exifResolution = retagTiff(out.subarray(body + 6, end), dpi) || exifResolution;
    }
    pos = end;
  }
  if (jfif || exifResolution) return out;
  const inserted = new Uint8Array(out.length + 18);
  inserted.set(out.subarray(0, 2));
  inserted.set(jfifSegment(dpi), 2);
  inserted.set(out.subarray(2), 20);
  return inserted;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

function physData(dpi: number): Uint8Array {
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  const ppm = Math.round(dpi / 0.0254);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1; // unit: metre
  return data;
}

function retagPng(bytes: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let phys = false;
  let pos = 8;
  for (;;) {
    if (pos + 12 > out.length) fail('PNG 在图像数据之前就结束了');
    const length = u32(out, pos);
    const type = ascii(out, pos + 4, pos + 8);
    if (pos + 12 + length > out.length) fail(`PNG 数据块 ${type} 超出文件末尾`);
    if (type === 'IDAT' || type === 'IEND') break;
    const data = out.subarray(pos + 8, pos + 8 + length);
    let changed = false;
    if (type === 'pHYs') {
      if (length !== 9) fail('PNG 的 pHYs 数据块长度无效');
      data.set(physData(dpi));
      phys = changed = true;
    } else if (type === 'eXIf') changed = retagTiff(data, dpi);
    if (changed) view.setUint32(pos + 8 + length, crc32(out.subarray(pos + 4, pos + 8 + length)));
    pos += 12 + length;
  }
  if (phys) return out;
  // pHYs may go anywhere before the first IDAT: right after IHDR (8 + 25 bytes).
  const ihdrEnd = 8 + 12 + u32(out, 8);
  const chunk = pngChunk('pHYs', physData(dpi));
  const inserted = new Uint8Array(out.length + chunk.length);
  inserted.set(out.subarray(0, ihdrEnd));
  inserted.set(chunk, ihdrEnd);
  inserted.set(out.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return inserted;
}

/** A copy of the JPEG or PNG `bytes` tagged `dpi` (a whole number, 1–65535); throws (in Chinese) for other content. */
export function retagDensity(bytes: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(dpi) || dpi < 1 || dpi > 0xffff) fail(`分辨率 ${dpi} 无效`);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return retagJpeg(bytes, dpi);
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return retagPng(bytes, dpi);
  fail('不是 JPEG 或 PNG 文件');
}
