import { crc32 } from '../../src/common/crc32';
import { encodeEntryName, gbkUnencodable } from '../../src/package/entry-names';
import { compressedEntry, textFileBytes } from '../../src/package/entry-data';
import { METHOD_STORE, ZipDirectory, ZipLimitError, dosDateTime } from '../../src/package/zip-format';
import { inflateRawSync } from 'node:zlib';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it.each([
    ['', 0],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('%j', (text, want) => expect(crc32(bytes(text))).toBe(want));

  it('continues over chunks of any length', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 256);
    expect(crc32(data.subarray(3), crc32(data.subarray(0, 3)))).toBe(crc32(data));
    expect(crc32(data.subarray(517), crc32(data.subarray(0, 517)))).toBe(crc32(data));
  });
});

describe('entry names', () => {
  it('encodes UTF-8', () => expect(Buffer.from(encodeEntryName('张三/身份证.jpg', 'utf8')).toString('utf8')).toBe('张三/身份证.jpg'));

  it('encodes GBK, ASCII unchanged', () => {
    expect(Buffer.from(encodeEntryName('张三/a.jpg', 'gbk')).toString('hex')).toBe('d5c5c8fd2f612e6a7067');
    expect(new TextDecoder('gbk').decode(encodeEntryName('2609001250001阿依古丽·买买提/户口本1.jpg', 'gbk'))).toBe('2609001250001阿依古丽·买买提/户口本1.jpg');
  });

  it('names the characters GBK cannot encode and refuses to encode them', () => {
    expect(gbkUnencodable('张\u{20BB7}三')).toEqual(['\u{20BB7}']);
    expect(gbkUnencodable('张三')).toEqual([]);
    expect(() => encodeEntryName('张\u{20BB7}', 'gbk')).toThrow(/GBK/);
  });
});

describe('entry data', () => {
  it('writes text with a byte-order mark and CRLF line ends', () => {
    expect(Buffer.from(textFileBytes('一\n二\r\n')).toString('hex')).toBe('efbbbf' + Buffer.from('一\r\n二\r\n').toString('hex'));
  });

  it('deflates raw (no zlib header)', async () => {
    const raw = textFileBytes('校验报告\n'.repeat(100));
    const { data, facts } = await compressedEntry(raw);
    expect(Buffer.from(inflateRawSync(data)).equals(Buffer.from(raw))).toBe(true);
    expect(facts).toMatchObject({ method: 8, crc: crc32(raw), size: raw.length, compressedSize: data.length });
  });

  it('stores where the platform cannot deflate raw (Safari before 16.4, Chromium before 103)', async () => {
    const raw = textFileBytes('校验报告\n'.repeat(100));
    const platform = globalThis.CompressionStream;
    globalThis.CompressionStream = class {
      constructor(format: string) {
        throw new TypeError(`Unsupported compression format: '${format}'`);
      }
    } as unknown as typeof CompressionStream;
    try {
      expect(await compressedEntry(raw)).toEqual({ data: raw, facts: { directory: false, method: METHOD_STORE, crc: crc32(raw), compressedSize: raw.length, size: raw.length } });
    } finally {
      globalThis.CompressionStream = platform;
    }
  });
});

describe('ZipDirectory', () => {
  it('stamps DOS local time, clamped to 1980', () => {
    expect(dosDateTime(new Date(2026, 10, 29, 13, 45, 58))).toEqual({ date: (46 << 9) | (11 << 5) | 29, time: (13 << 11) | (45 << 5) | 29 });
    expect(dosDateTime(new Date(1970, 0, 1)).date >> 9).toBe(0);
  });

  it('places entries one after the other and ends with the central directory', () => {
    const zip = new ZipDirectory(new Date(2026, 0, 1));
    const name = bytes('a.txt');
    const header = zip.add({ name, utf8: true, directory: false, method: METHOD_STORE, crc: 1, compressedSize: 10, size: 10 });
    expect(header.length).toBe(35);
    expect(new DataView(header.buffer).getUint16(6, true)).toBe(0x0800);
    expect(zip.position).toBe(45);
    const tail = zip.finish();
    const v = new DataView(tail.buffer);
    expect(v.getUint32(tail.length - 22, true)).toBe(0x06054b50);
    expect(v.getUint32(tail.length - 6, true)).toBe(45); // central directory offset
    expect(v.getUint32(42, true)).toBe(0); // local header offset of the entry
  });

  it('refuses what needs ZIP64', () => {
    const zip = new ZipDirectory(new Date());
    const big = { name: bytes('a'), utf8: true, directory: false, method: METHOD_STORE, crc: 0, compressedSize: 3e9, size: 3e9 } as const;
    zip.add(big);
    expect(() => zip.add(big)).toThrow(ZipLimitError);
  });
});
