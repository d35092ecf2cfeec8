/**
 * Where inspection reads a scan's bytes from: a file handle in Node, a Blob/File in the browser, or bytes in
 * memory. Inspection asks only for the ranges it needs (headers and the tail), so a 10 MB scan costs a few KB.
 */
export interface ByteSource {
  size: number;
  /** Up to `length` bytes from `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * The smallest read worth making (default 4 KB): where each read is a costly round trip whatever its size (a
   * browser's Blob), one larger read takes in the segment headers a smaller one would have to hop between.
   */
  minRead?: number;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** The source failed to give its bytes (a file gone, no permission, a browser File changed on disk): not bad content. */
export class SourceReadError extends Error {
  constructor(readonly cause: unknown) {
    super('source read failed');
    this.name = 'SourceReadError';
  }
}

/** Smallest read by default: one call fetches at least this much, so walking small segment headers costs few calls. */
const WINDOW = 4096;

/** One read from the source: bytes [at, end) asked for, arriving as `data` (shorter only at the end of the file). */
interface Fetch {
  at: number;
  end: number;
  data: Promise<Uint8Array>;
}

/**
 * Reads through a ByteSource, keeping what it fetched (or is fetching) so overlapping requests cost nothing, even
 * when made at once (the head and the tail of a file that one read covers), and counting the bytes fetched (the
 * inspector reports them per file).
 */
export class SourceReader {
  private fetched: Fetch[] = [];
  /** The window the last read came from: walking a run of small segments reads it again and again (no search). */
  private last: Fetch | undefined;

  constructor(private readonly source: ByteSource) {}

  /** Distinct bytes asked of the source so far (a range fetched twice counts once). */
  get bytesRead(): number {
    const ranges = this.fetched.map((f) => [f.at, f.end]).sort((a, b) => a[0] - b[0]);
    let total = 0;
    let reach = 0;
    for (const [from, to] of ranges) {
      total += Math.max(0, to - Math.max(from, reach));
      reach = Math.max(reach, to);
    }
    return total;
  }

  get size(): number {
    return this.source.size;
  }

  /** Bytes [offset, offset + length), clipped to the file; shorter than asked only at the end of the file. */
  async bytes(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    if (offset >= end) return new Uint8Array(0);
    const covers = (f: Fetch) => offset >= f.at && end <= f.end;
    let hit = this.last && covers(this.last) ? this.last : this.fetched.find(covers);
    if (!hit) {
      const to = Math.min(this.size, Math.max(end, offset + (this.source.minRead ?? WINDOW)));
      const data = this.source.read(offset, to - offset).catch((e: unknown) => {
        throw new SourceReadError(e);
      });
      hit = { at: offset, end: to, data };
      this.fetched.push(hit);
    }
    this.last = hit;
    const data = await hit.data;
    return data.subarray(Math.min(data.length, offset - hit.at), Math.min(data.length, end - hit.at));
  }
}
