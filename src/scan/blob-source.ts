/** A ByteSource over a Blob or File (browser, task pane): slices are read without loading the whole file. */
import type { ByteSource } from './source';

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}
