/**
 * Writes a planned package to disk in one pass, streaming: each scan is read from its file in 1 MB chunks and
 * written straight into the archive while its CRC is computed, then its local header is written in front of it
 * (positional writes), so memory stays at a few chunks whatever the package size. The archive is written under a
 * temporary name and renamed when complete: a failed export leaves no half package behind.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open, readFile, rename, rm } from 'node:fs/promises';
import zlib from 'node:zlib';
import { crc32 as crc32Js } from '../common/crc32';
import { inlineEntry, retaggedEntry, storedFacts } from './entry-data';
import { type NameEncoding, encodeEntryName } from './entry-names';
import type { PackagePlan } from './plan';
import { ZipDirectory, localHeaderLength } from './zip-format';

export interface NodePackageSources {
  /** The file on disk of a scan path of the plan (plan paths are NFC; a Mac-made folder may hold NFD names). */
  scanPath(file: string): string;
  /** The registrar's workbook, packed byte for byte. */
  workbookPath: string;
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

/** Copies a file into the archive at `position`; returns its CRC-32 and size. */
async function copyFile(source: string, out: FileHandle, position: number): Promise<{ crc: number; size: number }> {
  let crc = 0;
  let size = 0;
  for await (const chunk of createReadStream(source, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    crc = crc32(chunk, crc);
    await writeAll(out, chunk, position + size);
    size += chunk.length;
  }
  return { crc, size };
}

/** Writes the package to `outPath`; returns its size in bytes. */
export async function writePackageFile(plan: PackagePlan, outPath: string, sources: NodePackageSources, options: WriteOptions = {}): Promise<number> {
  const names = options.names ?? 'utf8';
  const zip = new ZipDirectory(options.modified ?? new Date());
  const partial = `${outPath}.part`;
  const out = await open(partial, 'w');
  try {
    for (const entry of plan.entries) {
      const name = encodeEntryName(entry.path, names);
      const at = zip.position;
      const dataAt = at + localHeaderLength(name);
      let header: Uint8Array;
      if (entry.source.kind === 'scan' && entry.source.retagDpi) {
        const retagged = retaggedEntry(await readFile(sources.scanPath(entry.source.file)), entry.source.retagDpi);
        await writeAll(out, retagged.data, dataAt);
        header = zip.add({ name, utf8: names === 'utf8', ...retagged.facts });
      } else if (entry.source.kind === 'scan' || entry.source.kind === 'workbook') {
        const file = entry.source.kind === 'scan' ? sources.scanPath(entry.source.file) : sources.workbookPath;
        const { crc, size } = await copyFile(file, out, dataAt);
        header = zip.add({ name, utf8: names === 'utf8', ...storedFacts(crc, size) });
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
  }
}
