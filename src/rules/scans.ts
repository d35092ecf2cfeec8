/** The scan facts the evidence and scan rules read. Inspection (from bytes) and linking (to students) produce them. */
import type { EvidenceKind } from './policy';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff' | 'heic' | 'avif' | 'pdf' | 'unknown';

export interface ScanInfo {
  /** Path relative to the picked folder, with "/" separators; the file's identity in problems and links. */
  path: string;
  size: number;
  /** Real format, from the bytes. */
  format: ImageFormat;
  /** Lower-case extension without the dot ("" when none). */
  extension: string;
  width?: number;
  height?: number;
  /** Density in dots per inch, with where it was read. */
  density?: { x: number; y: number; source: 'jfif' | 'exif' | 'png-phys' };
  exif?: { make?: string; model?: string; software?: string; gps: boolean; userComment?: string };
  /** Other metadata markers worth a rule (e.g. the PNG iDOT chunk macOS screenshots carry). */
  markers?: string[];
  /** Why the file cannot be parsed (truncated, corrupt); absent when it is sound. */
  corrupt?: string;
  /** Why the file could not be read at all (no permission, vanished, a name the system cannot open); nothing else about it is known. */
  unreadable?: string;
  /** SHA-256 of the bytes, hex (computed only for files that share their size with another: see src/scan/hash.ts). */
  sha256?: string;
  /** A quick hash of the size, the first and the last 4 KiB (bytes inspection reads anyway): recognises a file picked again. */
  fingerprint?: string;
  /** How many bytes inspection read from the file. */
  bytesRead?: number;
}

/** Names of the formats in messages (HEIC is what iPhones save photos as). */
export const FORMAT_LABELS: Record<ImageFormat, string> = {
  jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', bmp: 'BMP', tiff: 'TIFF',
  heic: 'HEIC(苹果手机照片格式)', avif: 'AVIF', pdf: 'PDF', unknown: '无法识别的格式',
};

/** Values of ScanInfo.markers that rules read. */
export const SCAN_MARKERS = {
  /** Apple's iDOT PNG chunk, written with macOS screenshots. */
  appleIdot: 'apple-idot',
  /** Apple's "CgBI" PNG variant (iOS-optimised, not a standard PNG). */
  appleCgbi: 'apple-cgbi',
  /** JFIF and EXIF give different densities (EXIF is used). */
  densityConflict: 'density-conflict',
  /** Header dimensions far too large for the file's byte size (a forged or broken header). */
  implausibleSize: 'implausible-size',
  /** Bytes after the image's end marker (phone vendors append data; not corruption). */
  trailingData: 'trailing-data',
} as const;

/** "12.0 MB", "380 KB": sizes in messages (1 MB = 1024 × 1024 bytes, as the SPEC's limit). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** One scan assigned to one student as one kind of evidence. */
export interface EvidenceLink {
  file: string;
  /** The student's `Student.ref`. */
  studentRef: string;
  kind: EvidenceKind;
  /** Set by the registrar (overrides guesses) rather than guessed from names. */
  manual: boolean;
  /** Guessed from the student's 姓名 alone: no key in the file's name or folders (evidence-name-only says so). */
  byName?: true;
}

/** A picked file that got no link, and why (evidence-unmatched words its message by the reason). */
export interface UnresolvedScan {
  file: string;
  /** no-student: no key or unique name in its path; ambiguous: keys of several students; no-kind: the student is known but not the kind; excluded: the registrar said it is not evidence. */
  reason: 'no-student' | 'ambiguous' | 'no-kind' | 'excluded';
  studentRef?: string;
}

export interface ScanSet {
  files: ScanInfo[];
  links: EvidenceLink[];
  unresolved?: UnresolvedScan[];
}

/** Each linked file once, with its links (a file can be linked to more than one student by hand). */
export function linkedScans(scans: ScanSet): { info: ScanInfo; links: EvidenceLink[] }[] {
  const byPath = new Map(scans.files.map((f) => [f.path, f]));
  const out = new Map<string, { info: ScanInfo; links: EvidenceLink[] }>();
  for (const link of scans.links) {
    const info = byPath.get(link.file);
    if (!info) continue;
    const entry = out.get(link.file);
    if (entry) entry.links.push(link);
    else out.set(link.file, { info, links: [link] });
  }
  return [...out.values()];
}
