/**
 * The CLI's scans: every file under a folder, inspected (headers only), hashed where a twin is possible, and linked.
 * A file or folder that cannot be read is a problem on that file (scan-corrupt), not the end of the run.
 */
import { constants } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Policy } from '../rules/policy';
import type { ScanInfo, ScanSet } from '../rules/scans';
import type { Student } from '../rules/students';
import { hashSameSize, readFailure, sha256Hex } from './hash';
import { isIgnoredFile } from './ignored';
import { extensionOf, inspectScan } from './inspect';
import { buildScanSet } from './link';
import { closeFile, fileSource, openFile, statFile } from './node-source';
import { mapConcurrent } from './pool';
import { bytesSource } from './source';

/** Files inspected at once: enough to overlap the small reads, few enough to keep file handles low. */
const CONCURRENCY = 8;

/** A listed path and, for a folder that could not be listed, why (its path then ends with "/"). */
interface Listed {
  path: string;
  unreadable?: string;
}

async function listEntries(dir: string): Promise<Listed[]> {
  const out: Listed[] = [];
  const walk = async (rel: string) => {
    let entries;
    try {
      entries = await readdir(join(dir, rel), { withFileTypes: true });
    } catch (e) {
      // The top folder was checked by the caller; a subfolder that cannot be listed is reported on itself.
      if (rel === '') throw e;
      out.push({ path: `${rel}/`, unreadable: `无法打开这个文件夹(${readFailure(e)})` });
      return;
    }
    for (const entry of entries) {
      if (isIgnoredFile(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push({ path });
    }
  };
  await walk('');
  return out.sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
}

/** Relative paths (with "/") of the files under `dir`, sorted, skipping ignored files and hidden folders. */
export async function listScanFiles(dir: string): Promise<string[]> {
  return (await listEntries(dir)).filter((l) => !l.unreadable).map((l) => l.path);
}

/** A file that could not be read: only its path is known. */
const unreadableFile = (path: string, reason: string): ScanInfo => ({ path, size: 0, format: 'unknown', extension: extensionOf(path), unreadable: reason });

/**
 * Nonblocking open: a FIFO put where a scan was listed would otherwise wait for a writer forever. It has no effect
 * on regular files (and is not defined on Windows, which has no FIFOs in folders).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface InspectFileOptions {
  /** The policy's scan size limit: larger files are not parsed or hashed. */
  maxBytes?: number;
  /**
   * Read the whole file once and both inspect and hash those bytes (sha256), so the package can be checked
   * against exactly what was validated. Otherwise only headers and the tail are read.
   */
  whole?: boolean;
}

/**
 * Inspects one file under `dir` by its relative path, reported as `path` (NFC unless it has an NFC/NFD twin).
 * Errors reading it are not thrown: they make an unreadable ScanInfo.
 */
export async function inspectFile(dir: string, diskPath: string, options: InspectFileOptions = {}, path = diskPath.normalize('NFC')): Promise<ScanInfo> {
  let fd: number;
  try {
    fd = await openFile(join(dir, diskPath), OPEN_FLAGS);
  } catch (e) {
    return unreadableFile(path, readFailure(e));
  }
  try {
    const info = statFile(fd);
    if (!info.isFile()) return unreadableFile(path, '不是普通文件');
    const source = fileSource(fd, info.size);
    if (!options.whole || info.size > (options.maxBytes ?? Infinity)) return await inspectScan(path, source, options);
    const bytes = new Uint8Array(await source.read(0, info.size));
    if (bytes.length !== info.size) return unreadableFile(path, '文件在读取时变短了(可能正被其他程序修改)');
    return { ...(await inspectScan(path, bytesSource(bytes), options)), sha256: await sha256Hex(bytes) };
  } catch (e) {
    return unreadableFile(path, readFailure(e));
  } finally {
    closeFile(fd);
  }
}

export interface ScanFolder {
  scans: ScanSet;
  /** The file on disk of a scan path (scan paths are NFC; the disk may hold another form: folders copied from a Mac are NFD). */
  diskPath(file: string): string;
}

/**
 * The path each listed file is reported under: its NFC form, so a Mac-made (NFD) folder matches names typed on
 * Windows; but when two files on disk differ only in that form (a twin, which folder-name-invalid reports), each
 * keeps its own name: merged, one of them would vanish from validation and package.
 */
function reportPaths(paths: string[]): Map<string, string> {
  const byNfc = new Map<string, string[]>();
  for (const p of paths) (byNfc.get(p.normalize('NFC')) ?? byNfc.set(p.normalize('NFC'), []).get(p.normalize('NFC'))!).push(p);
  const out = new Map<string, string>();
  for (const [nfc, group] of byNfc) for (const p of group) out.set(p, group.length === 1 ? nfc : p);
  return out;
}

export async function loadScanFolder(dir: string, students: Student[], policy: Policy, options: { whole?: boolean } = {}): Promise<ScanFolder> {
  const listed = await listEntries(dir);
  const paths = listed.filter((l) => !l.unreadable).map((l) => l.path);
  const reported = reportPaths(paths);
  const toDisk = new Map([...reported].map(([disk, shown]) => [shown, disk]));
  const diskPath = (file: string) => join(dir, ...(toDisk.get(file) ?? file).split('/'));
  const maxBytes = policy.scan.maxBytes;
  const inspected = await mapConcurrent(paths, CONCURRENCY, (p) => inspectFile(dir, p, { maxBytes, whole: options.whole }, reported.get(p)));
  const unreadableFolders = listed.filter((l) => l.unreadable).map((l) => unreadableFile(l.path.normalize('NFC'), l.unreadable!));
  const files = await hashSameSize(
    [...inspected, ...unreadableFolders],
    async (p) => {
      const fd = await openFile(diskPath(p), OPEN_FLAGS);
      try {
        const { size } = statFile(fd);
        return new Uint8Array(await fileSource(fd, size).read(0, size));
      } finally {
        closeFile(fd);
      }
    },
    maxBytes,
  );
  return { scans: buildScanSet(students, files, policy), diskPath };
}
