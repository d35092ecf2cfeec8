/**
 * Builds a planned package in the browser as a Blob made of parts: each entry's header bytes followed by the
 * scan's own File/Blob object. A Blob of parts refers to the File's bytes without copying them, so the scans are
 * read once (streamed, for the CRC that goes into the header) and copied only when the user saves the result.
 */
import { crc32 } from '../common/crc32';
import { inlineEntry, retaggedEntry, storedFacts } from './entry-data';
import { type NameEncoding, encodeEntryName } from './entry-names';
import type { PackagePlan } from './plan';
import { ZipDirectory } from './zip-format';

export interface BrowserPackageSources {
  /** The picked file of a scan path of the plan. */
  scan(file: string): Blob;
  /** The registrar's workbook file, packed byte for byte. */
  workbook: Blob;
}

export interface BlobPackageOptions {
  names?: NameEncoding;
  modified?: Date;
}

export async function blobCrc32(blob: Blob): Promise<number> {
  const reader = blob.stream().getReader();
  let crc = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) crc = crc32(r.value, crc);
  return crc;
}

export async function buildPackageBlob(plan: PackagePlan, sources: BrowserPackageSources, options: BlobPackageOptions = {}): Promise<Blob> {
  const names = options.names ?? 'utf8';
  const zip = new ZipDirectory(options.modified ?? new Date());
  const parts: BlobPart[] = [];
  for (const entry of plan.entries) {
    const name = encodeEntryName(entry.path, names);
    if (entry.source.kind === 'scan' && entry.source.retagDpi) {
      const retagged = retaggedEntry(new Uint8Array(await sources.scan(entry.source.file).arrayBuffer()), entry.source.retagDpi);
      parts.push(zip.add({ name, utf8: names === 'utf8', ...retagged.facts }), retagged.data);
    } else if (entry.source.kind === 'scan' || entry.source.kind === 'workbook') {
      const blob = entry.source.kind === 'scan' ? sources.scan(entry.source.file) : sources.workbook;
      const crc = await blobCrc32(blob);
      parts.push(zip.add({ name, utf8: names === 'utf8', ...storedFacts(crc, blob.size) }), blob);
    } else {
      const inline = await inlineEntry(entry.source);
      parts.push(zip.add({ name, utf8: names === 'utf8', ...inline.facts }), inline.data);
    }
  }
  parts.push(zip.finish());
  return new Blob(parts, { type: 'application/zip' });
}
