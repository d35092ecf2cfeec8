/**
 * Writes a planned package to disk in one pass, streaming: each scan is read from its file in 4 MB chunks into
 * two reused buffers and written straight into the archive while its CRC and SHA-256 are computed, its local
 * header in front of it (positional writes; with the data in one call when the scan fits one chunk), so memory
 * stays at two chunks whatever the package size. A scan whose bytes
 * are not those validated (changed or swapped since) refuses the package; the workbook is written from the bytes
 * that were validated. The archive is written under a new, exclusively created temporary name and renamed when
 * complete: a failed or interrupted export leaves no half package behind.
 */
import { createHash, randomBytes } from 'node:crypto';
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

/** Bytes of one read: a scan of up to this size is read, hashed and written (with its header) in one call each. */
const CHUNK = 4 * 1024 * 1024;

async function writeAll(out: FileHandle, data: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < data.length; ) {
    const { bytesWritten } = await out.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/** zlib's native CRC-32 (Node 20.15 and later) is about five times faster than the portable one, which stays the fallback. */
const crc32: (data: Uint8Array, crc: number) => number = zlib.crc32 ?? crc32Js;

/**
 * Copies scans into the archive through two reused buffers: while one buffer's bytes are being written (on libuv's
 * threads), the next scan is read into the other and hashed, so reading, hashing and writing overlap and no chunk
 * is allocated per read. Writes go out in order; `drain` waits for them and reports the first failure.
 */
class ScanCopier {
  private readonly buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  /** The pending write of each buffer's bytes. */
  private readonly writing: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  private next = 0;
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly out: FileHandle) {}

  /** A free buffer (its previous write done). */
  private async take(): Promise<{ buffer: Buffer; index: number }> {
    const index = this.next;
    this.next = 1 - index;
    await this.writing[index];
    return { buffer: this.buffers[index], index };
  }

  /** Queues the write of `parts` at `position` after the writes queued before; `index` is the buffer it holds. */
  private queue(index: number, parts: Uint8Array[], position: number): void {
    const write = this.last.then(() => writeParts(this.out, parts, position));
    write.catch(() => undefined); // awaited by take() or drain(); never left unhandled in between
    this.writing[index] = write;
    this.last = write;
  }

  /**
   * Copies a scan into the archive: its data at `dataAt`, preceded by the header `headerFor` makes from its CRC-32
   * and size at `at`. Checks that its bytes are the validated ones.
   */
  async copy(file: string, source: string, sha256: string | undefined, at: number, dataAt: number, headerFor: (crc: number, size: number) => Uint8Array): Promise<void> {
    if (sha256 === undefined) throw new ScanChangedError(file, true);
    let input: FileHandle;
    try {
      input = await open(source, 'r');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') throw new ScanChangedError(file);
      throw e;
    }
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    try {
      for (;;) {
        const { buffer, index } = await this.take();
        const { bytesRead } = await input.read(buffer, 0, CHUNK, size);
        if (bytesRead === 0 && size > 0) break;
        const data = buffer.subarray(0, bytesRead);
        crc = crc32(data, crc);
        hash.update(data);
        const whole = size === 0 && bytesRead < CHUNK;
        size += bytesRead;
        if (whole) {
          // The usual case: the whole scan in one buffer, written with its header in one call.
          if (hash.digest('hex') !== sha256) throw new ScanChangedError(file);
          this.queue(index, [headerFor(crc, size), data], at);
          return;
        }
        this.queue(index, [data], dataAt + size - bytesRead);
      }
    } finally {
      await input.close();
    }
    if (hash.digest('hex') !== sha256) throw new ScanChangedError(file);
    await this.drain();
    await writeAll(this.out, headerFor(crc, size), at);
  }

  /** Waits for every queued write. */
  drain(): Promise<void> {
    return this.last;
  }
}

/** Writes `parts` one after the other from `position`, in one writev call where the system takes them all. */
async function writeParts(out: FileHandle, parts: Uint8Array[], position: number): Promise<void> {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const { bytesWritten } = await out.writev(parts, position);
  if (bytesWritten === total) return;
  let at = position;
  for (const part of parts) {
    const done = Math.min(part.length, Math.max(0, bytesWritten - (at - position)));
    if (done < part.length) await writeAll(out, part.subarray(done), at + done);
    at += part.length;
  }
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
  const copier = new ScanCopier(out);
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
        await copier.copy(file, sources.scanPath(file), sources.scanSha256(file), at, dataAt, (crc, size) => zip.add({ name, utf8: names === 'utf8', ...storedFacts(crc, size) }));
        continue;
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
    await copier.drain();
    const size = zip.position;
    const tail = zip.finish();
    await writeAll(out, tail, size);
    await out.close();
    await rename(partial, outPath);
    return size + tail.length;
  } catch (e) {
    await copier.drain().catch(() => undefined);
    await out.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw e;
  } finally {
    untrackTempFile(partial);
  }
}
