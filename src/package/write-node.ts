/**
 * Writes a planned package to disk in one pass, streaming: each scan is read from its file in 4 MB chunks into
 * three reused buffers (the next scan read while this one is hashed) and written straight into the archive while
 * its CRC and SHA-256 are computed, its local header in front of it (positional writes; with the data in one call
 * when the scan fits one chunk), so memory stays at three chunks whatever the package size. A scan whose bytes
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

/** Buffers the copier rotates: one being read ahead, one being hashed, one being written. */
const BUFFERS = 3;

/** A scan's first chunk, read into one of the copier's buffers. */
interface FirstChunk {
  input: FileHandle;
  index: number;
  bytesRead: number;
}

/**
 * Copies scans into the archive through three reused buffers: while one scan is hashed on this thread, the next is
 * read into another buffer and the previous one written from the third (on libuv's threads), so reading, hashing
 * and writing overlap and no chunk is allocated per read. Writes go out in order; `drain` waits for them and
 * reports the first failure.
 */
class ScanCopier {
  private readonly buffers = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafe(CHUNK));
  /** The pending write of each buffer's bytes. */
  private readonly writing: Promise<void>[] = Array.from({ length: BUFFERS }, () => Promise.resolve());
  private next = 0;
  private last: Promise<void> = Promise.resolve();
  /** The read of the scan to copy next, started while the current one is hashed. */
  private ahead: { source: string; read: Promise<FirstChunk> } | null = null;

  constructor(private readonly out: FileHandle) {}

  /** Starts reading a scan's first chunk into the next buffer, once that buffer's previous bytes are written. */
  private start(source: string): Promise<FirstChunk> {
    const index = this.next;
    this.next = (index + 1) % BUFFERS;
    const read = (async () => {
      await this.writing[index];
      const input = await open(source, 'r');
      try {
        const { bytesRead } = await input.read(this.buffers[index], 0, CHUNK, 0);
        return { input, index, bytesRead };
      } catch (e) {
        await input.close();
        throw e;
      }
    })();
    read.catch(() => undefined); // awaited by copy() or abandon(); never left unhandled in between
    return read;
  }

  /** Queues the write of `parts` at `position` after the writes queued before; `index` is the buffer it holds. */
  private queue(index: number, parts: Uint8Array[], position: number): void {
    const write = this.last.then(() => writeParts(this.out, parts, position));
    write.catch(() => undefined); // awaited by the buffer's next user or drain(); never left unhandled in between
    this.writing[index] = write;
    this.last = write;
  }

  /**
   * Copies a scan into the archive: its data at `dataAt`, preceded by the header `headerFor` makes from its CRC-32
   * and size at `at`. Checks that its bytes are the validated ones. `nextSource` is the scan copied after it, read
   * meanwhile.
   */
  async copy(file: string, source: string, sha256: string | undefined, at: number, dataAt: number, headerFor: (crc: number, size: number) => Uint8Array, nextSource?: string): Promise<void> {
    const read = this.ahead?.source === source ? this.ahead.read : this.start(source);
    this.ahead = nextSource === undefined ? null : { source: nextSource, read: this.start(nextSource) };
    let first: FirstChunk;
    try {
      first = await read;
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') throw new ScanChangedError(file);
      throw e;
    }
    const { input, index } = first;
    const buffer = this.buffers[index];
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    try {
      if (sha256 === undefined) throw new ScanChangedError(file, true);
      for (let bytesRead = first.bytesRead; ; ) {
        const data = buffer.subarray(0, bytesRead);
        crc = crc32(data, crc);
        hash.update(data);
        if (size === 0 && bytesRead < CHUNK) {
          // The usual case: the whole scan in one buffer, written with its header in one call.
          if (hash.digest('hex') !== sha256) throw new ScanChangedError(file);
          this.queue(index, [headerFor(crc, bytesRead), data], at);
          return;
        }
        // A longer scan goes through its one buffer chunk after chunk.
        this.queue(index, [data], dataAt + size);
        size += bytesRead;
        await this.writing[index];
        ({ bytesRead } = await input.read(buffer, 0, CHUNK, size));
        if (bytesRead === 0) break;
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

  /** After a failure: closes the scan read ahead, if any, and waits for the writes. */
  async abandon(): Promise<void> {
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead) await ahead.read.then((f) => f.input.close(), () => undefined);
    await this.drain().catch(() => undefined);
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
  // The scans copied as they are, in order: each is read while the one before it is hashed.
  const copied = plan.entries.flatMap((e) => (e.source.kind === 'scan' && !e.source.retagDpi ? [e.source.file] : []));
  let copiedSoFar = 0;
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
        const next = copied[++copiedSoFar];
        await copier.copy(file, sources.scanPath(file), sources.scanSha256(file), at, dataAt, (crc, size) => zip.add({ name, utf8: names === 'utf8', ...storedFacts(crc, size) }), next === undefined ? undefined : sources.scanPath(next));
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
    await copier.abandon();
    await out.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw e;
  } finally {
    untrackTempFile(partial);
  }
}
