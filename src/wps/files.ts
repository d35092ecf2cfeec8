/**
 * The workbook's own file and the package beside it, through `wps.FileSystem`. Bytes are read with
 * ReadFileAsArrayBuffer only: FileSystem.ReadFile reads text, and on WPS 12.8 for Linux it cuts binary data at the
 * first NUL byte. The package is written with writeAsBinaryString (one character per byte). FileSystem documents no
 * rename, so "no half-written file" is kept by writing, reading back and comparing, and removing the file when
 * either fails; an existing package is never overwritten: the new one gets the next free " (2)" name.
 */
import type { WpsFileSystem } from './et';

/** The separator the workbook's own path uses ("\\" on Windows, "/" on Linux). */
export const separatorOf = (folder: string) => (folder.includes('\\') ? '\\' : '/');

export function joinPath(folder: string, name: string): string {
  const sep = separatorOf(folder);
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

export function readFileBytes(fs: WpsFileSystem, path: string): Uint8Array {
  if (!fs.Exists(path)) throw new Error(`找不到文件 ${path}`);
  // ReadFileAsArrayBuffer is missing from the FileSystem reference WPS published for older versions, which lists
  // readAsBinaryString (one character per byte) instead: that one is the fallback, never ReadFile.
  if (typeof fs.ReadFileAsArrayBuffer !== 'function') {
    const text = fs.readAsBinaryString?.(path);
    if (typeof text !== 'string') throw new Error(`这个版本的 WPS 不能读取文件的字节:${path}`);
    return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  }
  const buffer = fs.ReadFileAsArrayBuffer(path);
  if (!(buffer instanceof ArrayBuffer) && !ArrayBuffer.isView(buffer)) throw new Error(`WPS 没有返回 ${path} 的内容`);
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array((buffer as ArrayBufferView).buffer);
}

/** Bytes as a binary string (one char per byte), in slices so no call gets millions of arguments. */
export function binaryString(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) parts.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  return parts.join('');
}

/** `name.zip`, or `name (2).zip`, … : the first name not taken in the folder. */
export function freeName(fs: WpsFileSystem, folder: string, fileName: string): string {
  if (!fs.Exists(joinPath(folder, fileName))) return fileName;
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  for (let i = 2; ; i++) if (!fs.Exists(joinPath(folder, `${base} (${i})${ext}`))) return `${base} (${i})${ext}`;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Writes the file (never over an existing one) and returns its full path; on any failure nothing is left. */
export function writeNewFile(fs: WpsFileSystem, folder: string, fileName: string, bytes: Uint8Array): string {
  const path = joinPath(folder, freeName(fs, folder, fileName));
  try {
    if (fs.writeAsBinaryString(path, binaryString(bytes)) === false) throw new Error('WPS 拒绝写入(文件夹不可写?)');
    if (!sameBytes(readFileBytes(fs, path), bytes)) throw new Error('写入后读回的内容与材料包不一致');
  } catch (e) {
    if (fs.Exists(path)) fs.Remove(path);
    throw new Error(`无法把材料包写到 ${path}:${(e as Error).message}。没有留下不完整的文件。`);
  }
  return path;
}
