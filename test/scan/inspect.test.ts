/** Inspection of generated scans: the cases the corpus lacks (a clean A4 scan, 72 dpi, 12 MB, screenshots, truncation). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCAN_MARKERS, type ScanInfo } from '../../src/rules/scans';
import { blobSource } from '../../src/scan/blob-source';
import { inspectScan } from '../../src/scan/inspect';
import { closeFile, fileSource, openFile } from '../../src/scan/node-source';
import { type ByteSource, bytesSource } from '../../src/scan/source';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { endlessJpeg, tinySegmentJpeg } from '../../scripts/hostile-inputs';
import { makeJpeg, makePng } from '../../scripts/synth-images';
import { verdicts } from './verdicts';

const MB = 1024 * 1024;
const A4 = { width: 1654, height: 2339 }; // 210 × 297 mm at 200 dpi
const inspect = (name: string, bytes: Uint8Array) => inspectScan(name, bytesSource(bytes));
/** What inspection found, without how many bytes it read (a Blob is read in larger pieces than a file on disk). */
const facts = async (info: Promise<ScanInfo>) => {
  const { bytesRead, ...rest } = await info;
  expect(bytesRead).toBeGreaterThan(0);
  return rest;
};

describe('the generated images', () => {
  it('decode with ordinary decoders, metadata and padding included', () => {
    const j = jpeg.decode(makeJpeg({ width: 120, height: 90, dpi: 300, densityIn: 'both', exif: { make: 'Apple', gps: true }, padTo: 200_000 }));
    expect([j.width, j.height]).toEqual([120, 90]);
    const p = PNG.sync.read(Buffer.from(makePng({ width: 120, height: 90, dpi: 300, idot: true, software: 'x', padTo: 100_000 })));
    expect([p.width, p.height]).toEqual([120, 90]);
  });
});

