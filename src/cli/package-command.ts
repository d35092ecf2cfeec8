/**
 * `xjcheck package`: validates the workbook with its scans and, when no error remains, writes the submission ZIP
 * (default `{工作簿名}_材料包.zip` beside the workbook) with the registrar's workbook unchanged inside. A refusal
 * prints how many errors remain and where, and exits 1; bad arguments exit 2.
 */
import path from 'node:path';
import { DEFAULT_POLICY } from '../rules/policy';
import { formatBytes } from '../rules/scans';
import { NAME_ENCODINGS, type NameEncoding } from '../package/entry-names';
import { PAPER_REPORT_FILE, SUMMARY_FILE, planPackage } from '../package/plan';
import { ScanChangedError } from '../package/write-node';
import { writtenReportBytes } from '../paper/written-report';
import { type WrittenParts, parseMaxSize, writePackageParts } from './package-parts';
import { parseAsOf, parseCommandArgs, parseKindOverrides } from './args';
import { assertDirectory, loadPolicyOption, resolvePath } from './files';
import { type CliIo, EXIT_ERRORS, EXIT_OK, UserError } from './io';
import { checkPackageOutput } from './output-policy';
import { validateFile } from './validate-file';
import { PACKAGE_HELP } from './help';

function parseNames(value: string | undefined): NameEncoding {
  if (value === undefined) return 'utf8';
  if ((NAME_ENCODINGS as readonly string[]).includes(value)) return value as NameEncoding;
  throw new UserError(`--names 只能是 utf8 或 gbk,收到“${value}”`);
}

export async function runPackageCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    scans: { type: 'string' },
    out: { type: 'string' },
    names: { type: 'string' },
    'as-of': { type: 'string' },
    policy: { type: 'string' },
    kind: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(PACKAGE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UserError('请指定工作簿,例如:xjcheck package 统计表.xlsx --scans 扫描件');
  if (positionals.length > 1) throw new UserError(`一次只能打包一个工作簿,多余的参数:${positionals.slice(1).join(' ')}`);
  if (values.scans === undefined) throw new UserError('请用 --scans 指定扫描件所在的文件夹:材料包中的每个扫描件都要先经过校验');
  const workbookPath = resolvePath(io, positionals[0]);
  const workbookFile = path.basename(workbookPath);
  const names = parseNames(values.names);
  const maxBytes = values['max-size'] === undefined ? undefined : parseMaxSize(values['max-size']);
  const asOf = values['as-of'] === undefined ? undefined : parseAsOf(values['as-of']);
  const kindOverrides = parseKindOverrides(values.kind ?? []);
  const policy = (await loadPolicyOption(io, values.policy)) ?? DEFAULT_POLICY;
  const scanDir = await assertDirectory(io, values.scans);
  const workbookName = path.basename(workbookFile, path.extname(workbookFile));
  const outPath = values.out === undefined ? path.join(path.dirname(workbookPath), `${workbookName}_材料包.zip`) : resolvePath(io, values.out);
  if (outPath === workbookPath) throw new UserError('材料包不能覆盖工作簿本身,请用 --out 换一个文件名');
  const checkOutput = (file: string) => checkPackageOutput(file, { workbookPath, scanDir }, values.force === true);
  await checkOutput(outPath);

  // Every scan is read whole once, inspected and hashed from those bytes; the writer packs only those same bytes.
  const { bytes, result, folder } = await validateFile(io, positionals[0], { policy, asOf, kindOverrides, scanDir, wholeScans: true });
  // A scan folder was given, so it was loaded.
  const { scans, diskPath } = folder!;
  const paperReport = await writtenReportBytes(result, { workbookFile });
  const outcome = planPackage({ result, scans, workbookFile, workbookSize: bytes.length, names, paperReport });
  if (!outcome.ok) {
    io.err(`${outcome.refusal.message}\n`);
    return EXIT_ERRORS;
  }
  const { plan } = outcome;
  const hashes = new Map(scans.files.map((f) => [f.path, f.sha256]));
  const scanSizes = new Map(scans.files.map((f) => [f.path, f.size]));
  const sizes = { scanSize: (file: string) => scanSizes.get(file) ?? 0, workbookSize: bytes.length, names };
  let written: WrittenParts;
  try {
    written = await writePackageParts(
      plan,
      outPath,
      { scanPath: diskPath, scanSha256: (f) => hashes.get(f), workbook: bytes },
      { names, sizes, maxBytes, policyMaxBytes: policy.attachmentMaxBytes, checkOutput },
    );
  } catch (e) {
    if (e instanceof ScanChangedError) throw new UserError(e.message);
    if (e instanceof UserError) throw e;
    throw new UserError(`写出材料包失败:${(e as Error).message}`);
  }
  const { size } = written;
  const warnings = result.counts.warning;
  io.out(
    written.head +
      `  ${plan.folders} 个学生文件夹,${plan.scans} 个扫描件,另有统计表 ${workbookFile}、${SUMMARY_FILE} 和 ${PAPER_REPORT_FILE};共 ${formatBytes(size)}\n` +
      (warnings ? `  还有 ${warnings} 条警告(含个例)已写入 ${SUMMARY_FILE},请在上报前确认。\n` : '') +
      written.hint,
  );
  return EXIT_OK;
}
