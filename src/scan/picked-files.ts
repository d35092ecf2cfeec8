/**
 * The task pane's scans: files picked in the browser (a folder through <input webkitdirectory>, with their
 * relative paths), inspected through Blob slices, hashed where a twin is possible, and linked.
 */
import type { Policy } from '../rules/policy';
import type { ScanSet } from '../rules/scans';
import type { Student } from '../rules/students';
import { blobSource } from './blob-source';
import { hashSameSize } from './hash';
import { isIgnoredPath } from './ignored';
import { inspectScan } from './inspect';
import { type ManualAssignment, buildScanSet } from './link';
import { mapConcurrent } from './pool';

export interface PickedFile {
  /** Relative path with "/" (File.webkitRelativePath, or the name when a single file was picked). */
  path: string;
  blob: Blob;
}

export async function loadPickedFiles(picked: PickedFile[], students: Student[], policy: Policy, manual?: ManualAssignment[]): Promise<ScanSet> {
  const kept = picked.filter((p) => !isIgnoredPath(p.path)).map((p) => ({ ...p, path: p.path.normalize('NFC') }));
  const byPath = new Map(kept.map((p) => [p.path, p.blob]));
  const inspected = await mapConcurrent(kept, 8, (p) => inspectScan(p.path, blobSource(p.blob)));
  const files = await hashSameSize(inspected, async (path) => new Uint8Array(await byPath.get(path)!.arrayBuffer()));
  return buildScanSet(students, files, policy, manual);
}
