/** What `validate` and `package` both do first: read the workbook, link the scans to its students, validate. */
import path from 'node:path';
import type { WorkbookGrid } from '../rules/grid';
import { type ValidationResult, readWorkbookModel, validateWorkbook } from '../rules/engine';
import type { Policy, TableKind } from '../rules/policy';
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
  // Scans are linked to students, so the students are read first, then the rules run with the scans.
  const folder = scanDir === undefined ? undefined : await loadScanFolder(scanDir, readWorkbookModel(grid, policy, kindOverrides).students, policy, { whole: wholeScans });
  const result = validateWorkbook(grid, { policy, asOf, kindOverrides, scans: folder?.scans });
  return { bytes, grid, result, folder };
}
