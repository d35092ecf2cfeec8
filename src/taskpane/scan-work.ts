/** Inspecting the picked scans in the browser with the shared scan modules. */
import { hashSameSize } from '../scan/hash';
import { inspectScan } from '../scan/inspect';
import { blobSource } from '../scan/blob-source';
import type { ScanInfo } from '../rules/scans';

export function inspectBlob(path: string, blob: Blob): Promise<ScanInfo> {
  return inspectScan(path, blobSource(blob));
}

/** Adds SHA-256 to the files that share a size with another (scan-duplicate compares them). */
export function hashTwins(files: ScanInfo[], blobOf: (path: string) => Blob): Promise<ScanInfo[]> {
  return hashSameSize(files, async (path) => new Uint8Array(await blobOf(path).arrayBuffer()));
}
