/**
 * Every image of the shared corpus (real camera, phone, scanner and screenshot files, PngSuite, broken and
 * mislabelled files) through the inspector and the scan rules, with the verdict expected for each.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImageFormat, ScanInfo } from '../../src/rules/scans';
import { inspectFile } from '../../src/scan/node-folder';
import { verdicts } from './verdicts';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

// Verdicts as a 户口本 page (105 × 143 mm): enough pixels from 826 × 1125 on, whatever the density tag says.
const LOW = 'scan-low-resolution';
const TAG = 'scan-density-tag:warning'; // enough pixels, a density tag below 200 dpi or none: retagged in the package
const PHONE = 'scan-phone-photo';
const SHOT = 'scan-screenshot:warning';
const FORMAT = 'scan-format';
const CORRUPT = 'scan-corrupt';

type Expected = [format: ImageFormat, corrupt: boolean, dpi: number | null, verdicts: string[]];

const EXPECTED: Record<string, Expected> = {
  // Phones: an error whatever the density; their pixels are enough except for the small ones.
  'images/jpeg-exif/apple_iphone4_gps.jpg': ['jpeg', false, 72, [PHONE]],
  'images/jpeg-exif/apple_iphone5_orient3_gps.jpg': ['jpeg', false, 72, [PHONE]],
  'images/jpeg-exif/google_pixel_hdrplus.jpg': ['jpeg', false, 72, [LOW, PHONE]],
  'images/jpeg-exif/huawei_mate70pro_300x100.jpg': ['jpeg', false, 96, [LOW, PHONE]],
  'images/jpeg-exif/huawei_pura80_jfif96.jpg': ['jpeg', false, 96, [PHONE]],
  // ~125 KB of HUAWEI data after EOI is not corruption; EXIF 72 wins over JFIF 96.
  'images/jpeg-exif/huawei_stk-lx1_trailing_data.jpg': ['jpeg', false, 72, [PHONE]],
  'images/jpeg-exif/oppo_r7plus_gps.jpg': ['jpeg', false, 72, [PHONE]],
  'images/jpeg-exif/samsung_sm-j327t1_orient6.jpg': ['jpeg', false, 72, [PHONE]],
  'images/jpeg-exif/xiaomi_mi9t_orient6_gps.jpg': ['jpeg', false, 72, [PHONE]],
  // JFIF says aspect only; EXIF says 300 dpi: the phone is the problem, never the density.
  'images/jpeg-exif/samsung_sm-g930f_gps.jpg': ['jpeg', false, 300, [PHONE]],
  // A camera (not a phone maker) with a GPS position; 94 dots/cm = 238.8 dpi.
  'images/jpeg-exif/canon_600d_lightroom_94dpcm.jpg': ['jpeg', false, 238.8, [LOW, PHONE]],
  'images/jpeg-exif/kodak_film_scanner_hr200.jpg': ['jpeg', false, 256, []],
  // Its GPS block has no position, so it is not location data.
  'images/jpeg-exif/nikon_d300_progressive_300dpi.jpeg': ['jpeg', false, 300, [LOW]],
  'images/jpeg-exif/photoshop_cs2_600dpi.jpg': ['jpeg', false, 600, [LOW]],
  'images/jpeg-exif/photoshop_cs3_200dpi.jpg': ['jpeg', false, 200, [LOW]],
  // JFIF 300 dpi against EXIF 72 dpi: EXIF wins (1×2 pixels: too few whatever the tag).
  'images/jpeg-exif/progressive_1x2_orient8_jfif300_exif72.jpg': ['jpeg', false, 72, [LOW]],
  // Screen-sized (1600×900), but a Make is present: rendered, not a screenshot by our signs; enough pixels at 72 dpi.
  'images/jpeg-exif/ps3_gran_turismo5_1600x900.jpg': ['jpeg', false, 72, [TAG]],
  // 1920×1080 from a trail camera: not a screenshot; enough pixels, tagged 72 dpi.
  'images/jpeg-exif/reconyx_trailcam_1920x1080.jpg': ['jpeg', false, 72, [TAG]],
  'images/jpeg-exif/ycck_4component_adobe.jpg': ['jpeg', false, 72, [LOW]],
  'images/jpeg-exif/jfif_aspect_only_no_exif.jpg': ['jpeg', false, null, [LOW]],
  // PngSuite: 32×32 pixels, too few whatever the density (pHYs unit 0 is aspect only).
  'images/png/basi0g08.png': ['png', false, null, [LOW]],
  'images/png/basi2c16.png': ['png', false, null, [LOW]],
  'images/png/basi3p02.png': ['png', false, null, [LOW]],
  'images/png/basn0g01.png': ['png', false, null, [LOW]],
  'images/png/basn0g16.png': ['png', false, null, [LOW]],
  'images/png/basn2c08.png': ['png', false, null, [LOW]],
  'images/png/basn3p08.png': ['png', false, null, [LOW]],
  'images/png/basn4a16.png': ['png', false, null, [LOW]],
  'images/png/basn6a08.png': ['png', false, null, [LOW]],
  'images/png/s01i3p01.png': ['png', false, null, [LOW]],
  'images/png/z09n2c08.png': ['png', false, null, [LOW]],
  'images/png/oi9n2c16.png': ['png', false, null, [LOW]],
  'images/png/cdfn2c08.png': ['png', false, null, [LOW]],
  'images/png/cdhn2c08.png': ['png', false, null, [LOW]],
  'images/png/cdsn2c08.png': ['png', false, null, [LOW]],
  'images/png/cdun2c08.png': ['png', false, 25.4, [LOW]],
  // A bad CRC inside IDAT is not seen: inspection reads headers only, never the image data.
  'images/png/xcsn0g01.png': ['png', false, null, [LOW]],
  'images/png/xs1n0g01.png': ['png', true, null, [CORRUPT]],
  'images/png/xs2n0g01.png': ['png', true, null, [CORRUPT]],
  'images/png/xcrn0g04.png': ['png', true, null, [CORRUPT]],
  'images/png/xlfn0g04.png': ['png', true, null, [CORRUPT]],
  'images/png/xhdn0g08.png': ['png', true, null, [CORRUPT]],
  'images/png/xc1n0g08.png': ['png', true, null, [CORRUPT]],
  'images/png/xd0n2c08.png': ['png', true, null, [CORRUPT]],
  'images/png/xdtn0g01.png': ['png', true, null, [CORRUPT]],
  'images/png/macos_screenshot_144dpi.png': ['png', false, 144, [LOW, SHOT]],
  'images/png/macos_idot_144dpi_1266x694.png': ['png', false, 144, [LOW, SHOT]],
  'images/png/pngs_300dpi_500x500.png': ['png', false, 300, [LOW]],
  // No pHYs, EXIF 72 dpi, phone-screen size, no camera Make: enough pixels, but a screenshot is never retagged.
  'images/png/phone_screen_size_1080x1920_exif.png': ['png', false, 72, [SHOT]],
  // Its eXIf chunk comes after IDAT, beyond what inspection reads; pHYs gives 96 dpi.
  'images/png/png_exif_chunk_1x1.png': ['png', false, 96, [LOW]],
  'images/bad/heic_content_named.jpg': ['heic', false, null, [FORMAT]],
  'images/bad/png_content_named.jpg': ['png', false, 72, ['scan-format:warning', LOW]],
  'images/bad/webp_renamed_to.jpg': ['webp', false, null, [FORMAT]],
  'images/bad/jpeg_no_eoi_zero_padded.jpg': ['jpeg', true, null, [CORRUPT]],
  'images/bad/jpeg_header_claims_30000x30000.jpg': ['jpeg', false, 72, ['scan-corrupt:warning']],
  'images/bad/png_truncated_29_bytes.png': ['png', true, null, [CORRUPT]],
  'images/bad/apple_cgbi.png': ['png', false, 72, [FORMAT, LOW]],
  'images/bad/iphone11promax.HEIC': ['heic', false, null, [FORMAT]],
  'images/bad/sample.heic': ['heic', false, null, [FORMAT]],
  'images/bad/sample.avif': ['avif', false, null, [FORMAT]],
  'images/bad/sample.webp': ['webp', false, null, [FORMAT]],
  'images/bad/sample.gif': ['gif', false, null, [FORMAT]],
  'images/bad/sample.bmp': ['bmp', false, null, [FORMAT]],
  'images/bad/picoawards_96dpi.tiff': ['tiff', false, null, [FORMAT]],
};

const present = existsSync(path.join(CORPUS, 'MANIFEST.tsv'));
if (!present) console.warn(`跳过语料测试:找不到 ${CORPUS}(共享语料只在开发机上存在)`);

(present ? describe : describe.skip)('the shared corpus through the inspector and the scan rules', () => {
  const listed = present
    ? readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'))
        .filter((c) => c[0]?.startsWith('images/'))
    : [];
  const infos = new Map<string, ScanInfo>();

  beforeAll(async () => {
    for (const [rel] of listed) infos.set(rel, await inspectFile(CORPUS, rel));
  });

  it('has an expected verdict for every listed image, and only for those', () => {
    expect(listed.map((c) => c[0]).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('sees each file’s size as the manifest gives it and reads at most the whole file', () => {
    for (const [rel, , , , , bytes] of listed) {
      expect(infos.get(rel)!.size).toBe(Number(bytes));
      expect(infos.get(rel)!.bytesRead).toBeLessThanOrEqual(Number(bytes));
    }
  });

  it('reads the expected format, soundness and density', () => {
    for (const [rel, [format, corrupt, dpi]] of Object.entries(EXPECTED)) {
      const info = infos.get(rel)!;
      expect({ rel, format: info.format, corrupt: info.corrupt !== undefined, dpi: info.density?.x ?? null }).toEqual({ rel, format, corrupt, dpi });
    }
  });

  it('gives each file the expected verdicts', () => {
    const got = verdicts([...infos.values()]);
    for (const [rel, [, , , want]] of Object.entries(EXPECTED)) expect({ rel, verdicts: got.get(rel) }).toEqual({ rel, verdicts: want });
  });

  it('reads only headers of large files (the 4 MB Xiaomi photo costs under 64 KB)', () => {
    expect(infos.get('images/jpeg-exif/xiaomi_mi9t_orient6_gps.jpg')!.bytesRead).toBeLessThan(64 * 1024);
  });
});
