/**
 * Synthetic scans for tests, benchmarks and the example package: a light page with dark text-like bars,
 * encoded with jpeg-js (JPEG) and node:zlib (PNG). The metadata (JFIF APP0, EXIF APP1, PNG pHYs, eXIf, tEXt,
 * iDOT and other chunks) is written here, so every density and camera case can be made on purpose. Large
 * files are made by padding (JPEG COM segments, a PNG tEXt chunk after IDAT) rather than by encoding huge
 * images. Encoded pages are cached by size, quality and noise, so padded variants cost no new encoding.
 */
import * as jpeg from 'jpeg-js';
import { deflateSync } from 'node:zlib';
import { concatBytes } from '../src/common/concat-bytes';
import { crc32 } from '../src/common/crc32';

export type Dpi = number | { x: number; y: number };

export interface ExifOptions {
  make?: string;
  model?: string;
  software?: string;
  /** Adds a GPS IFD with this position (or a default one when `true`). */
  gps?: boolean | { lat: number; lon: number };
}

export interface JpegOptions {
  width: number;
  height: number;
  /** Density; omitted means none is written (JFIF still says "aspect 1:1" when written to JFIF). */
  dpi?: Dpi;
  /** Where the density goes: the JFIF APP0 segment (default), the EXIF IFD0, or both. */
  densityIn?: 'jfif' | 'exif' | 'both';
  /** Unit of the written density: inches (default) or centimetres. */
  densityUnit?: 'inch' | 'cm';
  /** Leave out the JFIF APP0 segment entirely (as phones often do). */
  noJfif?: boolean;
  exif?: ExifOptions;
  /** Pad up to this total byte size, with COM segments after the metadata (default) or `padIn: 'fill'`. */
  padTo?: number;
  /**
   * Where the padding goes: COM segments before the frame header, or fill bytes (0xFF, which ITU-T T.81 B.1.1.2
   * lets precede any marker) just before EOI, where a real scan's bulk, its entropy-coded data, lies.
   */
  padIn?: 'comments' | 'fill';
  /** A COM segment with this text after the metadata: distinct bytes for one cached page (tests need files that differ). */
  comment?: string;
  /** Bytes appended after EOI (vendor trailers). */
  trailer?: Uint8Array;
  quality?: number;
  /** Paper grain: pixel noise of this amplitude (0–255), which makes files bigger the way real scans are. */
  noise?: number;
}

export interface PngOptions {
  width: number;
  height: number;
  /** Density written as pHYs (pixels per metre); omitted means no pHYs. */
  dpi?: Dpi;
  /** Add Apple's iDOT chunk (macOS screenshots carry it). */
  idot?: boolean;
  /** A tEXt "Software" entry. */
  software?: string;
  /** An eXIf chunk with these camera tags (before IDAT, where inspection reads it). */
  exif?: ExifOptions;
  /** Other chunks, inserted before IDAT. */
  chunks?: { type: string; data: Uint8Array }[];
  /** Pad with a tEXt chunk (after IDAT) up to this total byte size. */
  padTo?: number;
  /** Paper grain, as for makeJpeg. */
  noise?: number;
}

function dpiXY(dpi: Dpi): { x: number; y: number } {
  return typeof dpi === 'number' ? { x: dpi, y: dpi } : dpi;
}

/** RGBA pixels of a light page with rows of dark bars, like lines of text. Cheap to encode unless noise is asked for. */
function pagePixels(width: number, height: number, noise = 0): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  data.fill(246);
  let seed = 12345;
  const grain = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff; // deterministic, so generated files are reproducible
    return Math.round(((seed / 0x7fffffff) - 0.5) * noise);
  };
  const line = Math.max(4, Math.round(height / 40));
  const margin = Math.round(width / 10);
  for (let y = 0; y < height; y++) {
    const inBar = y % line < line / 2 && y > line && y < height - line;
    const row = Math.floor(y / line);
    const end = width - margin - ((row * 37) % Math.max(1, Math.round(width / 3)));
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (inBar && x >= margin && x < end && x % 23 !== 0) {
        data[i] = data[i + 1] = data[i + 2] = 40;
      }
      if (noise) data[i] = data[i + 1] = data[i + 2] = Math.max(0, Math.min(255, data[i] + grain()));
      data[i + 3] = 255;
    }
  }
  return data;
}


