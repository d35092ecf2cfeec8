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

/**
 * Reads through a ByteSource, keeping what it fetched so overlapping requests cost nothing, and counting
 * the bytes fetched (the inspector reports them per file).
 */
export class SourceReader {
  private fetched: { at: number; data: Uint8Array }[] = [];
  /** The window the last read came from: walking a run of small segments reads it again and again (no search). */
  private last: { at: number; data: Uint8Array } | undefined;

  constructor(private readonly source: ByteSource) {}

  /** Distinct bytes fetched so far (a range fetched twice counts once). */
  get bytesRead(): number {
    const ranges = this.fetched.map((f) => [f.at, f.at + f.data.length]).sort((a, b) => a[0] - b[0]);
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
    const inLast = this.last && offset >= this.last.at && end <= this.last.at + this.last.data.length;
    const hit = inLast ? this.last : this.fetched.find((f) => offset >= f.at && end <= f.at + f.data.length);
    if (hit) {
      this.last = hit;
      return hit.data.subarray(offset - hit.at, end - hit.at);
    }
    let data: Uint8Array;
    try {
      data = await this.source.read(offset, Math.min(this.size - offset, Math.max(end - offset, this.source.minRead ?? WINDOW)));
    } catch (e) {
      throw new SourceReadError(e);
    }
    this.last = { at: offset, data };
    this.fetched.push(this.last);
    return data.subarray(0, end - offset);
  }
}
