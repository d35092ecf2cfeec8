/** Reading the big-endian (network order) integers and ASCII tags of file headers (JPEG segments, PNG chunks, signatures). */

export const u16 = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1];

export const u32 = (b: Uint8Array, i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;

/** Bytes [from, to) as Latin-1 text (a four-letter chunk type, "JFIF\0", "Exif\0\0"). */
export const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));
