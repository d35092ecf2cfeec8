/**
 * Inspection of one scan from its bytes and name: the real format (by signature), byte size, pixel size,
 * density, EXIF camera facts, markers and whether it is truncated or corrupt. Runs the same in Node and in
 * the browser; reads only headers and the tail through a ByteSource (see bytesRead).
 */
import { DEFAULT_POLICY } from '../rules/policy';
import type { ImageFormat, ScanInfo } from '../rules/scans';
import { quickHash, readFailure } from './hash';
import { inspectJpeg } from './jpeg';
import { inspectPng } from './png';
import { sniffFormat } from './signature';
import { type ByteSource, SourceReadError, SourceReader } from './source';

const EDGE = 4096;
const ASCII = new TextEncoder();

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export interface InspectOptions {
  /**
   * Files above this size (the policy's scan.maxBytes, 10 MB by default) are scan-too-large whatever they hold: only
   * their first and last bytes are read (format and fingerprint), never their structure, so a huge or crafted file
   * costs no more than a small one.
   */
  maxBytes?: number;
}

/**
 * Never throws for bad content: what cannot be parsed is reported as `corrupt`, and a source that fails to give its
 * bytes makes the file `unreadable` (one such file is a problem on itself, not the end of the run).
 */
export async function inspectScan(path: string, source: ByteSource, options: InspectOptions = {}): Promise<ScanInfo> {
  try {
    return await inspectSource(path, source, options);
  } catch (e) {
    if (e instanceof SourceReadError) return { path, size: source.size, format: 'unknown', extension: extensionOf(path), unreadable: readFailure(e.cause) };
    throw e;
  }
}

async function inspectSource(path: string, source: ByteSource, options: InspectOptions): Promise<ScanInfo> {
  const reader = new SourceReader(source);
  // Every format needs both ends, so they are fetched together: one wait per file instead of two. A file within
  // one window is fetched once.
  const tailAt = Math.max(0, reader.size - EDGE);
  const [head, tail] = await Promise.all([reader.bytes(0, EDGE), tailAt > 0 ? reader.bytes(tailAt, EDGE) : undefined]);
  const fingerprint = quickHash([ASCII.encode(String(reader.size)), head, tail ?? head]);
  const sniffed = sniffFormat(head);
  const format: ImageFormat = sniffed.format;
  const base: ScanInfo = { path, size: reader.size, format, extension: extensionOf(path), fingerprint };
  if (reader.size === 0) return { ...base, corrupt: '文件为空(0 字节)', bytesRead: reader.bytesRead };
  if (reader.size > (options.maxBytes ?? DEFAULT_POLICY.scan.maxBytes)) return { ...base, bytesRead: reader.bytesRead };
  const facts =
    format === 'jpeg'
      ? await inspectJpeg(reader)
      : format === 'png'
        ? await inspectPng(reader, sniffed.damagedPngSignature === true)
        : {};
  const info: ScanInfo = { ...base, ...facts };
  info.bytesRead = reader.bytesRead;
  return info;
}
