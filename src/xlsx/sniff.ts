/**
 * Tells from the first bytes what a file really is before anything tries to unzip it: a password-protected
 * workbook and an old .xls are both OLE2 compound files; a CSV or web page saved as .xlsx is text.
 */
import { WorkbookReadError } from './read-error';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
/** The end-of-central-directory record, which is also how an empty ZIP starts. */
const EOCD = [0x50, 0x4b, 0x05, 0x06];
/** The end-of-central-directory record is 22 bytes plus a comment of up to 65,535 bytes. */
const EOCD_SEARCH = 22 + 0xffff;

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function indexOf(bytes: Uint8Array, sig: number[], from = 0): number {
  outer: for (let i = from; i <= bytes.length - sig.length; i++) {
    for (let j = 0; j < sig.length; j++) if (bytes[i + j] !== sig[j]) continue outer;
    return i;
  }
  return -1;
}

function utf16le(s: string): number[] {
  return [...s].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
}

/** An encrypted OOXML file is an OLE2 container whose directory names a stream "EncryptedPackage". */
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xef, 0xbb, 0xbf]) || startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control <= head.length / 100;
}

/** Throws a WorkbookReadError unless the bytes look like a complete ZIP archive. */
export function assertZipContainer(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookReadError('empty');
  if (startsWith(bytes, OLE2))
    throw new WorkbookReadError(indexOf(bytes, ENCRYPTED_PACKAGE) >= 0 ? 'encrypted' : 'legacy-xls');
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, EOCD)) {
    if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new WorkbookReadError('not-zip', '这是 PDF 文件。');
    throw new WorkbookReadError(looksLikeText(bytes) ? 'text' : 'not-zip');
  }
  if (indexOf(bytes, EOCD, Math.max(0, bytes.length - EOCD_SEARCH)) < 0) throw new WorkbookReadError('truncated');
}
