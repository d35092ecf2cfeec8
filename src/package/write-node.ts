/**
 * Writes a planned package to disk in one pass, streaming: each scan is read from its file in 1 MB chunks and
 * written straight into the archive while its CRC and SHA-256 are computed, then its local header is written in
 * front of it (positional writes), so memory stays at a few chunks whatever the package size. A scan whose bytes
 * are not those validated (changed or swapped since) refuses the package; the workbook is written from the bytes
 * that were validated. The archive is written under a new, exclusively created temporary name and renamed when
 * complete: a failed or interrupted export leaves no half package behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { crc32 as crc32Js } from '../common/crc32';
import { inlineEntry, retaggedEntry, storedFacts } from './entry-data';
import { type NameEncoding, encodeEntryName } from './entry-names';
import type { PackagePlan } from './plan';
import { trackTempFile, untrackTempFile } from './temp-files';
import { ZipDirectory, localHeaderLength } from './zip-format';

export interface NodePackageSources {
  /** The file on disk of a scan path of the plan (plan paths are NFC; a Mac-made folder may hold NFD names). */
  scanPath(file: string): string;
  /** The SHA-256 (hex) of a scan's bytes as they were validated; the copy must have the same. */
  scanSha256(file: string): string | undefined;
  /** The registrar's workbook: the bytes that were read and validated, packed byte for byte. */
  workbook: Uint8Array;
}

/** A scan's bytes are not those that were validated (or were never read whole to be hashed): the package is not written. */
export class ScanChangedError extends Error {
  constructor(
    readonly file: string,
    unhashed = false,
  ) {
    super(
      unhashed
        ? `扫描件“${file}”在校验时没有读取全文(超过大小上限或无法读取),无法确认放进材料包的就是校验过的内容,没有生成材料包。`
        : `扫描件“${file}”在校验之后被修改、替换或删除了,与校验时的内容不同。为避免把未经校验的文件放进材料包,没有生成材料包;请重新运行。`,
    );
    this.name = 'ScanChangedError';
  }
}

export interface WriteOptions {
  names?: NameEncoding;
  /** Time stamp of every entry; defaults to now. */
  modified?: Date;
}

const CHUNK = 1024 * 1024;

async function writeAll(out: FileHandle, data: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < data.length; ) {
    const { bytesWritten } = await out.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/** zlib's native CRC-32 (Node 20.15 and later) is about five times faster than the portable one, which stays the fallback. */
const crc32: (data: Uint8Array, crc: number) => number = zlib.crc32 ?? crc32Js;

/** Copies a scan into the archive at `position`, checking that its bytes are the validated ones; returns its CRC-32 and size. */
async function copyScan(file: string, source: string, sha256: string | undefined, out: FileHandle, position: number): Promise<{ crc: number; size: number }> {
  if (sha256 === undefined) throw new ScanChangedError(file, true);
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      hash.update(chunk);
      await writeAll(out, chunk, position + size);
      size += chunk.length;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new ScanChangedError(file);
    throw e;
  }
  if (hash.digest('hex') !== sha256) throw new ScanChangedError(file);
  return { crc, size };
}

/** A scan's whole bytes, checked against the validated hash (a scan to retag is under the size limit: it was inspected). */
async function readValidatedScan(file: string, source: string, sha256: string | undefined): Promise<Uint8Array> {
  if (sha256 === undefined) throw new ScanChangedError(file, true);
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new ScanChangedError(file);
    throw e;
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new ScanChangedError(file);
  return bytes;
}

/** Writes the package to `outPath`; returns its size in bytes. */
export async function writePackageFile(plan: PackagePlan, outPath: string, sources: NodePackageSources, options: WriteOptions = {}): Promise<number> {
  const names = options.names ?? 'utf8';
  const zip = new ZipDirectory(options.modified ?? new Date());
  // A fresh name created exclusively ('wx' fails on anything already there, a planted symlink included).
  const partial = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${randomBytes(6).toString('hex')}.part`);
  const out = await open(partial, 'wx');
  trackTempFile(partial);
  try {
    for (const entry of plan.entries) {
      const name = encodeEntryName(entry.path, names);
      const at = zip.position;
      const dataAt = at + localHeaderLength(name);
      let header: Uint8Array;
      if (entry.source.kind === 'scan' && entry.source.retagDpi) {
        const { file } = entry.source;
        const retagged = retaggedEntry(await readValidatedScan(file, sources.scanPath(file), sources.scanSha256(file)), entry.source.retagDpi);
        await writeAll(out, retagged.data, dataAt);
        header = zip.add({ name, utf8: names === 'utf8', ...retagged.facts });
      } else if (entry.source.kind === 'scan') {
        const { file } = entry.source;
        const { crc, size } = await copyScan(file, sources.scanPath(file), sources.scanSha256(file), out, dataAt);
        header = zip.add({ name, utf8: names === 'utf8', ...storedFacts(crc, size) });
      } else if (entry.source.kind === 'workbook') {
        await writeAll(out, sources.workbook, dataAt);
        header = zip.add({ name, utf8: names === 'utf8', ...storedFacts(crc32(sources.workbook, 0), sources.workbook.length) });
      } else {
        const inline = await inlineEntry(entry.source);
        await writeAll(out, inline.data, dataAt);
        header = zip.add({ name, utf8: names === 'utf8', ...inline.facts });
      }
      await writeAll(out, header, at);
    }
    const size = zip.position;
    const tail = zip.finish();
    await writeAll(out, tail, size);
    await out.close();
    await rename(partial, outPath);
    return size + tail.length;
  } catch (e) {
    await out.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw e;
  } finally {
    untrackTempFile(partial);
  }
}
