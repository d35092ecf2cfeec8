/**
 * PNG headers: walks the chunks from the signature up to the first IDAT by their lengths (reading only IHDR,
 * pHYs, eXIf and a tEXt Software entry, whose CRCs are checked), then checks the file ends with IEND.
 * Image data is not read, so a bad CRC inside IDAT goes unnoticed; truncation does not (IEND is lost).
 */
import { crc32 } from '../common/crc32';
import { ascii, u32 } from './bytes';
import { readExif, roundDpi } from './exif';
import { SCAN_MARKERS as MARKER } from '../rules/scans';
import type { ImageFacts } from './facts';
import type { SourceReader } from './source';

const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const MAX_EXIF = 1024 * 1024;
const MAX_TEXT = 4096;
/** Valid bit depths per colour type (PNG spec, IHDR). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Reads a chunk's data and checks its CRC; undefined when the CRC is wrong. */
async function chunkData(reader: SourceReader, pos: number, length: number): Promise<Uint8Array | undefined> {
  const whole = await reader.bytes(pos + 4, length + 8);
  return crc32(whole.subarray(0, length + 4)) === u32(whole, length + 4) ? whole.slice(4, 4 + length) : undefined;
}

async function endsWithIend(reader: SourceReader): Promise<'end' | 'trailing' | 'missing'> {
  const from = Math.max(8, reader.size - 4096);
  const tail = await reader.bytes(from, reader.size - from);
  if (tail.length >= 12 && IEND.every((b, i) => tail[tail.length - 12 + i] === b)) return 'end';
  for (let i = tail.length - 12; i >= 0; i--) if (IEND.every((b, k) => tail[i + k] === b)) return 'trailing';
  return 'missing';
}

/** Chunks read before IDAT at most (the JPEG inspector has the same bound on its segments). */
const MAX_HEADER_CHUNKS = 65_536;

export async function inspectPng(reader: SourceReader, damagedSignature: boolean): Promise<ImageFacts> {
  if (damagedSignature) return { corrupt: 'PNG 文件头(签名)已损坏,常见于按文本方式传输过的文件' };
  const markers: string[] = [];
  const facts: ImageFacts = {};
  let phys: { x: number; y: number } | undefined;
  let exif: Awaited<ReturnType<typeof readExif>>;
  let software: string | undefined;
  let bitsPerPixel = 0;
  let pos = 8;
  let first = true;
  for (let steps = 0; ; steps++) {
    // Real files have a handful of chunks before the image data; a file of a million tiny ones is crafted.
    if (steps === MAX_HEADER_CHUNKS) return { ...facts, corrupt: `图像数据之前有超过 ${MAX_HEADER_CHUNKS} 个数据块,不是正常的 PNG 文件` };
    const head = await reader.bytes(pos, 8);
    if (head.length < 8) return { ...facts, corrupt: '文件在图像数据之前就结束了(文件不完整)' };
    const length = u32(head, 0);
    const type = ascii(head, 4, 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return { ...facts, corrupt: `第 ${pos} 字节处的数据块结构已损坏` };
    if (pos + 12 + length > reader.size) return { ...facts, corrupt: `数据块 ${type} 超出文件末尾(文件不完整)` };
    if (type === 'CgBI') {
      if (!markers.includes(MARKER.appleCgbi)) markers.push(MARKER.appleCgbi);
    }
    else if (first) {
      if (type !== 'IHDR' || length !== 13) return { corrupt: '缺少 IHDR 文件头块' };
      const ihdr = await chunkData(reader, pos, length);
      if (!ihdr) return { corrupt: 'IHDR 文件头块校验和错误(文件已损坏)' };
      facts.width = u32(ihdr, 0);
      facts.height = u32(ihdr, 4);
      const depth = ihdr[8];
      const colour = ihdr[9];
      if (!DEPTHS[colour]) return { ...facts, corrupt: `颜色类型 ${colour} 无效(文件已损坏)` };
      if (!DEPTHS[colour].includes(depth)) return { ...facts, corrupt: `位深 ${depth} 无效(文件已损坏)` };
      if (facts.width === 0 || facts.height === 0) return { ...facts, corrupt: '图像宽度或高度为 0' };
      bitsPerPixel = depth * CHANNELS[colour];
      first = false;
    } else if (type === 'pHYs' && length === 9) {
      const d = await chunkData(reader, pos, length);
      // Unit 1 is pixels per metre; unit 0 gives only the pixel aspect ratio.
      if (d && d[8] === 1 && u32(d, 0) > 0 && u32(d, 4) > 0) phys = { x: roundDpi(u32(d, 0) * 0.0254), y: roundDpi(u32(d, 4) * 0.0254) };
    } else if (type === 'eXIf' && length <= MAX_EXIF) {
      const d = await chunkData(reader, pos, length);
      if (d) exif = await readExif(d);
    } else if (type === 'tEXt' && length <= MAX_TEXT) {
      const d = await chunkData(reader, pos, length);
      const sep = d ? d.indexOf(0) : -1;
      if (d && sep > 0 && ascii(d, 0, sep) === 'Software')
        software = new TextDecoder('latin1').decode(d.subarray(sep + 1)).trim() || undefined;
    } else if (type === 'iDOT') {
      if (!markers.includes(MARKER.appleIdot)) markers.push(MARKER.appleIdot);
    }
    else if (type === 'IDAT') break;
    else if (type === 'IEND') return { ...facts, corrupt: '缺少图像数据块(IDAT)' };
    pos += 12 + length;
  }

  if (exif?.exif) facts.exif = exif.exif;
  if (software && !facts.exif?.software) facts.exif = { gps: false, ...facts.exif, software };
  // pHYs is the PNG's own density; EXIF resolution counts only without it.
  if (phys) facts.density = { ...phys, source: 'png-phys' };
  else if (exif?.dpi) facts.density = { ...exif.dpi, source: 'exif' };
  // Deflate cannot shrink data more than about 1032:1; half of that bound flags a forged header.
  const raw = facts.height! * (1 + Math.ceil((facts.width! * bitsPerPixel) / 8));
  if (reader.size < raw / 2064) markers.push(MARKER.implausibleSize);
  const end = await endsWithIend(reader);
  if (end === 'missing') facts.corrupt = '缺少结束块(IEND),文件不完整';
  if (end === 'trailing') markers.push(MARKER.trailingData);
  if (markers.length) facts.markers = markers;
  return facts;
}
