/** The reader's own ZIP directory parsing: ZIP64 end records, and what it refuses. */
import { ZipReadError, inflateEntry, readZipEntries } from '../../src/xlsx/zip-read';
import { bombPart, rawZip } from '../../scripts/hostile-inputs';

/** The same archive with its end record pointing through a ZIP64 locator and end record (as streaming writers do). */
function asZip64(zip: Uint8Array): Uint8Array {
  const eocdAt = zip.length - 22;
  const v = new DataView(zip.buffer, zip.byteOffset);
  const count = v.getUint16(eocdAt + 10, true);
  const cdSize = v.getUint32(eocdAt + 12, true);
  const cdOffset = v.getUint32(eocdAt + 16, true);
  const out = new Uint8Array(zip.length + 56 + 20);
  out.set(zip.subarray(0, eocdAt));
  const w = new DataView(out.buffer);
  let p = eocdAt;
  w.setUint32(p, 0x06064b50, true);
  w.setBigUint64(p + 4, 44n, true);
  w.setUint16(p + 12, 45, true);
  w.setUint16(p + 14, 45, true);
  w.setBigUint64(p + 24, BigInt(count), true);
  w.setBigUint64(p + 32, BigInt(count), true);
  w.setBigUint64(p + 40, BigInt(cdSize), true);
  w.setBigUint64(p + 48, BigInt(cdOffset), true);
  p += 56;
  w.setUint32(p, 0x07064b50, true);
  w.setBigUint64(p + 8, BigInt(eocdAt), true);
  w.setUint32(p + 16, 1, true);
  p += 20;
  out.set(zip.subarray(eocdAt), p);
  w.setUint16(p + 8, 0xffff, true);
  w.setUint16(p + 10, 0xffff, true);
  w.setUint32(p + 12, 0xffffffff, true);
  w.setUint32(p + 16, 0xffffffff, true);
  return out;
}

describe('readZipEntries', () => {
  const zip = rawZip([
    { name: 'a.txt', data: 'hello' },
    { name: 'b/c.xml', data: '<x/>', store: true },
  ]);

  it('lists the entries and inflates them, CRC and size checked', async () => {
    const entries = readZipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'b/c.xml']);
    expect(new TextDecoder().decode(await inflateEntry(zip, entries[0], 100))).toBe('hello');
    expect(new TextDecoder().decode(await inflateEntry(zip, entries[1], 100))).toBe('<x/>');
  });

  it('finds the directory through a ZIP64 end record', () => {
    expect(readZipEntries(asZip64(zip)).map((e) => e.name)).toEqual(['a.txt', 'b/c.xml']);
  });

  it('refuses a name that occurs twice, ignoring case', () => {
    expect(() => readZipEntries(rawZip([{ name: 'x.xml', data: '1' }, { name: 'X.XML', data: '2' }]))).toThrow(
      expect.objectContaining({ problem: { kind: 'duplicate', name: 'X.XML' } }),
    );
  });

  it('stops inflating at the limit, whatever the entry declares', async () => {
    const bomb = rawZip([bombPart('big.xml', 8)]);
    const [entry] = readZipEntries(bomb);
    await expect(inflateEntry(bomb, { ...entry, size: 10 }, 1024 * 1024)).rejects.toThrow(expect.objectContaining({ problem: { kind: 'too-large', name: 'big.xml', limit: 1024 * 1024 } }));
    expect((await inflateEntry(bomb, entry, 16 * 1024 * 1024)).length).toBe(entry.size);
  });

  it('refuses a declared size or CRC that the data does not have', async () => {
    const [entry] = readZipEntries(zip);
    await expect(inflateEntry(zip, { ...entry, size: 4 }, 100)).rejects.toBeInstanceOf(ZipReadError);
    await expect(inflateEntry(zip, { ...entry, crc: entry.crc ^ 1 }, 100)).rejects.toThrow(expect.objectContaining({ problem: { kind: 'malformed' } }));
  });
});
