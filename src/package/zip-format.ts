/**
 * The ZIP records both package writers share (APPNOTE 6.3): local file headers, the central directory and its
 * end record. Every local header carries the final CRC and sizes (no data descriptors): the Node writer fills the
 * header in after streaming the data, the browser writer computes the CRC before, so even readers that walk local
 * headers without the central directory (and STORE entries with descriptors trip some of them) read the package.
 * ZIP64 is out of scope: a package over 4 GB or 65,535 entries is refused before anything is written.
 */

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

/** General-purpose bit 11: the name (and comment) are UTF-8. */
const FLAG_UTF8 = 0x0800;
/** "Needed to extract" 2.0 (DEFLATE, folders). */
const VERSION = 20;
const DOS_DIRECTORY = 0x10;
/**
 * Made-by host: UTF-8 packages say Unix, as Info-ZIP's zip does, because Info-ZIP unzip 6.0 converts the names of
 * MS-DOS-made entries from the OEM code page even when they are flagged UTF-8 (and garbles them). GBK packages
 * say MS-DOS: they are for old Windows tools, which read such names in the system code page (936 = GBK).
 */
const MADE_BY_UNIX = (3 << 8) | VERSION;
const MADE_BY_DOS = VERSION;
/** Unix modes in the high half of the external attributes: rw-r--r-- files, rwxr-xr-x folders (plus the DOS folder bit). */
const UNIX_FILE = (0o100644 << 16) >>> 0;
const UNIX_DIRECTORY = ((0o40755 << 16) | DOS_DIRECTORY) >>> 0;

export const ZIP_MAX_BYTES = 0xffffffff;
export const ZIP_MAX_ENTRIES = 0xffff;

export class ZipLimitError extends Error {}

export interface ZipEntryFacts {
  /** The encoded entry name (UTF-8 or GBK bytes); folders end with "/". */
  name: Uint8Array;
  utf8: boolean;
  directory: boolean;
  method: typeof METHOD_STORE | typeof METHOD_DEFLATE;
  crc: number;
  compressedSize: number;
  size: number;
}

interface CentralRecord extends ZipEntryFacts {
  offset: number;
}

export function localHeaderLength(name: Uint8Array): number {
  return 30 + name.length;
}

/** MS-DOS date and time in local time, as every unzip tool shows them; clamped to 1980, the format's first year. */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/**
 * The records of one archive being written front to back: `add` places an entry at the current position and
 * returns its local header (to be written at that position, followed by the entry's data); `finish` returns the
 * central directory and its end record.
 */
export class ZipDirectory {
  private readonly records: CentralRecord[] = [];
  private readonly stamp: { date: number; time: number };
  /** Bytes of the archive so far: where the next local header goes. */
  position = 0;

  constructor(modified: Date) {
    this.stamp = dosDateTime(modified);
  }

  add(entry: ZipEntryFacts): Uint8Array<ArrayBuffer> {
    const end = this.position + localHeaderLength(entry.name) + entry.compressedSize;
    if (this.records.length + 1 >= ZIP_MAX_ENTRIES || end > ZIP_MAX_BYTES || entry.size > ZIP_MAX_BYTES)
      throw new ZipLimitError('材料包超过 ZIP 格式的上限(4 GB 或 65535 个文件),请分成几个包导出');
    const header = new Uint8Array(localHeaderLength(entry.name));
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, VERSION, true);
    this.writeCommon(v, 6, entry);
    v.setUint16(26, entry.name.length, true);
    v.setUint16(28, 0, true);
    header.set(entry.name, 30);
    this.records.push({ ...entry, offset: this.position });
    this.position = end;
    return header;
  }

  finish(): Uint8Array<ArrayBuffer> {
    const size = this.records.reduce((n, r) => n + 46 + r.name.length, 0);
    const out = new Uint8Array(size + 22);
    const v = new DataView(out.buffer);
    let p = 0;
    for (const r of this.records) {
      v.setUint32(p, 0x02014b50, true);
      v.setUint16(p + 4, r.utf8 ? MADE_BY_UNIX : MADE_BY_DOS, true);
      v.setUint16(p + 6, VERSION, true);
      this.writeCommon(v, p + 8, r);
      v.setUint16(p + 28, r.name.length, true);
      v.setUint16(p + 30, 0, true); // extra field length
      v.setUint16(p + 32, 0, true); // comment length
      v.setUint16(p + 34, 0, true); // disk number
      v.setUint16(p + 36, 0, true); // internal attributes
      v.setUint32(p + 38, r.utf8 ? (r.directory ? UNIX_DIRECTORY : UNIX_FILE) : r.directory ? DOS_DIRECTORY : 0, true);
      v.setUint32(p + 42, r.offset, true);
      out.set(r.name, p + 46);
      p += 46 + r.name.length;
    }
    if (this.position + size + 22 > ZIP_MAX_BYTES) throw new ZipLimitError('材料包超过 ZIP 格式的上限(4 GB),请分成几个包导出');
    v.setUint32(p, 0x06054b50, true);
    v.setUint16(p + 4, 0, true);
    v.setUint16(p + 6, 0, true);
    v.setUint16(p + 8, this.records.length, true);
    v.setUint16(p + 10, this.records.length, true);
    v.setUint32(p + 12, size, true);
    v.setUint32(p + 16, this.position, true);
    v.setUint16(p + 20, 0, true);
    return out;
  }

  /** Flags, method, time, date, CRC and sizes: the same 20 bytes in the local and the central header. */
  private writeCommon(v: DataView, at: number, e: ZipEntryFacts): void {
    v.setUint16(at, e.utf8 ? FLAG_UTF8 : 0, true);
    v.setUint16(at + 2, e.method, true);
    v.setUint16(at + 4, this.stamp.time, true);
    v.setUint16(at + 6, this.stamp.date, true);
    v.setUint32(at + 8, e.crc, true);
    v.setUint32(at + 12, e.compressedSize, true);
    v.setUint32(at + 16, e.size, true);
  }
}
