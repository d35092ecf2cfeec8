/**
 * Reading a ZIP archive without trusting it (browser-safe): the central directory is parsed by hand, a name that
 * occurs twice is refused (two readers could pick different copies), and each entry is inflated on demand through
 * the platform's DecompressionStream with its output counted WHILE inflating, so a zip bomb stops at the limit
 * instead of after filling memory (JSZip checks the declared size only after inflating everything).
 */
import { crc32 } from '../common/crc32';

export interface ZipEntry {
  /** The entry's name as stored (UTF-8). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** The declared inflated size (checked against the real one). */
  size: number;
  localOffset: number;
}

/** Why an archive or entry cannot be read; the caller turns it into its own message. */
export type ZipProblem =
  | { kind: 'malformed' }
  | { kind: 'duplicate'; name: string }
  | { kind: 'encrypted' }
  | { kind: 'too-large'; name: string; limit: number };

export class ZipReadError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
    this.name = 'ZipReadError';
  }
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
/** The record is 22 bytes plus a comment of up to 65,535 bytes. */
export const EOCD_SEARCH = EOCD_SIZE + 0xffff;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
/** A 64-bit field as a number; above 2^53 it cannot be a real offset or size of anything we read. */
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

const malformed = () => new ZipReadError({ kind: 'malformed' });
const NAME_DECODER = new TextDecoder();

/** Where the central directory is, from the archive's last bytes (`tail` ends at the archive's end, `tailAt` is its offset). */
export function locateCentralDirectory(tail: Uint8Array, tailAt: number): { offset: number; size: number; count: number } {
  // The last end record whose comment fits in the file (some tools leave a few bytes after it).
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--)
    if (u32(tail, i) === SIG_EOCD && i + EOCD_SIZE + u16(tail, i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw malformed();
  let count = u16(tail, eocd + 10);
  let size = u32(tail, eocd + 12);
  let offset = u32(tail, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the 64-bit end record, which must be in `tail`.
    const loc = eocd - 20;
    if (loc < 0 || u32(tail, loc) !== SIG_ZIP64_LOCATOR) throw malformed();
    const at = u64(tail, loc + 8) - tailAt;
    if (at < 0 || at + 56 > tail.length || u32(tail, at) !== SIG_ZIP64_EOCD) throw malformed();
    count = u64(tail, at + 32);
    size = u64(tail, at + 40);
    offset = u64(tail, at + 48);
  }
  // Each central record is at least 46 bytes: a count the directory cannot hold is a lie.
  if (count * CENTRAL_SIZE > size) throw malformed();
  return { offset, size, count };
}

/** The entries of a central directory (its bytes), refusing a name that occurs twice (compared case-insensitively, as OPC part names are). */
export function parseCentralDirectory(cd: Uint8Array, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + CENTRAL_SIZE > cd.length || u32(cd, p) !== SIG_CENTRAL) throw malformed();
    const nameLength = u16(cd, p + 28);
    const extraLength = u16(cd, p + 30);
    const next = p + CENTRAL_SIZE + nameLength + extraLength + u16(cd, p + 32);
    if (next > cd.length) throw malformed();
    const entry: ZipEntry = {
      name: NAME_DECODER.decode(cd.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength)),
      flags: u16(cd, p + 8),
      method: u16(cd, p + 10),
      crc: u32(cd, p + 16),
      compressedSize: u32(cd, p + 20),
      size: u32(cd, p + 24),
      localOffset: u32(cd, p + 42),
    };
    applyZip64Extra(entry, cd.subarray(p + CENTRAL_SIZE + nameLength, p + CENTRAL_SIZE + nameLength + extraLength));
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw new ZipReadError({ kind: 'duplicate', name: entry.name });
    seen.add(key);
    entries.push(entry);
    p = next;
  }
  return entries;
}

/** The ZIP64 extra field holds, in this order, the sizes and offset whose 32-bit fields are all ones. */
function applyZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = u16(extra, i);
    const length = u16(extra, i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      const end = at + length;
      const take = () => {
        if (at + 8 > end || end > extra.length) throw malformed();
        const v = u64(extra, at);
        at += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    i += 4 + length;
  }
}

/** The entries of an archive held in memory. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const tailAt = Math.max(0, bytes.length - EOCD_SEARCH);
  const { offset, size, count } = locateCentralDirectory(bytes.subarray(tailAt), tailAt);
  if (offset + size > bytes.length) throw malformed();
  return parseCentralDirectory(bytes.subarray(offset, offset + size), count);
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== SIG_LOCAL) throw malformed();
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw malformed();
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The inflated bytes of an entry, at most `limit` of them: inflating stops as soon as the output passes the limit
 * (ZipReadError 'too-large'), whatever size the entry declares. A wrong size or CRC is 'malformed'.
 */
export async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const total = await inflateEntryChunks(bytes, entry, limit, (chunk) => chunks.push(chunk));
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The same, handed to `onChunk` piece by piece as it inflates (a reader that consumes each piece never holds the
 * whole entry); resolves to the inflated size once the size and CRC are checked. Until it resolves, what was
 * handed over is not known to be the entry's content.
 */
export async function inflateEntryChunks(bytes: Uint8Array, entry: ZipEntry, limit: number, onChunk: (chunk: Uint8Array) => void): Promise<number> {
  if (entry.flags & 1) throw new ZipReadError({ kind: 'encrypted' });
  const tooLarge = () => new ZipReadError({ kind: 'too-large', name: entry.name, limit });
  if (entry.size > limit) throw tooLarge();
  const data = entryData(bytes, entry);
  let total = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    crc = crc32(chunk, crc);
    onChunk(chunk);
  };
  if (entry.method === 0) take(data);
  else if (entry.method === 8) await inflateRaw(data, limit, tooLarge, take);
  else throw malformed();
  if (total !== entry.size || crc !== entry.crc) throw malformed();
  return total;
}

async function inflateRaw(data: Uint8Array, limit: number, tooLarge: () => ZipReadError, take: (chunk: Uint8Array) => void): Promise<void> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw malformed();
    }
    if (next.done) return;
    total += next.value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    try {
      take(next.value);
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      throw e;
    }
  }
}
