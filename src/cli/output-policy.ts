/**
 * Where `package` may write its ZIP. Never onto an input: not the workbook (also through a symlinked folder or a
 * case variant of its name, both caught by comparing the files' identities), not over any file in the scan folder
 * but a previous package (a scan there could be replaced; `--scans .` with the workbook beside its student folders
 * is a common layout, so a new ZIP there is allowed). An existing file is replaced only when it is a package this
 * tool wrote before (a ZIP holding 校验报告.txt at its root); anything else needs --force.
 */
import { type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { SUMMARY_FILE } from '../package/plan';
import { EOCD_SEARCH, locateCentralDirectory, parseCentralDirectory } from '../xlsx/zip-read';
import { UserError } from './io';

/** A previous package's central directory is small (a few hundred bytes per entry); a larger one is not looked into. */
const MAX_DIRECTORY = 16 * 1024 * 1024;

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

const isInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Whether the file is a ZIP with 校验报告.txt at its root: a package written by this tool. */
async function isPreviousPackage(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailAt = Math.max(0, size - EOCD_SEARCH);
    const tail = new Uint8Array(size - tailAt);
    await handle.read(tail, 0, tail.length, tailAt);
    const cd = locateCentralDirectory(tail, tailAt);
    if (cd.size > MAX_DIRECTORY || cd.offset + cd.size > size) return false;
    const bytes = new Uint8Array(cd.size);
    await handle.read(bytes, 0, cd.size, cd.offset);
    return parseCentralDirectory(bytes, cd.count).some((e) => e.name === SUMMARY_FILE);
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/** Refuses (UserError) an output path that would overwrite an input or, without `force`, a file that is not a previous package. Returns whether a file is replaced. */
export async function checkPackageOutput(outPath: string, inputs: { workbookPath: string; scanDir: string }, force: boolean): Promise<'new' | 'replace'> {
  const shown = outPath;
  const outDir = await realpath(path.dirname(outPath)).catch(() => null);
  const dirInfo = outDir === null ? null : await stat(outDir).catch(() => null);
  if (!dirInfo?.isDirectory()) throw new UserError(`保存材料包的文件夹不存在:${path.dirname(outPath)}`);
  const scanDir = await realpath(inputs.scanDir);

  const existing = await stat(outPath).catch(() => null);
  if (!existing) return 'new';
  const realTarget = await realpath(outPath);
  const workbook = await stat(inputs.workbookPath);
  if (sameFile(existing, workbook)) throw new UserError(`--out 指向的正是要打包的工作簿(${shown}),不能覆盖它。请换一个文件名`);
  if (!existing.isFile()) throw new UserError(`${shown} 已存在,而且不是普通文件,不能写入。请换一个文件名`);
  if (await isPreviousPackage(outPath)) return 'replace';
  if (isInside(realTarget, scanDir)) throw new UserError(`--out 指向扫描件文件夹中的文件(${shown}),不能覆盖它。请换一个位置或文件名`);
  if (force) return 'replace';
  throw new UserError(`文件已存在,而且不是之前生成的材料包:${shown}。为免误删,没有覆盖它;如确需覆盖,请加 --force,或用 --out 换一个文件名`);
}
