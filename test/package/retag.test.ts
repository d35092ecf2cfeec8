/**
 * The scan-density-tag fix: a retagged copy inspects with the new density, keeps every other fact, and its image
 * data (a JPEG from SOS on, a PNG from the first IDAT on) is byte for byte the original's; decoded pixels too.
 * Run on generated scans of every header layout and on every sound JPEG and PNG of the shared corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { retagDensity } from '../../src/package/retag';
import { SCAN_MARKERS } from '../../src/rules/scans';
import { u16, u32 } from '../../src/scan/bytes';
import { inspectScan } from '../../src/scan/inspect';
import { bytesSource } from '../../src/scan/source';
import { makeJpeg, makePng } from '../../scripts/synth-images';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

const inspect = (name: string, bytes: Uint8Array) => inspectScan(name, bytesSource(bytes));

/** Where the image data starts: the JPEG's SOS marker, the PNG's first IDAT chunk (walked independently of retag.ts). */
function imageDataAt(b: Uint8Array): number {
  if (b[0] === 0xff) {
    let pos = 2;
    while (!(b[pos] === 0xff && b[pos + 1] === 0xda)) pos += b[pos + 1] === 0xff ? 1 : 2 + u16(b, pos + 2);
    return pos;
  }
  let pos = 8;
  while (String.fromCharCode(...b.subarray(pos + 4, pos + 8)) !== 'IDAT') pos += 12 + u32(b, pos);
  return pos;
}

function expectSameImageData(before: Uint8Array, after: Uint8Array): void {
  const a = before.subarray(imageDataAt(before));
  const b = after.subarray(imageDataAt(after));
  expect(b.length).toBe(a.length);
  expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
}

describe('retagDensity on generated scans', () => {
  it.each([
    ['JFIF 96 dpi (a 高拍仪)', { dpi: 96 }, 'jfif', 0],
    ['EXIF 72 dpi only, no JFIF (a camera-like device)', { dpi: 72, densityIn: 'exif', noJfif: true, exif: { make: 'Eloam', model: 'S1000' } }, 'exif', 0],
    ['EXIF in dots per cm', { dpi: 72, densityIn: 'exif', densityUnit: 'cm' }, 'exif', 0],
    ['JFIF and EXIF both 72 dpi', { dpi: 72, densityIn: 'both', exif: { make: 'Eloam' } }, 'exif', 0],
    ['JFIF aspect only (no unit)', {}, 'jfif', 0],
    ['no density anywhere: a JFIF segment is inserted', { noJfif: true }, 'jfif', 18],
  ] as const)('JPEG, %s', async (_name, opts, source, grown) => {
    const before = makeJpeg({ width: 320, height: 240, ...opts });
    const after = retagDensity(before, 572);
    expect(after.length).toBe(before.length + grown);
    const a = await inspect('a.jpg', before);
    const b = await inspect('a.jpg', after);
    expect(b.density).toEqual({ x: 572, y: 572, source });
    expect(b.markers ?? []).not.toContain(SCAN_MARKERS.densityConflict);
    expect({ ...b, density: a.density, fingerprint: a.fingerprint, size: a.size, bytesRead: a.bytesRead }).toEqual({ ...a, markers: b.markers });
    expectSameImageData(before, after);
    expect(Buffer.from(jpeg.decode(after).data).equals(Buffer.from(jpeg.decode(before).data))).toBe(true);
    expect(before).toEqual(makeJpeg({ width: 320, height: 240, ...opts })); // the input is not touched
  });

  it.each([
    ['pHYs 72 dpi', { dpi: 72 }, 0],
    ['no pHYs: one is inserted after IHDR', {}, 21],
    ['a tEXt Software entry and an eXIf chunk stay as they are', { software: 'ScanSoft', exif: { make: 'Eloam', model: 'S1000' } }, 21],
  ] as const)('PNG, %s', async (_name, opts, grown) => {
    const before = makePng({ width: 320, height: 240, ...opts });
    const after = retagDensity(before, 283);
    expect(after.length).toBe(before.length + grown);
    const a = await inspect('a.png', before);
    const b = await inspect('a.png', after);
    expect(b.density).toEqual({ x: 283, y: 283, source: 'png-phys' });
    expect(b.corrupt).toBeUndefined();
    expect(b.exif).toEqual(a.exif);
    expectSameImageData(before, after);
    expect(PNG.sync.read(Buffer.from(after)).data.equals(PNG.sync.read(Buffer.from(before)).data)).toBe(true);
  });

  it('refuses what it cannot retag, in Chinese', () => {
    expect(() => retagDensity(new TextEncoder().encode('%PDF-1.7 ...'), 300)).toThrow('无法改写分辨率标记:不是 JPEG 或 PNG 文件');
    expect(() => retagDensity(makePng({ width: 8, height: 8 }), 0)).toThrow(/分辨率 0 无效/);
    expect(() => retagDensity(makeJpeg({ width: 8, height: 8 }).subarray(0, 30), 300)).toThrow(/无法改写分辨率标记/);
  });
});

const present = existsSync(path.join(CORPUS, 'MANIFEST.tsv'));
if (!present) console.warn(`跳过语料重标分辨率测试:找不到 ${CORPUS}`);

(present ? describe : describe.skip)('retagDensity on the real JPEG and PNG files of the shared corpus', () => {
  const listed = present
    ? readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0])
        .filter((p) => p?.startsWith('images/'))
    : [];

  it('retags every sound one: the new density, the same facts, the same image data', async () => {
    let retagged = 0;
    for (const rel of listed) {
      const before = new Uint8Array(readFileSync(path.join(CORPUS, rel)));
      const a = await inspect(rel, before);
      if ((a.format !== 'jpeg' && a.format !== 'png') || a.corrupt || a.markers?.includes(SCAN_MARKERS.appleCgbi)) continue;
      const after = retagDensity(before, 300);
      const b = await inspect(rel, after);
      // progressive_1x2_orient8_jfif300_exif72.jpg: JFIF and EXIF disagreed; both say 300 now.
      const conflict = b.markers?.includes(SCAN_MARKERS.densityConflict) ?? false;
      expect({ rel, density: b.density && [b.density.x, b.density.y], width: b.width, height: b.height, exif: b.exif, corrupt: b.corrupt, conflict }).toEqual({
        rel, density: [300, 300], width: a.width, height: a.height, exif: a.exif, corrupt: undefined, conflict: false,
      });
      expectSameImageData(before, after);
      retagged++;
    }
    // Phones' big- and little-endian EXIF, Photoshop, progressive and CMYK JPEGs, PngSuite and screenshot PNGs.
    expect(retagged).toBe(44);
  });
});
