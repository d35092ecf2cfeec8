/** Reading the big-endian (network order) integers, ASCII tags and JPEG markers of file headers (JPEG segments, PNG chunks, signatures). */

export const u16 = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1];

export const u32 = (b: Uint8Array, i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;

/** Bytes [from, to) as Latin-1 text (a four-letter chunk type, "JFIF\0", "Exif\0\0"). */
export const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

/**
 * Bytes to step over at a marker that carries no segment, or 0 for one that does (a length follows): a fill byte
 * (0xFF, ITU-T T.81 B.1.1.2), or TEM, RSTn and SOI, which stand alone. The inspection (jpeg.ts) and
 * the retag (package/retag.ts) walk a JPEG's header alike.
 */
export function standaloneBytes(marker: number): number {
  if (marker === 0xff) return 1;
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8) ? 2 : 0;
}
