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
  exif?: { make?: string; model?: string; software?: string; gps: boolean };
  /** Other metadata markers worth a rule (e.g. the PNG iDOT chunk macOS screenshots carry). */
  markers?: string[];
  /** Why the file cannot be parsed (truncated, corrupt); absent when it is sound. */
  corrupt?: string;
  /** SHA-256 of the bytes, hex. */
  sha256?: string;
}

/** One scan assigned to one student as one kind of evidence. */
export interface EvidenceLink {
  file: string;
  studentId: string;
  kind: EvidenceKind;
  /** Set by the registrar (overrides guesses) rather than guessed from names. */
  manual: boolean;
}

export interface ScanSet {
  files: ScanInfo[];
  links: EvidenceLink[];
}
