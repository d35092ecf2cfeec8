/**
 * `xjcheck package --max-size 50M`: the package split into parts that fit an e-mail (src/package/split.ts), each
 * written as a complete ZIP, with the list of parts and their sizes. Without --max-size a package over the
 * policy's attachment limit is written whole and the output says how to split it.
 */
import path from 'node:path';
import { type EntrySizes, type PackagePart, partFileName, splitPackage } from '../package/split';
import type { PackagePlan } from '../package/plan';
import { type NodePackageSources, type WriteOptions, writePackageFile } from '../package/write-node';
import { formatBytes } from '../rules/scans';
import { UserError } from './io';

const UNITS: Record<string, number> = { '': 1, B: 1, K: 1024, KB: 1024, M: 1024 ** 2, MB: 1024 ** 2, G: 1024 ** 3, GB: 1024 ** 3 };

/** "50M", "50MB", "1.5G", "800K" or a number of bytes; at least 1 MB, as the policy's limit. */
export function parseMaxSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$/i.exec(value);
  const bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2].toUpperCase()]) : NaN;
  if (!(bytes >= 1024 * 1024)) throw new UserError(`--max-size 的值无效:“${value}”。请写成大小,例如 50M(至少 1M)`);
  return bytes;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function partLine(part: PackagePart, count: number, file: string): string {
  const what = [part.number === 1 ? '统计表和报告' : '', part.plan.folders ? `${part.plan.folders} 个学生文件夹` : ''].filter(Boolean).join('、');
  return `  ${part.number}/${count}  ${path.basename(file)}  ${formatBytes(part.size)}  ${what}${part.overLimit ? '  (超过上限:其中一名学生的材料已超过上限,不能再拆分)' : ''}`;
}

/** What was written: the total size, the first lines to print (the path, or the list of parts), and a hint to print last. */
export interface WrittenParts {
  size: number;
  head: string;
  hint: string;
}

/**
 * Writes the package, split at `maxBytes` when it is larger. `outPath` is the unsplit package's path; the parts
 * are named after it.
 */
export async function writePackageParts(
  plan: PackagePlan,
  outPath: string,
  sources: NodePackageSources,
  options: WriteOptions & {
    sizes: EntrySizes;
    maxBytes: number | undefined;
    policyMaxBytes: number;
    /** Refuses (UserError) a file that must not be written over; says whether one is replaced (output-policy.ts). */
    checkOutput: (file: string) => Promise<'new' | 'replace'>;
  },
): Promise<WrittenParts> {
  const { sizes, maxBytes, policyMaxBytes, checkOutput } = options;
  const parts = maxBytes === undefined ? null : splitPackage(plan, sizes, maxBytes);
  if (!parts || parts.length === 1) {
    // Checked again just before writing: the answer must hold for the file that is there now.
    const replaced = (await checkOutput(outPath)) === 'replace';
    const size = await writePackageFile(plan, outPath, sources, options);
    const hint =
      maxBytes === undefined && size > policyMaxBytes
        ? `  材料包超过邮件附件上限 ${mb(policyMaxBytes)}:如需分成几个 ZIP 发送,请加 --max-size ${Math.round(policyMaxBytes / 1024 / 1024)}M\n`
        : '';
    return { size, head: `${replaced ? '已生成材料包(替换了同名的旧文件)' : '已生成材料包'}:${outPath}\n`, hint };
  }
  const files = parts.map((p) => path.join(path.dirname(outPath), partFileName(path.basename(outPath), p.number, parts.length)));
  // Every part's place is checked before the first is written: a refusal leaves no partial set of parts behind.
  for (const file of files) await checkOutput(file);
  let size = 0;
  for (const part of parts) size += await writePackageFile(part.plan, files[part.number - 1], sources, options);
  const head = [
    `已生成材料包,分为 ${parts.length} 个部分(每个不超过 ${mb(maxBytes!)},每个都是完整的 ZIP,学生文件夹不拆分):`,
    ...parts.map((p) => partLine(p, parts.length, files[p.number - 1])),
    '',
  ].join('\n');
  return { size, head, hint: '' };
}
