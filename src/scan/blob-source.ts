/**
 * A ByteSource over a Blob or File (browser, task pane): each read is a slice of the file, so inspecting a scan
 * reads its headers and tail (a few KB) instead of the whole file. A read is a round trip to the browser's file
 * reader; the inspector asks for the head and the tail at once, and reads several files at a time, so the trips
 * overlap.
 */
import type { ByteSource } from './source';

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset, length) {
      const end = Math.min(blob.size, offset + length);
      if (offset >= end) return new Uint8Array(0);
      return new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    },
  };
}
