/**
 * A ByteSource over a Blob or File (browser, task pane): each read is a slice of the file, so inspecting a scan
 * reads its headers and tail instead of the whole file. A read is a round trip to the browser's file reader that
 * costs about as much for 4 KB as for a few hundred (measured in the pane benchmark), so reads are at least
 * MIN_READ: the first one takes in a JPEG's metadata segments (EXIF with its thumbnail, ICC profile, comments)
 * up to the image size, where 4 KB reads would hop from one segment header to the next, a round trip each.
 */
import type { ByteSource } from './source';

const MIN_READ = 256 * 1024;

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    minRead: MIN_READ,
    async read(offset, length) {
      const end = Math.min(blob.size, offset + length);
      if (offset >= end) return new Uint8Array(0);
      return new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    },
  };
}
