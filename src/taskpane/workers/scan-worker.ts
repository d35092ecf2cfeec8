/** The pane's worker: scan inspection, hashing, thumbnails (inspect-files.ts) and validation (evaluate.ts) off the pane's thread. */
import { evaluate } from './evaluate';
import { FileFeed, hashTwins, inspectFiles, makeThumbnail } from './inspect-files';
import { type WorkbookGrid, reviveGrid } from '../../rules/grid';
import type { WorkerReply, WorkerRequest } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply): void };
const cancelled = new Set<number>();
const feeds = new Map<number, FileFeed>();
/** The grid the pane posted last: validating again with other settings or scans does not post it again. */
let grid: WorkbookGrid | null = null;

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'cancel':
      cancelled.add(request.job);
      feeds.get(request.job)?.close();
      return;
    case 'inspect': {
      const running = feeds.get(request.job);
      if (running) return running.add(request.files, request.last);
      const feed = new FileFeed();
      feeds.set(request.job, feed);
      feed.add(request.files, request.last);
      await inspectFiles(feed, (infos) => scope.postMessage({ type: 'inspected', job: request.job, infos }), () => cancelled.has(request.job));
      feeds.delete(request.job);
      cancelled.delete(request.job);
      return scope.postMessage({ type: 'done', job: request.job });
    }
    case 'hash':
      return scope.postMessage({ type: 'hashed', job: request.job, infos: await hashTwins(request.files) });
    case 'evaluate': {
      // A posted grid lost the derived addresses of its cells (structured clone keeps own fields only).
      if (request.input.grid) grid = reviveGrid(request.input.grid);
      if (!grid) throw new Error('没有可校验的工作簿');
      return scope.postMessage({ type: 'evaluated', job: request.job, output: await evaluate({ ...request.input, grid }) });
    }
    case 'thumbnail':
      return scope.postMessage({ type: 'thumbnail', job: request.job, blob: await makeThumbnail(request.blob, request.width) });
  }
}

scope.onmessage = (e) => {
  handle(e.data).catch((err: Error) => scope.postMessage({ type: 'failed', job: e.data.job, message: err.message || String(err) }));
};
