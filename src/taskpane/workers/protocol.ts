/** Messages between the pane and its worker (scans and validation). Files travel as Blob/File handles: structured cloning copies no bytes. */
import type { ScanInfo } from '../../rules/scans';
import type { EvaluateInput, EvaluateOutput } from './evaluate';

export interface FileRef {
  path: string;
  blob: Blob;
}

export type WorkerRequest =
  /** The files of one inspection, in slices; the first slice starts the job, `last` ends it. */
  | { type: 'inspect'; job: number; files: FileRef[]; last: boolean }
  | { type: 'hash'; job: number; files: { info: ScanInfo; blob: Blob }[] }
  | { type: 'thumbnail'; job: number; blob: Blob; width: number }
  /** `grid: null`: the grid of the previous evaluate again (a grid is posted once, not with every validation). */
  | { type: 'evaluate'; job: number; input: Omit<EvaluateInput, 'grid'> & { grid: EvaluateInput['grid'] | null } }
  | { type: 'cancel'; job: number };

export type WorkerReply =
  /** Inspected files, in batches, in the order they finished. */
  | { type: 'inspected'; job: number; infos: ScanInfo[] }
  | { type: 'hashed'; job: number; infos: ScanInfo[] }
  | { type: 'thumbnail'; job: number; blob: Blob | null }
  | { type: 'evaluated'; job: number; output: EvaluateOutput }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; message: string };
