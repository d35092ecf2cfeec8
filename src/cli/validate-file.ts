/** What `validate` and `package` both do first: read the workbook, then one engine call (link the scans to its students, validate). */
import path from 'node:path';
import type { WorkbookGrid } from '../rules/grid';
import { type ValidationResult, validate } from '../rules/engine';
import type { Policy, TableKind } from '../rules/policy';
import type { Student } from '../rules/students';
import { type ScanFolder, loadScanFolder } from '../scan/node-folder';
import { XLSX_LIMITS } from '../xlsx/limits';
import { readWorkbook } from '../xlsx/read-workbook';
import { readUserFile } from './files';
import { type CliIo, UserError } from './io';

export interface ValidatedFile {
  bytes: Uint8Array;
  grid: WorkbookGrid;
  result: ValidationResult;
  /** With a scan folder: the linked scans and where each is on disk. */
  folder?: ScanFolder;
}

export async function validateFile(
  io: CliIo,
  file: string,
  options: {
    policy: Policy;
    asOf?: string;
    kindOverrides: Record<string, TableKind>;
    scanDir?: string;
    /** Read each scan whole and hash it (for packaging), rather than its headers only. */
    wholeScans?: boolean;
  },
): Promise<ValidatedFile> {
  const { policy, asOf, kindOverrides, scanDir, wholeScans } = options;
  const bytes = await readUserFile(io, file, XLSX_LIMITS.fileBytes);
  const grid = await readWorkbook(bytes, { name: path.basename(file, path.extname(file)) });
  const sheetNames = grid.sheets.map((s) => s.name);
  for (const sheet of Object.keys(kindOverrides))
    if (!sheetNames.includes(sheet)) throw new UserError(`--kind 指定的工作表不存在:“${sheet}”。工作簿中的工作表:${sheetNames.join('、')}`);
  let folder: ScanFolder | undefined;
  // Scans are linked to the students the engine reads; with wholeScans each is read whole once and hashed.
  const link = scanDir === undefined ? undefined : async (students: Student[]) => (folder = await loadScanFolder(scanDir, students, policy, { whole: wholeScans })).scans;
  const result = await validate(grid, { policy, asOf, kindOverrides, link });
  return { bytes, grid, result, folder };
}
