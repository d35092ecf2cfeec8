/** Building the package in the browser: the shared planner, then the Blob writer over the picked files. */
import type { WorkbookFile } from '../host/types';
import type { ValidationResult } from '../rules/engine';
import type { ScanSet } from '../rules/scans';
import type { NameEncoding } from '../package/entry-names';
import { type PackageRefusal, planPackage } from '../package/plan';
import { buildPackageBlob } from '../package/write-browser';

export type PackageOutcome = { ok: true; blob: Blob; folders: number; scans: number } | { ok: false; refusal: PackageRefusal };

export async function buildPackage(input: {
  result: ValidationResult;
  scanSet: ScanSet | undefined;
  blobOf: (path: string) => Blob;
  workbook: WorkbookFile;
  workbookFile: string;
  names: NameEncoding;
}): Promise<PackageOutcome> {
  const planned = planPackage({ result: input.result, scans: input.scanSet, workbookFile: input.workbookFile, workbookSize: input.workbook.bytes.length, names: input.names });
  if (!planned.ok) return { ok: false, refusal: planned.refusal };
  const blob = await buildPackageBlob(planned.plan, { scan: input.blobOf, workbook: new Blob([input.workbook.bytes as BlobPart]) }, { names: input.names });
  return { ok: true, blob, folders: planned.plan.folders, scans: planned.plan.scans };
}
