/** Reading the user's files with Chinese messages for the usual failures (missing file, a folder, no permission). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Policy, parsePolicyJson } from '../rules/policy';
import { type CliIo, UserError } from './io';

function explain(e: unknown, shown: string): never {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') throw new UserError(`找不到文件:${shown}`);
  if (code === 'EISDIR') throw new UserError(`这是一个文件夹,不是文件:${shown}`);
  if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限读取:${shown}`);
  throw new UserError(`无法读取 ${shown}:${(e as Error).message}`);
}

export function resolvePath(io: CliIo, file: string): string {
  return path.resolve(io.cwd, file);
}

export async function readUserFile(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolvePath(io, file)));
  } catch (e) {
    explain(e, file);
  }
}

export async function assertDirectory(io: CliIo, dir: string): Promise<string> {
  const full = resolvePath(io, dir);
  const info = await stat(full).catch(() => null);
  if (!info) throw new UserError(`找不到文件夹:${dir}`);
  if (!info.isDirectory()) throw new UserError(`这不是文件夹:${dir}`);
  return full;
}

/** The policy from `--policy`, or undefined for the built-in OUC defaults. PolicyError propagates (exit 2). */
export async function loadPolicyOption(io: CliIo, file: string | undefined): Promise<Policy | undefined> {
  if (file === undefined) return undefined;
  return parsePolicyJson(new TextDecoder().decode(await readUserFile(io, file)));
}
