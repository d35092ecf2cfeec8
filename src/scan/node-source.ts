/**
 * Files on disk (Node) by file descriptor, for inspection: a ByteSource reading ranges of an open file, and the
 * open, stat and close around it. fs's callback calls cost the event loop about half of what FileHandle's promises
 * do (measured: 1,000 files inspected from the page cache), which counts when a folder holds a thousand scans.
 * Opening (a path lookup, which may wait for the disk) and reading go through the thread pool; fstat and close of
 * an open file read-only never wait for the disk, so they are direct calls instead of two more trips through the
 * pool's four threads, which the reads of other files need.
 */
import fs from 'node:fs';
import type { ByteSource } from './source';

const call = <T>(f: (done: (e: NodeJS.ErrnoException | null, v: T) => void) => void) =>
  new Promise<T>((resolve, reject) => f((e, v) => (e ? reject(e) : resolve(v))));

export const openFile = (path: string, flags: number) => call<number>((done) => fs.open(path, flags, done));
export const statFile = (fd: number): fs.Stats => fs.fstatSync(fd);
export const closeFile = (fd: number): void => fs.closeSync(fd);

/** Ranges of the open file `fd` of `size` bytes (its size when opened: a file that shrinks gives fewer bytes). */
export function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let got = 0;
      while (got < buffer.length) {
        const n = await call<number>((done) => fs.read(fd, buffer, got, buffer.length - got, offset + got, done));
        if (n === 0) break;
        got += n;
      }
      return buffer.subarray(0, got);
    },
  };
}
