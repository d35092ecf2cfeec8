/**
 * The pane's side of the scan work and of validation: a Web Worker when one can start, else the same code on the pane's thread,
 * yielding between batches. A page opened from disk (file:) cannot start a worker; neither can a host that forbids it.
 */
import type { ScanInfo } from '../rules/scans';
import type { EvaluateInput, EvaluateOutput } from './workers/evaluate';
import type { FileRef, WorkerReply, WorkerRequest } from './workers/protocol';

export interface ScanWork {
  /** Inspects the files, handing results over in batches; resolves when all are done or `signal` aborts. */
  inspect(files: FileRef[], onBatch: (infos: ScanInfo[]) => void, signal: AbortSignal): Promise<void>;
  hash(files: { info: ScanInfo; blob: Blob }[]): Promise<ScanInfo[]>;
  thumbnail(blob: Blob, width: number): Promise<Blob | null>;
  evaluate(input: EvaluateInput): Promise<EvaluateOutput>;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Files handed to the worker in one post: posting a File costs the page's thread about a millisecond. */
const SLICE = 20;

// Loaded only when needed, as the worker's own code is: the first paint carries neither the engine nor the inspector.
const scanCode = () => import('./workers/inspect-files');
const onPaneThread: ScanWork = {
  async inspect(files, onBatch, signal) {
    const { FileFeed, inspectFiles } = await scanCode();
    const feed = new FileFeed();
    feed.add(files, true);
    return inspectFiles(feed, onBatch, () => signal.aborted, yieldToPage);
  },
  hash: async (files) => (await scanCode()).hashTwins(files),
  thumbnail: async (blob, width) => (await scanCode()).makeThumbnail(blob, width),
  evaluate: async (input) => (await import('./workers/evaluate')).evaluate(input),
};

type Pending = { onReply(reply: WorkerReply): void; onFailure(message: string): void };

function inWorker(worker: Worker, fallBack: () => void): ScanWork {
  let nextJob = 1;
  /** The grid the worker has (see the evaluate request). */
  let posted: EvaluateInput['grid'] | null = null;
  const pending = new Map<number, Pending>();
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const p = pending.get(e.data.job);
    if (!p) return;
    if (e.data.type === 'failed') p.onFailure(e.data.message);
    else p.onReply(e.data);
  };
  // A worker that could not load (or died) fails what it had; later work runs on the pane's thread.
  worker.onerror = (e) => {
    e.preventDefault();
    fallBack();
    for (const p of pending.values()) p.onFailure('扫描件检查程序无法启动');
    pending.clear();
  };
  /** Posts the request built for a new job number; `onReply` sees each reply until it calls `finish`. */
  const start = <T>(request: (job: number) => WorkerRequest, onReply: (reply: WorkerReply, finish: (v: T) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      const job = nextJob++;
      const finish = (v: T) => {
        pending.delete(job);
        resolve(v);
      };
      const onFailure = (message: string) => {
        pending.delete(job);
        reject(new Error(message));
      };
      pending.set(job, { onReply: (r) => onReply(r, finish), onFailure });
      const message = request(job);
      const posted = performance.now();
      worker.postMessage(message);
      if (message.type === 'inspect') performance.measure('xj:交给工作线程(第一批)', { start: posted });
    });
  return {
    inspect(files, onBatch, signal) {
      let cancel = () => undefined as void;
      let jobOf = 0;
      const done = start<void>(
        (job) => {
          jobOf = job;
          cancel = () => worker.postMessage({ type: 'cancel', job } satisfies WorkerRequest);
          signal.addEventListener('abort', cancel, { once: true });
          return { type: 'inspect', job, files: files.slice(0, SLICE), last: files.length <= SLICE };
        },
        (reply, finish) => {
          if (reply.type === 'inspected') onBatch(reply.infos);
          else if (reply.type === 'done') {
            signal.removeEventListener('abort', cancel);
            finish();
          }
        },
      );
      // The rest follows slice by slice, each post in a task of its own, while the worker already inspects.
      void (async () => {
        for (let at = SLICE; at < files.length && !signal.aborted; at += SLICE) {
          await yieldToPage();
          worker.postMessage({ type: 'inspect', job: jobOf, files: files.slice(at, at + SLICE), last: at + SLICE >= files.length } satisfies WorkerRequest);
        }
      })();
      return done;
    },
    hash: (files) => start<ScanInfo[]>((job) => ({ type: 'hash', job, files }), (reply, finish) => reply.type === 'hashed' && finish(reply.infos)),
    thumbnail: (blob, width) =>
      start<Blob | null>((job) => ({ type: 'thumbnail', job, blob, width }), (reply, finish) => reply.type === 'thumbnail' && finish(reply.blob)),
    evaluate(input) {
      // Posting a grid copies it on the pane's thread (tens of ms at 1,000 students): the worker keeps the last one.
      const grid = input.grid === posted ? null : input.grid;
      posted = input.grid;
      return start<EvaluateOutput>((job) => ({ type: 'evaluate', job, input: { ...input, grid } }), (reply, finish) => reply.type === 'evaluated' && finish(reply.output));
    },
  };
}

/** The scan work for this page: in a worker where possible. Falls back for good after a worker failure. */
export function createScanWork(): ScanWork {
  let current: ScanWork = onPaneThread;
  try {
    const worker = new Worker(new URL('./workers/scan-worker.ts', import.meta.url));
    current = inWorker(worker, () => {
      current = onPaneThread;
    });
  } catch {
    current = onPaneThread;
  }
  // Work the worker failed is done again on the pane's thread (inspection results are keyed by path, so a batch
  // handed over twice does no harm).
  const retried = async <R>(f: (w: ScanWork) => Promise<R>): Promise<R> => {
    const used = current;
    try {
      return await f(used);
    } catch (e) {
      if (current !== used) return f(current);
      throw e;
    }
  };
  return {
    inspect: (files, onBatch, signal) => retried((w) => w.inspect(files, onBatch, signal)),
    async hash(files) {
      // Only files that share a size can be twins: the others are not handed over (each File posted costs the
      // pane's thread time), and come back as they are.
      const sizes = new Map<number, number>();
      for (const f of files) sizes.set(f.info.size, (sizes.get(f.info.size) ?? 0) + 1);
      const candidates = files.filter((f) => sizes.get(f.info.size)! > 1);
      const hashed = new Map(candidates.length ? (await retried((w) => w.hash(candidates))).map((i) => [i.path, i]) : []);
      return files.map((f) => hashed.get(f.info.path) ?? f.info);
    },
    thumbnail: (blob, width) => retried((w) => w.thumbnail(blob, width)),
    evaluate: (input) => retried((w) => w.evaluate(input)),
  };
}
