/** `xjcheck validate`: reads the workbook, validates every sheet (with the scans when given) and prints the report. */
import path from 'node:path';
import { jsonReportParts } from '../rules/report';
import { DEFAULT_POLICY } from '../rules/policy';
import { parseAsOf, parseCommandArgs, parseKindOverrides } from './args';
import { assertDirectory, loadPolicyOption } from './files';
import { VALIDATE_HELP } from './help';
import { type CliIo, EXIT_ERRORS, EXIT_OK, UserError } from './io';
import { writeJson } from './json-output';
import { formatTextReport } from './text-report';
import { validateFile } from './validate-file';

export async function runValidateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    'as-of': { type: 'string' },
    policy: { type: 'string' },
    scans: { type: 'string' },
    json: { type: 'boolean' },
    kind: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UserError('请指定要校验的工作簿,例如:xjcheck validate 统计表.xlsx');
  if (positionals.length > 1) throw new UserError(`一次只能校验一个工作簿,多余的参数:${positionals.slice(1).join(' ')}`);
  const file = positionals[0];
  const asOf = values['as-of'] === undefined ? undefined : parseAsOf(values['as-of']);
  const kindOverrides = parseKindOverrides(values.kind ?? []);
  const policy = (await loadPolicyOption(io, values.policy)) ?? DEFAULT_POLICY;
  const scanDir = values.scans === undefined ? undefined : await assertDirectory(io, values.scans);

  const { grid, result } = await validateFile(io, file, { policy, asOf, kindOverrides, scanDir });
  if (values.json) {
    // Streamed: the same bytes as JSON.stringify(report, null, 2) + '\n', without the whole text in memory.
    writeJson(jsonReportParts(result), io.out);
    io.out('\n');
  } else io.out(formatTextReport(result, { workbook: path.basename(file), sheetNames: grid.sheets.map((s) => s.name) }));
  return result.valid ? EXIT_OK : EXIT_ERRORS;
}
