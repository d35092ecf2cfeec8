/**
 * SHA-256 with Web Crypto (Node 20 and browsers alike). Hashing reads a whole file, so it is kept for what
 * needs it: see `hashSameSize`.
 */
import { DEFAULT_POLICY } from '../rules/policy';
import type { ScanInfo } from '../rules/scans';

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A fast 53-bit hash (cyrb53) as 14 hex digits: for recognising a file picked again, not for security.
 * SHA-256 through Web Crypto costs ~60 µs a call, as much as the rest of an inspection.
 */
export function quickHash(parts: Uint8Array[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const p of parts)
    for (let i = 0; i < p.length; i++) {
      h1 = Math.imul(h1 ^ p[i], 2654435761);
      h2 = Math.imul(h2 ^ p[i], 1597334677);
    }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (2097152 * (h2 >>> 0) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Adds `sha256` to the files that can have a twin: only files of exactly the same size can hold the same bytes,
 * so only those are read in full and hashed. A folder of scans rarely has two files of one size, so this
 * usually reads nothing. Files over `maxBytes` are not read (scan-too-large refuses them anyway; two same-size
 * files of gigabytes must not be loaded), nor unreadable ones. A file that cannot be read now is marked unreadable.
 * Returns new ScanInfo objects; the others are returned as they are.
 */
export async function hashSameSize(
  files: ScanInfo[],
  readAll: (path: string) => Promise<Uint8Array<ArrayBuffer>>,
  maxBytes: number = DEFAULT_POLICY.scan.maxBytes,
): Promise<ScanInfo[]> {
  const bySize = new Map<number, number>();
  for (const f of files) bySize.set(f.size, (bySize.get(f.size) ?? 0) + 1);
  const out: ScanInfo[] = [];
  for (const f of files) {
    if ((bySize.get(f.size) ?? 0) < 2 || f.sha256 || f.unreadable || f.size > maxBytes) out.push(f);
    else {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = await readAll(f.path);
      } catch (e) {
        out.push({ ...f, unreadable: readFailure(e) });
        continue;
      }
      out.push({ ...f, sha256: await sha256Hex(bytes) });
    }
  }
  return out;
}

/** Why a file could not be read, in Chinese (Node's error codes; a browser's errors have none). */
export function readFailure(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'ENOENT') return '文件在校验过程中被删除或移走了';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'ELOOP') return '符号链接循环';
  if (code === 'EIO') return '读取时发生输入输出错误(磁盘或网络盘故障)';
  return `读取失败(${code ?? (e as Error)?.name ?? '未知错误'})`;
}
