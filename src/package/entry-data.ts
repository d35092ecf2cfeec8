/**
 * What the two writers do alike with an entry's data: STORE for scans, the workbook and the .docx report (JPEG,
 * PNG, .xlsx and .docx are compressed already), DEFLATE for the report text, folders empty. The DEFLATE uses the platform's
 * `CompressionStream` (Node 20 and browsers), so both writers compress the same way without a library.
 */
import { crc32 } from '../common/crc32';
import { METHOD_DEFLATE, METHOD_STORE, type ZipEntryFacts } from './zip-format';
import type { EntrySource } from './plan';
import { retagDensity } from './retag';

/** A text file Windows Notepad shows right: UTF-8 with a byte-order mark and CRLF line ends. */
export function textFileBytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode('\ufeff' + text.replace(/\r?\n/g, '\r\n'));
}

/**
 * Bytes DEFLATEd where the platform can (`CompressionStream('deflate-raw')`: Chromium 103, Safari 16.4, Node 20),
 * else STOREd: an older Mac or web view still writes a sound ZIP, only a larger one.
 */
export async function compressedEntry(raw: Uint8Array<ArrayBuffer>): Promise<{ data: Uint8Array<ArrayBuffer>; facts: Omit<ZipEntryFacts, 'name' | 'utf8'> }> {
  const crc = crc32(raw);
  let compressor: CompressionStream;
  try {
    compressor = new CompressionStream('deflate-raw');
  } catch {
    return { data: raw, facts: storedFacts(crc, raw.length) };
  }
  const data = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(compressor)).arrayBuffer());
  return { data, facts: { directory: false, method: METHOD_DEFLATE, crc, compressedSize: data.length, size: raw.length } };
}

/** The data and facts of an entry held in memory (a folder, a text or a made file); scans and the workbook are streamed by each writer. */
export async function inlineEntry(
  source: Extract<EntrySource, { kind: 'folder' | 'text' | 'bytes' }>,
): Promise<{ data: Uint8Array<ArrayBuffer>; facts: Omit<ZipEntryFacts, 'name' | 'utf8'> }> {
  if (source.kind === 'folder')
    return { data: new Uint8Array(0), facts: { directory: true, method: METHOD_STORE, crc: 0, compressedSize: 0, size: 0 } };
  if (source.kind === 'bytes') return { data: source.data, facts: storedFacts(crc32(source.data), source.data.length) };
  return compressedEntry(textFileBytes(source.text));
}

/** Facts of a stored (not compressed) file entry. */
export function storedFacts(crc: number, size: number): Omit<ZipEntryFacts, 'name' | 'utf8'> {
  return { directory: false, method: METHOD_STORE, crc, compressedSize: size, size };
}

/** A scan with the scan-density-tag fix: read whole (scans are at most 10 MB), retagged in memory, stored. */
export function retaggedEntry(bytes: Uint8Array, dpi: number): { data: Uint8Array<ArrayBuffer>; facts: Omit<ZipEntryFacts, 'name' | 'utf8'> } {
  const data = retagDensity(bytes, dpi);
  return { data, facts: storedFacts(crc32(data), data.length) };
}