function ascii(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function segment(marker: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  out[0] = 0xff;
  out[1] = marker;
  out[2] = (body.length + 2) >> 8;
  out[3] = (body.length + 2) & 0xff;
  out.set(body, 4);
  return out;
}

function jfifBody(dpi: Dpi | undefined, unit: 'inch' | 'cm'): Uint8Array {
  const b = new Uint8Array(14);
  b.set(ascii('JFIF\0'), 0);
  b[5] = 1;
  b[6] = 1;
  const d = dpi === undefined ? { x: 1, y: 1 } : dpiXY(dpi);
  const scale = unit === 'cm' ? 1 / 2.54 : 1;
  const x = Math.round(d.x * scale);
  const y = Math.round(d.y * scale);
  b[7] = dpi === undefined ? 0 : unit === 'cm' ? 2 : 1;
  b[8] = x >> 8;
  b[9] = x & 0xff;
  b[10] = y >> 8;
  b[11] = y & 0xff;
  return b;
}

type IfdValue = { tag: number; type: 2 | 3 | 4 | 5 | 1; values: number[] | string };

/** A little-endian TIFF structure: IFD0 and an optional GPS IFD. */
function tiff(ifd0: IfdValue[], gps: IfdValue[] | undefined): Uint8Array {
  const typeSize: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8 };
  const count = (e: IfdValue) => (typeof e.values === 'string' ? e.values.length + 1 : e.type === 5 ? e.values.length / 2 : e.values.length);
  const dataSize = (e: IfdValue) => count(e) * typeSize[e.type];
  const ifdSize = (entries: IfdValue[]) => 2 + entries.length * 12 + 4;
  const extra = (entries: IfdValue[]) => entries.reduce((n, e) => n + (dataSize(e) > 4 ? dataSize(e) + (dataSize(e) % 2) : 0), 0);
  const gpsPointer: IfdValue = { tag: 0x8825, type: 4, values: [0] };
  const first = gps ? [...ifd0, gpsPointer].sort((a, b) => a.tag - b.tag) : [...ifd0].sort((a, b) => a.tag - b.tag);
  const firstSize = ifdSize(first) + extra(first);
  const total = 8 + firstSize + (gps ? ifdSize(gps) + extra(gps) : 0);
  const buf = new Uint8Array(total);
  const view = new DataView(buf.buffer);
  buf.set([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
  if (gps) gpsPointer.values = [8 + firstSize];

  const writeIfd = (entries: IfdValue[], at: number) => {
    view.setUint16(at, entries.length, true);
    let dataAt = at + ifdSize(entries);
    entries.forEach((e, i) => {
      const p = at + 2 + i * 12;
      view.setUint16(p, e.tag, true);
      view.setUint16(p + 2, e.type, true);
      view.setUint32(p + 4, count(e), true);
      const size = dataSize(e);
      const target = size > 4 ? dataAt : p + 8;
      if (size > 4) {
        view.setUint32(p + 8, dataAt, true);
        dataAt += size + (size % 2);
      }
      if (typeof e.values === 'string') buf.set(ascii(e.values), target);
      else
        e.values.forEach((v, k) => {
          if (e.type === 1) view.setUint8(target + k, v);
          else if (e.type === 3) view.setUint16(target + k * 2, v, true);
          else view.setUint32(target + k * 4, v, true);
        });
    });
    view.setUint32(at + 2 + entries.length * 12, 0, true);
  };
  writeIfd(first, 8);
  if (gps) writeIfd(gps, 8 + firstSize);
  return buf;
}

function rational(v: number): number[] {
  return [Math.round(v * 100), 100];
}

function degrees(v: number): number[] {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = (a - d - m / 60) * 3600;
  return [d, 1, m, 1, Math.round(s * 100), 100];
}

/** The TIFF bytes of an EXIF block with the given camera tags and density; undefined when there is nothing to write. */
function exifTiff(exif: ExifOptions | undefined, dpi: Dpi | undefined, unit: 'inch' | 'cm' = 'inch'): Uint8Array | undefined {
  const ifd0: IfdValue[] = [];
  if (exif?.make) ifd0.push({ tag: 0x010f, type: 2, values: exif.make });
  if (exif?.model) ifd0.push({ tag: 0x0110, type: 2, values: exif.model });
  if (dpi !== undefined) {
    const d = dpiXY(dpi);
    const scale = unit === 'cm' ? 1 / 2.54 : 1;
    ifd0.push({ tag: 0x011a, type: 5, values: rational(d.x * scale) });
    ifd0.push({ tag: 0x011b, type: 5, values: rational(d.y * scale) });
    ifd0.push({ tag: 0x0128, type: 3, values: [unit === 'cm' ? 3 : 2] });
  }
  if (exif?.software) ifd0.push({ tag: 0x0131, type: 2, values: exif.software });
  let gps: IfdValue[] | undefined;
  if (exif?.gps) {
    const pos = exif.gps === true ? { lat: 39.9042, lon: 116.4074 } : exif.gps;
    gps = [
      { tag: 0x0000, type: 1, values: [2, 3, 0, 0] },
      { tag: 0x0001, type: 2, values: pos.lat >= 0 ? 'N' : 'S' },
      { tag: 0x0002, type: 5, values: degrees(pos.lat) },
      { tag: 0x0003, type: 2, values: pos.lon >= 0 ? 'E' : 'W' },
      { tag: 0x0004, type: 5, values: degrees(pos.lon) },
    ];
  }
  if (ifd0.length === 0 && !gps) return undefined;
  return tiff(ifd0, gps);
}

/** COM segments holding `bytes` bytes in total (each segment at most 65535 bytes with its header). */
function padding(bytes: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let left = bytes;
  while (left >= 5) {
    const body = Math.min(left - 4, 65533);
    out.push(segment(0xfe, new Uint8Array(body).fill(0x20)));
    left -= body + 4;
  }
  return out;
}

const encodedPages = new Map<string, Uint8Array>();

/** jpeg-js output with its own APP0 removed: [SOI, everything after it]. Cached by size and quality. */
function encodedPage(width: number, height: number, quality: number, noise: number): Uint8Array {
  const key = `${width}x${height}q${quality}n${noise}`;
  let bytes = encodedPages.get(key);
  if (!bytes) {
    const out = jpeg.encode({ data: pagePixels(width, height, noise), width, height }, quality).data;
    bytes = new Uint8Array(out.buffer, out.byteOffset, out.length);
    // jpeg-js writes SOI then a JFIF APP0 (density 1:1, no unit); drop that APP0 so ours is the only one.
    if (bytes[2] === 0xff && bytes[3] === 0xe0) {
      const len = (bytes[4] << 8) | bytes[5];
      bytes = concatBytes([bytes.subarray(0, 2), bytes.subarray(4 + len)]);
    }
    encodedPages.set(key, bytes);
  }
  return bytes;
}

export function makeJpeg(opts: JpegOptions): Uint8Array {
  const unit = opts.densityUnit ?? 'inch';
  const where = opts.densityIn ?? 'jfif';
  const body = encodedPage(opts.width, opts.height, opts.quality ?? 60, opts.noise ?? 0);
  const head: Uint8Array[] = [body.subarray(0, 2)];
  if (!opts.noJfif) head.push(segment(0xe0, jfifBody(where === 'exif' ? undefined : opts.dpi, unit)));
  const exif = exifTiff(opts.exif, where === 'jfif' ? undefined : opts.dpi, unit);
  if (exif) head.push(segment(0xe1, concatBytes([ascii('Exif\0\0'), exif])));
  if (opts.comment) head.push(segment(0xfe, ascii(opts.comment)));
  const rest = body.subarray(2);
  const trailer = opts.trailer ?? new Uint8Array(0);
  const size = head.reduce((n, p) => n + p.length, 0) + rest.length + trailer.length;
  const padBytes = opts.padTo && opts.padTo > size ? opts.padTo - size : 0;
  if (opts.padIn === 'fill' && padBytes > 0)
    return concatBytes([...head, rest.subarray(0, rest.length - 2), new Uint8Array(padBytes).fill(0xff), rest.subarray(rest.length - 2), trailer]);
  return concatBytes([...head, ...padding(padBytes), rest, trailer]);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function physData(dpi: Dpi): Uint8Array {
  const d = dpiXY(dpi);
  const out = new Uint8Array(9);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.round(d.x / 0.0254));
  view.setUint32(4, Math.round(d.y / 0.0254));
  out[8] = 1;
  return out;
}

/** The fixed-size part of Apple's iDOT chunk (its content is undocumented; the inspector only needs its presence). */
const IDOT_DATA = new Uint8Array([0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0x28, 0, 0, 0, 0x40, 0, 0, 0, 0x40, 0, 0, 0x2a, 0x40, 0, 0, 0x2a, 0x40]);

const deflatedPages = new Map<string, Uint8Array>();

/** RGB rows, each with filter byte 0, deflated: the IDAT content. Cached by size and noise. (pngjs's encoder is far too slow under jest.) */
function pngImageData(width: number, height: number, noise: number): Uint8Array {
  const key = `${width}x${height}n${noise}`;
  const cached = deflatedPages.get(key);
  if (cached) return cached;
  const rgba = pagePixels(width, height, noise);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      raw.set(rgba.subarray(from, from + 3), row + 1 + x * 3);
    }
  }
  const deflated = deflateSync(raw);
  deflatedPages.set(key, deflated);
  return deflated;
}

export function makePng(opts: PngOptions): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, opts.width);
  view.setUint32(4, opts.height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method variant, not interlaced
  const parts: Uint8Array[] = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)];
  if (opts.dpi !== undefined) parts.push(pngChunk('pHYs', physData(opts.dpi)));
  if (opts.software) parts.push(pngChunk('tEXt', ascii(`Software\0${opts.software}`)));
  const exif = exifTiff(opts.exif, undefined);
  if (exif) parts.push(pngChunk('eXIf', exif));
  if (opts.idot) parts.push(pngChunk('iDOT', IDOT_DATA));
  for (const c of opts.chunks ?? []) parts.push(pngChunk(c.type, c.data));
  parts.push(pngChunk('IDAT', pngImageData(opts.width, opts.height, opts.noise ?? 0)));
  const size = parts.reduce((n, p) => n + p.length, 0) + 12;
  if (opts.padTo && opts.padTo - size >= 12 + 9) {
    parts.push(pngChunk('tEXt', concatBytes([ascii('Comment\0'), new Uint8Array(opts.padTo - size - 12 - 8).fill(0x20)])));
  }
  parts.push(pngChunk('IEND', new Uint8Array(0)));
  return concatBytes(parts);
}
