/**
 * Signs that a file is not a scan at all: a phone photo (EXIF names a phone, or a GPS position) or a screenshot
 * (screenshot software, Apple's iDOT chunk, a screen's pixel size). scan-phone-photo and scan-screenshot report
 * them; scan-density-tag reads them too, because such a file needs a new scan, not a corrected density tag.
 */
import type { Policy } from './policy';
import { policyPattern } from './safe-regex';
import { SCAN_MARKERS, type ScanInfo } from './scans';

export type PhoneSign = { kind: 'phone'; device: string } | { kind: 'gps' };

/** The phone as EXIF names it ("Apple iPhone 5"), when Make or Model is a phone's. */
function phoneDevice(exif: NonNullable<ScanInfo['exif']>, policy: Policy): string | null {
  const make = (exif.make ?? '').toLowerCase().trim();
  const model = (exif.model ?? '').toLowerCase().trim();
  const byMake = policy.scan.phoneMakes.some((m) => make === m || make.startsWith(`${m} `) || make.startsWith(`${m},`));
  const byModel = policy.scan.phoneModelPatterns.some((p) => policyPattern(p, 'i').test(model));
  if (!byMake && !byModel) return null;
  if (exif.make && exif.model && !model.startsWith(make)) return `${exif.make} ${exif.model}`;
  return exif.model ?? exif.make ?? '';
}

export function phoneSign(info: ScanInfo, policy: Policy): PhoneSign | null {
  if (!info.exif) return null;
  const device = phoneDevice(info.exif, policy);
  if (device !== null) return { kind: 'phone', device };
  return info.exif.gps ? { kind: 'gps' } : null;
}

export type ScreenshotSign =
  | { kind: 'software'; software: string }
  | { kind: 'idot' }
  /** A screen's pixel size, no camera Make, and no density (`density` absent) or one below a scanner's. */
  | { kind: 'screen-size'; density?: { x: number; y: number } };

export function screenshotSign(info: ScanInfo, policy: Policy): ScreenshotSign | null {
  if (info.format !== 'jpeg' && info.format !== 'png') return null;
  const { screenshotSoftware, screenSizes, minDpi } = policy.scan;
  const tools = screenshotSoftware.map((s) => s.toLowerCase());
  const software = [info.exif?.software, info.exif?.userComment].find((s) => s && tools.some((t) => s.toLowerCase().includes(t)));
  if (software) return { kind: 'software', software };
  if (info.markers?.includes(SCAN_MARKERS.appleIdot)) return { kind: 'idot' };
  const d = info.density;
  const scannerDensity = d !== undefined && d.x >= minDpi && d.y >= minDpi;
  const { width: w, height: h } = info;
  const isScreen = w !== undefined && h !== undefined && screenSizes.some(([a, b]) => (w === a && h === b) || (w === b && h === a));
  if (!info.exif?.make && !scannerDensity && isScreen) return { kind: 'screen-size', ...(d ? { density: { x: d.x, y: d.y } } : {}) };
  return null;
}
