/** The CLI's scans: every file under a folder, inspected (headers only), hashed where a twin is possible, and linked. */
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Policy } from '../rules/policy';
import type { ScanInfo, ScanSet } from '../rules/scans';
import type { Student } from '../rules/students';
import { hashSameSize } from './hash';
import { isIgnoredFile } from './ignored';
import { inspectScan } from './inspect';
import { buildScanSet } from './link';
import { fileSource } from './node-source';
import { mapConcurrent } from './pool';

/** Files inspected at once: enough to overlap the small reads, few enough to keep file handles low. */
const CONCURRENCY = 8;

/** Relative paths (with "/") of the files under `dir`, sorted, skipping ignored files and hidden folders. */
export async function listScanFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      if (isIgnoredFile(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  await walk('');
  return out.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Inspects one file under `dir` by its relative path (reported in NFC), through a file handle: headers and the tail only. */
export async function inspectFile(dir: string, path: string): Promise<ScanInfo> {
  const handle = await open(join(dir, path), 'r');
  try {
    return await inspectScan(path.normalize('NFC'), await fileSource(handle));
  } finally {
    await handle.close();
  }
}

export interface ScanFolder {
  scans: ScanSet;
  /** The file on disk of a scan path (scan paths are NFC; the disk may hold another form: folders copied from a Mac are NFD). */
  diskPath(file: string): string;
}

export async function loadScanFolder(dir: string, students: Student[], policy: Policy): Promise<ScanFolder> {
  const paths = await listScanFiles(dir);
  const nfcToDisk = new Map(paths.map((p) => [p.normalize('NFC'), p]));
  const diskPath = (file: string) => join(dir, ...(nfcToDisk.get(file) ?? file).split('/'));
  const inspected = await mapConcurrent(paths, CONCURRENCY, (p) => inspectFile(dir, p));
  const files = await hashSameSize(inspected, async (p) => new Uint8Array(await readFile(diskPath(p))));
  return { scans: buildScanSet(students, files, policy), diskPath };
}
