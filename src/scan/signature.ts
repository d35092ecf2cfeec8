/** The real format of a file from its first bytes, whatever its name says. */
import type { ImageFormat } from '../rules/scans';
import { ascii, u32 } from './bytes';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** HEIF brands (ISO/IEC 23008-12) that mean a HEIC/HEIF still image, as phones write them. */
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

export interface Sniffed {
  format: ImageFormat;
  /** A PNG whose 8-byte signature is damaged (e.g. by a text-mode transfer) but whose IHDR follows it. */
  damagedPngSignature?: boolean;
}

export function sniffFormat(head: Uint8Array): Sniffed {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { format: 'jpeg' };
  if (PNG_SIGNATURE.every((b, i) => head[i] === b)) return { format: 'png' };
  const start = ascii(head, 0, 12);
  if (start.startsWith('RIFF') && start.slice(8, 12) === 'WEBP') return { format: 'webp' };
  if (start.startsWith('GIF87a') || start.startsWith('GIF89a')) return { format: 'gif' };
  if (start.startsWith('%PDF-')) return { format: 'pdf' };
  if (start.startsWith('II*\0') || start.startsWith('MM\0*')) return { format: 'tiff' };
  if (start.slice(4, 8) === 'ftyp') {
    const brands = [start.slice(8, 12)];
    for (let at = 16; at + 4 <= Math.min(u32(head, 0), head.length); at += 4) brands.push(ascii(head, at, at + 4));
    if (brands.includes('avif') || brands.includes('avis')) return { format: 'avif' };
    if (brands.some((b) => HEIF_BRANDS.includes(b))) return { format: 'heic' };
  }
  // BMP: "BM" then a known DIB header size at offset 14.
  if (start.startsWith('BM') && [12, 40, 52, 56, 64, 108, 124].includes(head[14] | (head[15] << 8))) return { format: 'bmp' };
  // A PNG whose signature lost or gained bytes still has its IHDR chunk within the first few dozen bytes.
  const ihdr = ascii(head, 0, Math.min(head.length, 40)).indexOf('IHDR');
  if (ihdr >= 8 && ihdr <= 24) return { format: 'png', damagedPngSignature: true };
  return { format: 'unknown' };
}
