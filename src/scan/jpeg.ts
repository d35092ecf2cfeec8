/**
 * JPEG headers: walks the marker segments from SOI up to SOS (reading only APP0 JFIF, APP1 EXIF and SOF
 * bodies; other segments are skipped by their length), then looks for the EOI marker from the end of the file.
 */
import { ascii, standaloneBytes, u16 } from './bytes';
import { readExif, roundDpi } from './exif';
import { SCAN_MARKERS as MARKER } from '../rules/scans';
import type { ImageFacts } from './facts';
import type { SourceReader } from './source';

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const PROGRESSIVE = new Set([0xc2, 0xc6, 0xca, 0xce]);
/** Tail sizes searched for EOI, smallest first: most files end with it; HUAWEI phones append ~125 KB after it. */
const TAIL_STEPS = [4096, 256 * 1024];
const SCAN_CHUNK = 256 * 1024;
/**
 * Marker segments and fill bytes read before the image data. A real header has a few dozen (EXIF, ICC profile
 * chunks, XMP, thumbnails); a file of millions of tiny segments is crafted, and walking it would cost seconds.
 */
const MAX_HEADER_STEPS = 65_536;

const isExif = (b: Uint8Array) => b.length >= 6 && ascii(b, 0, 6) === 'Exif\0\0';

function lastEoi(b: Uint8Array): number {
  for (let i = b.length - 2; i >= 0; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return i;
  return -1;
}

/**
 * Where the image ends (the offset just after EOI), or -1. In entropy-coded data a 0xFF is always followed by
 * 0x00 or a restart marker, so an FF D9 found there is the EOI; in data after it any FF D9 still means the
 * image ended before. Only when the tail has none is the image data itself scanned (broken or unusual files).
 */
async function findImageEnd(reader: SourceReader, dataStart: number): Promise<number> {
  for (const step of TAIL_STEPS) {
    const from = Math.max(dataStart, reader.size - step);
    const i = lastEoi(await reader.bytes(from, reader.size - from));
    if (i >= 0) return from + i + 2;
    if (from === dataStart) return -1;
  }
  const tailFrom = reader.size - TAIL_STEPS[TAIL_STEPS.length - 1];
  for (let at = dataStart; at < tailFrom; at += SCAN_CHUNK - 1) {
    const chunk = await reader.bytes(at, Math.min(SCAN_CHUNK, tailFrom + 1 - at));
    for (let i = 0; i + 1 < chunk.length; i++) if (chunk[i] === 0xff && chunk[i + 1] === 0xd9) return at + i + 2;
  }
  return -1;
}

function jfifDensity(body: Uint8Array): { x: number; y: number } | undefined {
  if (body.length < 12 || ascii(body, 0, 5) !== 'JFIF\0') return undefined;
  const unit = body[7];
  const x = u16(body, 8);
  const y = u16(body, 10);
  // Unit 0 gives only the pixel aspect ratio, not a density.
  if ((unit !== 1 && unit !== 2) || x === 0 || y === 0) return undefined;
  const scale = unit === 2 ? 2.54 : 1;
  return { x: roundDpi(x * scale), y: roundDpi(y * scale) };
}

/**
 * The smallest plausible size of a baseline JPEG: every 8×8 luma block costs at least a DC code and an
 * end-of-block code (≥ 2 bits); half of that bound leaves room for unusual encoders. Progressive files can
 * code runs of empty blocks in a few bits, so they are not judged.
 */
function implausiblySmall(width: number, height: number, size: number, progressive: boolean): boolean {
  return !progressive && size < (width * height) / 512;
}

export async function inspectJpeg(reader: SourceReader): Promise<ImageFacts> {
  const markers: string[] = [];
  let jfif: { x: number; y: number } | undefined;
  let exifTiff: Uint8Array | undefined;
  let sof: { width: number; height: number; progressive: boolean } | undefined;
  let pos = 2;
  let dataStart = -1;
  for (let steps = 0; dataStart < 0; steps++) {
    if (steps === MAX_HEADER_STEPS) return { corrupt: `图像数据之前的文件头有超过 ${MAX_HEADER_STEPS} 个段,不是正常的 JPEG 文件` };
    const head = await reader.bytes(pos, 4);
    if (head.length < 4) return { corrupt: '文件在图像数据开始之前就结束了(文件不完整)' };
    if (head[0] !== 0xff) return { corrupt: `第 ${pos} 字节处不是 JPEG 段标记(文件已损坏)` };
    const marker = head[1];
    const standalone = standaloneBytes(marker);
    if (standalone) {
      pos += standalone;
      continue;
    }
    if (marker === 0xd9) return { corrupt: '图像数据开始之前就出现了结束标记(没有图像内容)' };
    const length = u16(head, 2);
    const end = pos + 2 + length;
    if (length < 2 || end > reader.size) return { corrupt: '文件头的段长度超出文件大小(文件不完整或已损坏)' };
    const bodyAt = pos + 4;
    if (marker === 0xe0 && !jfif) jfif = jfifDensity(await reader.bytes(bodyAt, Math.min(length - 2, 14)));
    else if (marker === 0xe1 && !exifTiff) {
      const start = await reader.bytes(bodyAt, 6);
      if (isExif(start)) exifTiff = (await reader.bytes(bodyAt, length - 2)).slice(6);
    } else if (SOF_MARKERS.has(marker) && !sof) {
      const body = await reader.bytes(bodyAt, 6);
      sof = { height: u16(body, 1), width: u16(body, 3), progressive: PROGRESSIVE.has(marker) };
    } else if (marker === 0xda) dataStart = end;
    pos = end;
  }
  if (!sof) return { corrupt: '缺少图像尺寸信息(SOF 段),无法解码' };

  const facts: ImageFacts = { width: sof.width, height: sof.height };
  const exif = exifTiff ? await readExif(exifTiff) : undefined;
  if (exif?.exif) facts.exif = exif.exif;
  // EXIF wins over JFIF: it is written with the rest of the device's facts by the device or the last editor,
  // while JFIF density is often an encoder default (72, 96, or 1:1 aspect).
  const density = exif?.dpi ? { ...exif.dpi, source: 'exif' as const } : jfif ? { ...jfif, source: 'jfif' as const } : undefined;
  if (density) facts.density = density;
  if (exif?.dpi && jfif && (exif.dpi.x !== jfif.x || exif.dpi.y !== jfif.y)) markers.push(MARKER.densityConflict);
  if (sof.width * sof.height > 0 && implausiblySmall(sof.width, sof.height, reader.size, sof.progressive)) markers.push(MARKER.implausibleSize);

  const imageEnd = await findImageEnd(reader, dataStart);
  if (imageEnd < 0) facts.corrupt = '找不到图像结束标记(EOI),文件不完整或已损坏';
  else if (imageEnd < reader.size && !isPadding(await reader.bytes(imageEnd, Math.min(17, reader.size - imageEnd)))) markers.push(MARKER.trailingData);
  if (sof.width === 0 || sof.height === 0) facts.corrupt = facts.corrupt ?? '图像宽度或高度为 0';
  if (markers.length) facts.markers = markers;
  return facts;
}

/** A few zero or newline bytes after EOI are common and not worth a marker (given at most 17 bytes). */
function isPadding(bytes: Uint8Array): boolean {
  return bytes.length <= 16 && bytes.every((b) => b === 0 || b === 0x0a || b === 0x0d);
}
