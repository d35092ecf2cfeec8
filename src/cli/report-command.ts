/**
 * `xjcheck report 统计表.xlsx [--out 文件.docx]`: validates the workbook and writes 信息修改书面报告.docx (default:
 * beside the workbook) with the counts of 信息变更 and 录入错误 and, when there are 个例, the part for the 主管校长.
 * An existing file is kept unless --force: it may hold the registrar's edits. With errors left in the table the
 * report is still written, as a draft, and the exit code is 1.
 */
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PAPER_REPORT_FILE } from '../package/plan';
import { writtenReportBytes } from '../paper/written-report';
import { DEFAULT_POLICY } from '../rules/policy';
import { parseAsOf, parseCommandArgs, parseKindOverrides } from './args';
import { loadPolicyOption, resolvePath } from './files';
import { REPORT_HELP } from './help';
import { type CliIo, EXIT_ERRORS, EXIT_OK, UserError } from './io';
import { validateFile } from './validate-file';

export async function runReportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'as-of': { type: 'string' },
    policy: { type: 'string' },
    kind: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(REPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UserError('请指定工作簿,例如:xjcheck report 统计表.xlsx');
  if (positionals.length > 1) throw new UserError(`一次只能处理一个工作簿,多余的参数:${positionals.slice(1).join(' ')}`);
  if (values.out !== undefined && !/\.docx$/i.test(values.out)) throw new UserError(`输出文件应以 .docx 结尾:${values.out}`);
  const workbookPath = resolvePath(io, positionals[0]);
  const outPath = values.out === undefined ? path.join(path.dirname(workbookPath), PAPER_REPORT_FILE) : resolvePath(io, values.out);
  const exists = await access(outPath).then(
    () => true,
    () => false,
  );
  if (exists && !values.force) throw new UserError(`文件已存在:${outPath}(其中可能有您修改过的内容;如需覆盖,请加 --force)`);
  const policy = (await loadPolicyOption(io, values.policy)) ?? DEFAULT_POLICY;
  const asOf = values['as-of'] === undefined ? undefined : parseAsOf(values['as-of']);
  const { result } = await validateFile(io, positionals[0], { policy, asOf, kindOverrides: parseKindOverrides(values.kind ?? []) });

  const bytes = await writtenReportBytes(result, { workbookFile: path.basename(workbookPath) });
  try {
    await writeFile(outPath, bytes);
  } catch (e) {
    throw new UserError(`无法写入 ${outPath}:${(e as Error).message}`);
  }
  io.out(`已生成信息修改书面报告:${outPath}\n`);
  const errors = result.counts.error;
  if (errors) {
    io.out(`  注意:统计表还有 ${errors} 个错误(用 xjcheck validate 查看),报告中的数量按表格现状统计;改正后请重新生成。\n`);
    return EXIT_ERRORS;
  }
  return EXIT_OK;
}
