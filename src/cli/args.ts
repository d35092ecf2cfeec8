/** Argument parsing with node:util parseArgs, its English errors turned into Chinese UserErrors. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { TABLE_KINDS, type TableKind } from '../rules/policy';
import { parseDateText } from '../rules/terms';
import { UserError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UserError(`未知选项:${quoted}(用 --help 查看可用的选项)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UserError(`选项 ${quoted.split(' ')[0]} 的值缺失或无效`);
    throw new UserError(`参数有误:${quoted || err.message}`);
  }
}

/** "YYYY-MM-DD" that is a real calendar date (read as the rules read a date cell). */
export function parseAsOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && parseDateText(value)?.precision === 'day') return value;
  throw new UserError(`--as-of 的日期无效:“${value}”。请写成 YYYY-MM-DD,例如 2026-11-29`);
}

const KIND_WORDS: Record<string, TableKind> = { 新生: 'new', 在籍生: 'enrolled', 毕业生: 'graduate' };

/** `--kind 工作表=new|enrolled|graduate` (the Chinese names 新生 / 在籍生 / 毕业生 work too). */
export function parseKindOverrides(values: string[]): Record<string, TableKind> {
  const out: Record<string, TableKind> = {};
  for (const v of values) {
    const at = v.lastIndexOf('=');
    const sheet = at > 0 ? v.slice(0, at) : '';
    const word = v.slice(at + 1).trim();
    const kind = (TABLE_KINDS as readonly string[]).includes(word) ? (word as TableKind) : KIND_WORDS[word];
    if (!sheet || !kind) throw new UserError(`--kind 的写法有误:“${v}”。应为 工作表名=new|enrolled|graduate,例如 --kind 在籍生=enrolled`);
    out[sheet] = kind;
  }
  return out;
}
