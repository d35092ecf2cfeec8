/** `xjcheck template --out file.xlsx`: writes the blank statistics workbook (附表1–3). */
import { access, writeFile } from 'node:fs/promises';
import { DEFAULT_POLICY } from '../rules/policy';
import { templateSheets } from '../rules/template';
import { parseCommandArgs } from './args';
import { loadPolicyOption, resolvePath } from './files';
import { TEMPLATE_HELP } from './help';
import { type CliIo, EXIT_OK, UserError } from './io';

export async function runTemplateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    policy: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(TEMPLATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length) throw new UserError(`多余的参数:${positionals.join(' ')}(输出文件请用 --out 指定)`);
  if (!values.out) throw new UserError('请用 --out 指定要写入的文件,例如:xjcheck template --out 学生基本信息修改情况统计表.xlsx');
  if (!/\.xlsx$/i.test(values.out)) throw new UserError(`输出文件应以 .xlsx 结尾:${values.out}`);
  const policy = (await loadPolicyOption(io, values.policy)) ?? DEFAULT_POLICY;
  const target = resolvePath(io, values.out);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists && !values.force) throw new UserError(`文件已存在:${values.out}(如需覆盖,请加 --force)`);

  // Loaded here only: validate and the other commands never evaluate the writer.
  const { templateBytes } = await import('../xlsx/write-template');
  try {
    await writeFile(target, await templateBytes(policy));
  } catch (e) {
    throw new UserError(`无法写入 ${values.out}:${(e as Error).message}`);
  }
  const names = templateSheets(policy).map((s) => s.name).join('、');
  io.out(`已生成空白统计表:${values.out}(工作表:${names})\n`);
  return EXIT_OK;
}
