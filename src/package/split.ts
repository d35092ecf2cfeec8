/**
 * Packages that fit an e-mail (pure): the size a planned package will have, and its split into parts no larger
 * than the attachment limit. A part holds whole student folders only; the workbook and the reports go into the
 * first; every part is a complete ZIP of its own, named `{name}_材料包_1-3.zip`, `…_2-3.zip`, … in the order of the
 * plan, so the parts together hold exactly the entries of the unsplit package.
 *
 * Sizes are exact for stored entries (scans, workbook, .docx, folders: headers + name + data + central record) and
 * an upper bound for the DEFLATEd 校验报告.txt (its raw size plus DEFLATE's worst-case block overhead), so a
 * part is never larger than computed.
 */
import { textFileBytes } from './entry-data';
import { type NameEncoding, encodeEntryName } from './entry-names';
import type { PackageEntry, PackagePlan } from './plan';

export interface EntrySizes {
  /** Size in bytes of a scan of the plan, by its path. */
  scanSize(file: string): number;
  workbookSize: number;
  names?: NameEncoding;
}

export interface PackagePart {
  /** 1-based. */
  number: number;
  /** The part as a plan of its own, for the writers. */
  plan: PackagePlan;
  /** Size of the part's ZIP in bytes (at most this, see above). */
  size: number;
  /** One student's folder alone is larger than the limit: it cannot be split, so this part is over it. */
  overLimit: boolean;
}

const LOCAL_HEADER = 30;
const CENTRAL_RECORD = 46;
const END_RECORD = 22;
/** DEFLATE's worst case: 5 bytes per stored block of at most 16 KB (zlib's bound), plus the stream's end. */
const deflateBound = (n: number) => n + 5 * Math.ceil(n / 16384) + 6;

function dataSize(entry: PackageEntry, sizes: EntrySizes): number {
  const { source } = entry;
  if (source.kind === 'folder') return 0;
  if (source.kind === 'scan') return sizes.scanSize(source.file);
  if (source.kind === 'workbook') return sizes.workbookSize;
  if (source.kind === 'bytes') return source.data.length;
  return deflateBound(textFileBytes(source.text).length);
}

export function entrySize(entry: PackageEntry, sizes: EntrySizes): number {
  const name = encodeEntryName(entry.path, sizes.names ?? 'utf8').length;
  return LOCAL_HEADER + name + dataSize(entry, sizes) + CENTRAL_RECORD + name;
}

/** The size of the package's ZIP (an upper bound, exact but for the report text's compression). */
export function packageSize(plan: PackagePlan, sizes: EntrySizes): number {
  return END_RECORD + plan.entries.reduce((n, e) => n + entrySize(e, sizes), 0);
}

/** `学生基本信息修改情况统计表_材料包.zip` → `学生基本信息修改情况统计表_材料包_2-3.zip`. */
export function partFileName(packageFile: string, number: number, count: number): string {
  return `${packageFile.replace(/\.zip$/i, '')}_${number}-${count}.zip`;
}

/** The entries before the first student folder (workbook, 校验报告.txt, the .docx), then one group per folder. */
function groups(plan: PackagePlan): { head: PackageEntry[]; folders: PackageEntry[][] } {
  const firstFolder = plan.entries.findIndex((e) => e.source.kind === 'folder');
  const head = firstFolder < 0 ? plan.entries : plan.entries.slice(0, firstFolder);
  const folders: PackageEntry[][] = [];
  for (const e of firstFolder < 0 ? [] : plan.entries.slice(firstFolder)) {
    if (e.source.kind === 'folder') folders.push([e]);
    else folders[folders.length - 1].push(e);
  }
  return { head, folders };
}

function partPlan(entries: PackageEntry[], summary: string, sizes: EntrySizes): PackagePlan {
  const scans = entries.filter((e) => e.source.kind === 'scan');
  return {
    entries,
    summary,
    folders: entries.filter((e) => e.source.kind === 'folder').length,
    scans: scans.length,
    scanBytes: scans.reduce((n, e) => n + (e.source.kind === 'scan' ? sizes.scanSize(e.source.file) : 0), 0),
  };
}

/**
 * Splits the plan into parts of at most `maxBytes` each, filled in the plan's order (a part is closed when the next
 * folder would not fit). One part, the plan itself, when the whole package fits.
 */
export function splitPackage(plan: PackagePlan, sizes: EntrySizes, maxBytes: number): PackagePart[] {
  const total = packageSize(plan, sizes);
  if (total <= maxBytes) return [{ number: 1, plan, size: total, overLimit: false }];
  const { head, folders } = groups(plan);
  const groupSize = (g: PackageEntry[]) => g.reduce((n, e) => n + entrySize(e, sizes), 0);
  const parts: { entries: PackageEntry[]; size: number }[] = [{ entries: [...head], size: END_RECORD + groupSize(head) }];
  for (const folder of folders) {
    const size = groupSize(folder);
    let current = parts[parts.length - 1];
    if (current.size + size > maxBytes) {
      current = { entries: [], size: END_RECORD };
      parts.push(current);
    }
    current.entries.push(...folder);
    current.size += size;
  }
  return parts.map((p, i) => ({ number: i + 1, plan: partPlan(p.entries, plan.summary, sizes), size: p.size, overLimit: p.size > maxBytes }));
}
