/**
 * Building the package in the browser: the written report, the shared planner, the split into parts when the
 * package is larger than an e-mail takes, then the Blob writer over the picked files.
 */
import type { WorkbookFile } from '../host/types';
import type { ValidationResult } from '../rules/engine';
import type { ScanSet } from '../rules/scans';
import type { NameEncoding } from '../package/entry-names';
import { type PackagePlan, type PackageRefusal, planPackage } from '../package/plan';
import { type EntrySizes, type PackagePart, packageSize, partFileName, splitPackage } from '../package/split';
import { buildPackageBlob } from '../package/write-browser';
import { writtenReportBytes } from '../paper/written-report';

export interface PackageInput {
  result: ValidationResult;
  scanSet: ScanSet | undefined;
  blobOf: (path: string) => Blob;
  workbook: WorkbookFile;
  workbookFile: string;
  names: NameEncoding;
}

export interface PreparedPackage {
  plan: PackagePlan;
  sizes: EntrySizes;
  /** The ZIP's size in bytes (an upper bound, see src/package/split.ts). */
  size: number;
}

export async function preparePackage(input: PackageInput): Promise<{ ok: true; prepared: PreparedPackage } | { ok: false; refusal: PackageRefusal }> {
  const paperReport = await writtenReportBytes(input.result, { workbookFile: input.workbookFile });
  const planned = planPackage({
    result: input.result,
    scans: input.scanSet,
    workbookFile: input.workbookFile,
    workbookSize: input.workbook.bytes.length,
    names: input.names,
    paperReport,
  });
  if (!planned.ok) return { ok: false, refusal: planned.refusal };
  const scanSizes = new Map(input.scanSet?.files.map((f) => [f.path, f.size]));
  const sizes: EntrySizes = { scanSize: (file) => scanSizes.get(file) ?? input.blobOf(file).size, workbookSize: input.workbook.bytes.length, names: input.names };
  return { ok: true, prepared: { plan: planned.plan, sizes, size: packageSize(planned.plan, sizes) } };
}

/** The parts to offer when the package is over `maxBytes`, named after `fileName`. */
export function packageParts(prepared: PreparedPackage, maxBytes: number, fileName: string): (PackagePart & { fileName: string })[] {
  const parts = splitPackage(prepared.plan, prepared.sizes, maxBytes);
  return parts.map((p) => ({ ...p, fileName: parts.length === 1 ? fileName : partFileName(fileName, p.number, parts.length) }));
}

export function packageBlob(plan: PackagePlan, input: PackageInput): Promise<Blob> {
  return buildPackageBlob(plan, { scan: input.blobOf, workbook: new Blob([input.workbook.bytes as BlobPart]) }, { names: input.names });
}
