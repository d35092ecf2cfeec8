/** Reading the user's files with Chinese messages for the usual failures (missing file, a folder, no permission). */
import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
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

/** Opening without blocking: a FIFO named as the workbook would otherwise wait for a writer forever. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A regular file of at most `maxBytes`, read whole. Anything else is refused before it is read: a device such as
 * /dev/zero, a FIFO or socket (which never end), a file larger than any input the command can use.
 */
export async function readUserFile(io: CliIo, file: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(resolvePath(io, file), OPEN_FLAGS);
  } catch (e) {
    explain(e, file);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UserError(`这是一个文件夹,不是文件:${file}`);
    if (!info.isFile()) throw new UserError(`这不是普通文件(而是设备、管道或套接字),不能读取:${file}`);
    if (info.size > maxBytes)
      throw new UserError(`文件太大(${Math.round(info.size / 1024 / 1024)} MB,上限 ${Math.round(maxBytes / 1024 / 1024)} MB),没有读取:${file}。请检查是否选错了文件`);
    const bytes = new Uint8Array(info.size);
    let got = 0;
    while (got < bytes.length) {
      const { bytesRead } = await handle.read(bytes, got, bytes.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return bytes.subarray(0, got);
  } catch (e) {
    if (e instanceof UserError) throw e;
    explain(e, file);
  } finally {
    await handle.close();
  }
}

export async function assertDirectory(io: CliIo, dir: string): Promise<string> {
  const full = resolvePath(io, dir);
  const info = await stat(full).catch(() => null);
  if (!info) throw new UserError(`找不到文件夹:${dir}`);
  if (!info.isDirectory()) throw new UserError(`这不是文件夹:${dir}`);
  await readdir(full).catch(() => {
    throw new UserError(`没有权限读取文件夹:${dir}`);
  });
  return full;
}

/** A policy file is a few kilobytes of JSON; a megabyte is plenty. */
const POLICY_MAX_BYTES = 1024 * 1024;

/** The policy from `--policy`, or undefined for the built-in OUC defaults. PolicyError propagates (exit 2). */
export async function loadPolicyOption(io: CliIo, file: string | undefined): Promise<Policy | undefined> {
  if (file === undefined) return undefined;
  return parsePolicyJson(new TextDecoder().decode(await readUserFile(io, file, POLICY_MAX_BYTES)));
}
