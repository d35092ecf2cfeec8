/** The few EXIF facts the scan rules need, parsed by exifr from the TIFF block alone (a JPEG APP1 or a PNG eXIf chunk). */
import exifr from 'exifr';
import type { ScanInfo } from '../rules/scans';
import { ascii } from './bytes';

export interface ExifFacts {
  /** Camera facts; absent when the block says nothing the rules read (no text tag, no GPS position). */
  exif?: NonNullable<ScanInfo['exif']>;
  /** XResolution/YResolution in dots per inch, when the unit says inches or centimetres (unit 1 means aspect only). */
  dpi?: { x: number; y: number };
}

/** IFD0 (make, model, software, resolution), the EXIF IFD (UserComment) and GPS; nothing else. */
const OPTIONS = {
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  tiff: true,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: true,
  translateValues: false,
  mergeOutput: true,
};

const text = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.replace(/\0+$/, '').trim();
  return t || undefined;
};

/** EXIF UserComment: an 8-byte character-code prefix ("ASCII", "UNICODE", "JIS" or blank), then the text. */
function decodeUserComment(v: unknown, bigEndian: boolean): string | undefined {
  if (!(v instanceof Uint8Array) || v.length <= 8) return undefined;
  const code = ascii(v, 0, 8).replace(/\0+$/, '');
  const encoding = code === 'UNICODE' ? (bigEndian ? 'utf-16be' : 'utf-16le') : 'utf-8';
  return text(new TextDecoder(encoding).decode(v.subarray(8)));
}

export function roundDpi(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Parses the TIFF bytes; undefined when exifr finds nothing readable in them. */
export async function readExif(tiff: Uint8Array): Promise<ExifFacts | undefined> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(tiff, OPTIONS);
  } catch {
    return undefined;
  }
  if (!tags) return undefined;
  const exif: NonNullable<ScanInfo['exif']> = {
    make: text(tags.Make),
    model: text(tags.Model),
    software: text(tags.Software),
    // A GPS block with no position (cameras write an empty one) is not location data.
    gps: typeof tags.latitude === 'number' && typeof tags.longitude === 'number',
    userComment: text(tags.UserComment) ?? decodeUserComment(tags.userComment, tiff[0] === 0x4d),
  };
  for (const k of Object.keys(exif) as (keyof typeof exif)[]) if (exif[k] === undefined) delete exif[k];
  const telling = exif.gps || Object.keys(exif).length > 1;
  const x = Number(tags.XResolution);
  const y = Number(tags.YResolution);
  // EXIF default unit is inches (2); 3 is centimetres; 1 means no absolute unit.
  const unit = tags.ResolutionUnit === undefined ? 2 : Number(tags.ResolutionUnit);
  const scale = unit === 2 ? 1 : unit === 3 ? 2.54 : 0;
  const dpi = scale && x > 0 && y > 0 ? { x: roundDpi(x * scale), y: roundDpi(y * scale) } : undefined;
  return { ...(telling ? { exif } : {}), ...(dpi ? { dpi } : {}) };
}
