/**
 * The scan work itself, the same in the worker and (where no worker can start, e.g. a page opened from disk) on
 * the pane's thread: inspect files a few at a time (their reads overlap), hand results over in batches, stop when
 * told; hash the files that share a size; shrink an image to a thumbnail.
 */
import type { ScanInfo } from '../../rules/scans';
import { blobSource } from '../../scan/blob-source';
import { hashSameSize } from '../../scan/hash';
import { inspectScan } from '../../scan/inspect';
import type { FileRef } from './protocol';

/** Files read at once: a Blob read is a round trip to the browser's file reader, so many overlap. */
const CONCURRENCY = 16;
/** A batch is handed over after this many files or this many milliseconds, whichever comes first. */
const BATCH_FILES = 25;
const BATCH_MS = 100;

/**
 * Files as they arrive: the pane hands 300 File objects over in slices, because handing them over at once holds
 * its thread for a quarter of a second.
 */
export class FileFeed {
  private files: FileRef[] = [];
  private next = 0;
  private closed = false;
  private waiting: (() => void)[] = [];

  /** Adds files; `last` says no more will come. */
  add(files: FileRef[], last: boolean): void {
    this.files.push(...files);
    if (last) this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Ends the feed early (cancelled). */
  close(): void {
    this.add([], true);
  }

  /** The next file, waiting for one to arrive; null when the feed is done. */
  async take(): Promise<FileRef | null> {
    for (;;) {
      if (this.next < this.files.length) return this.files[this.next++];
      if (this.closed) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }
}

export async function inspectFiles(
  feed: FileFeed,
  onBatch: (infos: ScanInfo[]) => void,
  cancelled: () => boolean,
  /** On the pane's own thread: lets the page paint and respond between batches. */
  yieldNow?: () => Promise<void>,
): Promise<void> {
  let batch: ScanInfo[] = [];
  let since = performance.now();
  const flush = () => {
    if (batch.length) onBatch(batch);
    batch = [];
    since = performance.now();
  };
  const reader = async () => {
    for (let f = await feed.take(); f && !cancelled(); f = await feed.take()) {
      // Awaited first: `batch.push(await …)` would push into the array as it was before the wait, which may have
      // been handed over (and replaced) by another reader meanwhile.
      const info = await inspectScan(f.path, blobSource(f.blob));
      batch.push(info);
      if (batch.length >= BATCH_FILES || performance.now() - since >= BATCH_MS) {
        flush();
        await yieldNow?.();
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, reader));
  flush();
}

/** Adds SHA-256 to the files that share a size with another (scan-duplicate compares them). */
export function hashTwins(files: { info: ScanInfo; blob: Blob }[]): Promise<ScanInfo[]> {
  const blobs = new Map(files.map((f) => [f.info.path, f.blob]));
  return hashSameSize(
    files.map((f) => f.info),
    async (path) => new Uint8Array(await blobs.get(path)!.arrayBuffer()),
  );
}

/**
 * A JPEG thumbnail `width` pixels wide, decoded at that size by the browser (createImageBitmap with a resize),
 * so a 3 MB scan costs a few KB of image memory; null when the browser cannot decode the file (HEIC, PDF, corrupt).
 */
export async function makeThumbnail(blob: Blob, width: number): Promise<Blob | null> {
  try {
    const bitmap = await createImageBitmap(blob, { resizeWidth: width, resizeQuality: 'medium' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  } catch {
    return null;
  }
}