describe('inspectScan on generated scans', () => {
  const a4 = makeJpeg({ ...A4, dpi: 200 });

  it('passes a 200-dpi A4 scan', async () => {
    const info = await inspect('身份证.jpg', a4);
    expect(info).toMatchObject({ format: 'jpeg', extension: 'jpg', size: a4.length, ...A4, density: { x: 200, y: 200, source: 'jfif' } });
    expect(info.corrupt).toBeUndefined();
    expect(info.exif).toBeUndefined();
    expect(verdicts([info], '身份证').get('身份证.jpg')).toEqual([]);
  });

  it('fails a 72-dpi scan', async () => {
    const info = await inspect('a.jpg', makeJpeg({ width: 595, height: 842, dpi: 72 }));
    expect(verdicts([info]).get('a.jpg')).toEqual(['scan-low-resolution']);
  });

  it('fails a 12 MB scan as too large, reading only its headers and tail', async () => {
    const big = makeJpeg({ width: 827, height: 1169, dpi: 300, padTo: 12 * MB });
    const info = await inspect('big.jpg', big);
    expect(info.size).toBe(12 * MB);
    expect(info.corrupt).toBeUndefined();
    expect(verdicts([info]).get('big.jpg')).toEqual(['scan-too-large']);
    // 192 COM segments are hopped over by their lengths: one small read each.
    expect(info.bytesRead).toBeLessThan(MB);
  });

  it('warns on a phone-screen-shaped PNG without density', async () => {
    const info = await inspect('截图.png', makePng({ width: 1170, height: 2532 }));
    expect(info).toMatchObject({ format: 'png', width: 1170, height: 2532 });
    expect(info.density).toBeUndefined();
    expect(verdicts([info]).get('截图.png')).toEqual(['scan-screenshot:warning']);
  });

  it('sees the iDOT chunk and the PNG density of a macOS screenshot', async () => {
    const info = await inspect('s.png', makePng({ width: 1440, height: 900, dpi: 144, idot: true }));
    expect(info.markers).toEqual([SCAN_MARKERS.appleIdot]);
    expect(info.density).toEqual({ x: 144, y: 144, source: 'png-phys' });
    // Pixels enough for a 户口本 page: a screenshot, not a resolution problem, and never retagged.
    expect(verdicts([info]).get('s.png')).toEqual(['scan-screenshot:warning']);
  });

  it('reads a PNG eXIf chunk', async () => {
    const info = await inspect('s.png', makePng({ width: 300, height: 200, exif: { software: 'Screenshot', make: 'Apple', gps: true } }));
    expect(info.exif).toEqual({ make: 'Apple', software: 'Screenshot', gps: true });
  });

  it('reads a tEXt Software entry as the software', async () => {
    const info = await inspect('s.png', makePng({ width: 300, height: 200, software: 'Snipaste' }));
    expect(info.exif).toEqual({ gps: false, software: 'Snipaste' });
  });

  it('reads EXIF density in centimetres, and prefers EXIF over JFIF when they disagree', async () => {
    const cm = await inspect('a.jpg', makeJpeg({ width: 300, height: 400, dpi: 300, densityIn: 'exif', densityUnit: 'cm' }));
    expect(cm.density).toEqual({ x: 300, y: 300, source: 'exif' }); // stored as 118.11 dots/cm
    const both = makeJpeg({ width: 300, height: 400, dpi: 200, densityIn: 'both' });
    expect((await inspect('b.jpg', both)).markers).toBeUndefined();
  });

  it('reads the camera facts of a phone photo', async () => {
    const info = await inspect('p.jpg', makeJpeg({ width: 400, height: 300, dpi: 72, densityIn: 'exif', noJfif: true, exif: { make: 'Xiaomi', model: 'Redmi Note 12', gps: true } }));
    expect(info.exif).toEqual({ make: 'Xiaomi', model: 'Redmi Note 12', gps: true });
    expect(verdicts([info]).get('p.jpg')).toEqual(['scan-low-resolution', 'scan-phone-photo']);
  });

  it('finds EOI before vendor data appended after the image, even past the tail window', async () => {
    for (const extra of [1000, 300 * 1024]) {
      const info = await inspect('t.jpg', makeJpeg({ width: 300, height: 400, dpi: 300, trailer: new Uint8Array(extra).fill(0x41) }));
      expect(info.corrupt).toBeUndefined();
      expect(info.markers).toEqual([SCAN_MARKERS.trailingData]);
    }
  });

  it('calls truncated files corrupt', async () => {
    expect((await inspect('t.jpg', a4.subarray(0, a4.length - 5000))).corrupt).toMatch(/结束标记/);
    expect((await inspect('t.jpg', a4.subarray(0, 300))).corrupt).toMatch(/不完整/);
    const png = makePng({ width: 200, height: 300 });
    expect((await inspect('t.png', png.subarray(0, png.length - 12))).corrupt).toMatch(/IEND/);
    expect((await inspect('t.png', png.subarray(0, 40))).corrupt).toMatch(/不完整/);
    expect((await inspect('e.jpg', new Uint8Array(0))).corrupt).toMatch(/为空/);
  });

  it('reads the same facts from bytes, a Blob and a file on disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xj-inspect-'));
    try {
      const bytes = makeJpeg({ width: 500, height: 700, dpi: 200, densityIn: 'both', exif: { make: 'Apple', model: 'iPhone 13', gps: true } });
      await writeFile(path.join(dir, 'x.jpg'), bytes);
      const fd = await openFile(path.join(dir, 'x.jpg'), constants.O_RDONLY);
      const fromFile = await inspectScan('x.jpg', fileSource(fd, bytes.length));
      closeFile(fd);
      expect(await facts(inspectScan('x.jpg', blobSource(new Blob([bytes.slice()]))))).toEqual(await facts(Promise.resolve(fromFile)));
      expect(await inspect('x.jpg', bytes)).toEqual(fromFile);
      expect(fromFile.fingerprint).toMatch(/^[0-9a-f]{14}$/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('reads a Blob by slices: ranges, the end of the file and large segments give the same facts', async () => {
    const bytes = makeJpeg({ width: 500, height: 700, dpi: 200, exif: { make: 'Canon', model: 'DR-C225' }, padTo: 1400 * 1024 });
    const blob = blobSource(new Blob([bytes.slice()]));
    const across = await blob.read(128 * 1024 - 10, 300);
    expect([...across]).toEqual([...bytes.subarray(128 * 1024 - 10, 128 * 1024 + 290)]);
    expect(await blob.read(bytes.length - 3, 100)).toHaveLength(3);
    expect(await blob.read(bytes.length, 100)).toHaveLength(0);
    // 1.4 MB of comment segments before the image size: 4 KB reads hop over them one by one; a Blob's larger reads
    // take in several at a time (each Blob read is a round trip).
    const reads = async (source: ByteSource) => {
      let n = 0;
      await inspectScan('x.jpg', { ...source, read: (offset, length) => (n++, source.read(offset, length)) });
      return n;
    };
    expect(await reads(bytesSource(bytes))).toBeGreaterThan(20);
    expect(await reads(blob)).toBeLessThan(10);
    // A file up to 1 MB is one read, its head and tail asked for at once included.
    const padded = makeJpeg({ width: 500, height: 700, dpi: 200, padTo: 450 * 1024 });
    expect(await reads(blobSource(new Blob([padded.slice()])))).toBe(1);
    expect(await reads(bytesSource(padded))).toBeGreaterThan(2);
    expect(await facts(inspectScan('x.jpg', blobSource(new Blob([bytes.slice()]))))).toEqual(await facts(inspect('x.jpg', bytes)));
    const png = makePng({ width: 300, height: 400, dpi: 200, padTo: 1300 * 1024 });
    const small = makeJpeg({ width: 300, height: 400, dpi: 200, padTo: 300 * 1024 });
    expect(await facts(inspectScan('s.jpg', blobSource(new Blob([small.slice()]))))).toEqual(await facts(inspect('s.jpg', small)));
    expect(await facts(inspectScan('x.png', blobSource(new Blob([png.slice()]))))).toEqual(await facts(inspect('x.png', png)));
  });

  it('reads a JPEG whose bulk lies before EOI (fill bytes, as the scans benchmark pads) with its head and tail only', async () => {
    const plain = makeJpeg({ width: 827, height: 1169, dpi: 200 });
    const bulky = makeJpeg({ width: 827, height: 1169, dpi: 200, padTo: 3 * MB, padIn: 'fill' });
    const info = await inspect('bulky.jpg', bulky);
    expect(info.size).toBe(3 * MB);
    // The same facts but the size and the fingerprint (which takes in the tail's bytes).
    const unsized = (i: typeof info) => ({ ...i, size: 0, bytesRead: 0, fingerprint: '' });
    expect(unsized(info)).toEqual(unsized(await inspect('bulky.jpg', plain)));
    expect(info.bytesRead).toBeLessThan(16 * 1024);
  });

  it('reads an 11 MB PNG with a few KB', async () => {
    const info = await inspect('big.png', makePng({ width: 400, height: 560, dpi: 300, padTo: 11 * MB }));
    expect(info.size).toBe(11 * MB);
    expect(info.corrupt).toBeUndefined();
    expect(info.bytesRead).toBeLessThan(16 * 1024);
  });
});

describe('crafted files cost no more than ordinary ones', () => {
  it('a JPEG header of millions of tiny segments is corrupt after a bounded walk', async () => {
    const info = await inspect('x.jpg', tinySegmentJpeg(9 * MB));
    expect(info.corrupt).toMatch(/超过 65536 个段/);
    expect(info.bytesRead).toBeLessThan(MB);
  });

  it('a PNG of a hundred thousand tiny chunks before its image data is corrupt after a bounded walk', async () => {
    const png = makePng({ width: 10, height: 10 });
    const chunk = [0, 0, 0, 0, 0x74, 0x45, 0x58, 0x74, 0, 0, 0, 0]; // an empty tEXt chunk (CRC not checked here)
    const many = new Uint8Array(png.length + 100_000 * 12);
    many.set(png.subarray(0, 33)); // signature and IHDR
    for (let i = 0; i < 100_000; i++) many.set(chunk, 33 + i * 12);
    many.set(png.subarray(33), 33 + 100_000 * 12);
    expect((await inspect('x.png', many)).corrupt).toMatch(/超过 65536 个数据块/);
  });

  it('a file over the size limit is not parsed: its format and size only, from its two ends', async () => {
    const info = await inspect('x.jpg', endlessJpeg(11 * MB));
    expect(info).toMatchObject({ format: 'jpeg', size: 11 * MB });
    expect(info.corrupt).toBeUndefined();
    expect(info.width).toBeUndefined();
    expect(info.bytesRead).toBeLessThanOrEqual(8192);
    // A policy with a higher limit parses it.
    expect((await inspectScan('x.jpg', bytesSource(endlessJpeg(11 * MB)), { maxBytes: 20 * MB })).corrupt).toBeDefined();
  });
});

describe('a source that fails to give its bytes', () => {
  it('makes the file unreadable, with the reason, instead of ending the run (a browser File changed on disk)', async () => {
    const failing = { size: 5000, read: () => Promise.reject(Object.assign(new Error('changed'), { name: 'NotReadableError' })) };
    expect(await inspectScan('张三/身份证.jpg', failing)).toEqual({ path: '张三/身份证.jpg', size: 5000, format: 'unknown', extension: 'jpg', unreadable: '读取失败(NotReadableError)' });
    const denied = { size: 5000, read: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })) };
    expect((await inspectScan('a.png', denied)).unreadable).toBe('没有读取权限');
  });
});
