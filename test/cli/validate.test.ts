import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RULE_IDS } from '../../src/rules/problem';
import { type CliRun, runCli } from './run-cli';
import { ENCRYPTED_XLSX, VALID_NEW_ROW, addCorrectionSheet, ole2Bytes, tempDir, xlsxBytes } from './workbooks';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', '学生基本信息修改情况统计表.xlsx');
const EXAMPLE_SCANS = path.join(ROOT, 'examples', 'scans');

const dir = tempDir();
function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** The SPEC's JSON report, key by key: strict objects, so an extra or missing key fails. */
const severity = z.enum(['error', 'warning', 'info']);
const jsonReport = z.strictObject({
  valid: z.boolean(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  tables: z.array(z.strictObject({ sheet: z.string(), kind: z.enum(['new', 'enrolled', 'graduate']).nullable(), headerRow: z.number().int().min(1), rows: z.number().int().min(0) })),
  students: z.array(
    z.strictObject({
      sheet: z.string(),
      key: z.string(),
      name: z.string(),
      folder: z.string(),
      required: z.array(z.array(z.string()).min(1)),
      linked: z.array(z.strictObject({ file: z.string(), kind: z.string(), as: z.string() })),
    }),
  ),
  problems: z.array(
    z.strictObject({ rule: z.enum(RULE_IDS), severity, sheet: z.string().nullable(), cell: z.string().nullable(), file: z.string().nullable(), message: z.string().regex(/[\u4e00-\u9fff]/) }),
  ),
  counts: z.strictObject({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});

function expectFailure(run: CliRun, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  expect(run.err).toMatch(message);
  expect(run.err).toMatch(/[\u4e00-\u9fff]/);
  expect(run.err).not.toMatch(/\n\s+at /);
}

describe('xjcheck validate', () => {
  let validXlsx: string;
  let invalidXlsx: string;
  beforeAll(async () => {
    validXlsx = file('valid.xlsx', await xlsxBytes((wb) => addCorrectionSheet(wb, 'new', [VALID_NEW_ROW])));
    invalidXlsx = file('invalid.xlsx', await xlsxBytes((wb) => addCorrectionSheet(wb, 'new', [{ ...VALID_NEW_ROW, 更正原因: '其他' }])));
  });

  it('exit 0 without errors: the readable report has the summary, the student and the evidence required', async () => {
    const run = await runCli(['validate', validXlsx, '--as-of', '2026-11-29']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/找到 1 张更正表,1 名学生,1 行更正;错误 0 项/);
    expect(run.out).toMatch(/工作表「新生」:新生表,表头在第 2 行,数据 1 行/);
    expect(run.out).toMatch(/学生 2609001250003 王晓燕 {2}文件夹:2609001250003王晓燕/);
    expect(run.out).toMatch(/需要材料:身份证 \+ 报名登记表/);
    // Without --scans the scans are not checked, so the conclusion must not say the package can be exported.
    expect(run.out).toMatch(/结论:统计表没有错误;扫描件尚未校验,用 --scans 指定扫描件文件夹校验通过后才能导出材料包。/);
    expect(run.out).not.toMatch(/可以导出/);
  });

  it('exit 1 with errors, each with its cell and severity in Chinese', async () => {
    const run = await runCli(['validate', 'invalid.xlsx', '--as-of', '2026-11-29'], dir);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/\[错误\] H3 {2}\S/);
    expect(run.out).toMatch(/结论:有 \d+ 项错误/);
  });

  it('--json prints exactly the SPEC report', async () => {
    const run = await runCli(['validate', invalidXlsx, '--as-of', '2026-11-29', '--json']);
    const report = jsonReport.parse(JSON.parse(run.out));
    expect(report).toMatchObject({ valid: false, asOf: '2026-11-29', tables: [{ sheet: '新生', kind: 'new', headerRow: 2, rows: 1 }] });
    expect(report.problems).toContainEqual(expect.objectContaining({ rule: 'change-reason-invalid', severity: 'error', sheet: '新生', cell: 'H3' }));
    expect(report.counts.error).toBe(report.problems.filter((p) => p.severity === 'error').length);
  });

  (existsSync(EXAMPLE) ? it : it.skip)('--json on the example with its scans: the SPEC shape, all three tables, links and the deliberate mistakes', async () => {
    const run = await runCli(['validate', EXAMPLE, '--scans', EXAMPLE_SCANS, '--as-of', '2026-11-29', '--json']);
    expect(run.code).toBe(1);
    const report = jsonReport.parse(JSON.parse(run.out));
    expect(report.tables).toEqual([
      { sheet: '新生', kind: 'new', headerRow: 3, rows: 5 },
      { sheet: '在籍生', kind: 'enrolled', headerRow: 3, rows: 6 },
      { sheet: '毕业生', kind: 'graduate', headerRow: 3, rows: 3 },
    ]);
    expect(report.students).toHaveLength(13);
    expect(report.students.find((s) => s.key === '2509001200005')).toMatchObject({ name: '刘芳', required: [['身份证'], ['户口本', '户籍变更证明']] });
    expect(report.students.find((s) => s.key === '2609001250008')!.linked).toEqual([
      { file: '2609001250008陈思远/学信网截图 (1).JPEG', kind: '学历网查', as: '学历网查.jpg' },
    ]);
    const rules = new Set(report.problems.map((p) => p.rule));
    for (const rule of ['stored-as-number', 'sort-order', 'new-value-invalid', 'whitespace', 'late-entry-error', 'change-field-invalid', 'graduate-change-rejected', 'double-change', 'evidence-missing', 'evidence-unmatched', 'scan-low-resolution', 'scan-phone-photo'])
      expect(rules).toContain(rule);
    expect(rules).not.toContain('scan-duplicate');
  });

  it('--kind sets the kind of a sheet whose kind cannot be told', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['序号', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '入学学期']);
      ws.addRow([1, '2609001250003', '王晓燕', '姓名', '王小燕', '王晓燕', '录入错误', '2026秋']);
    });
    const p = file('unknown-kind.xlsx', bytes);
    const before = JSON.parse((await runCli(['validate', p, '--as-of', '2026-11-29', '--json'])).out);
    expect(before.tables[0].kind).toBeNull();
    const after = JSON.parse((await runCli(['validate', p, '--as-of', '2026-11-29', '--json', '--kind', 'Sheet1=新生'])).out);
    expect(after.tables[0].kind).toBe('new');
    expectFailure(await runCli(['validate', p, '--kind', 'Sheet9=new']), /工作表不存在:“Sheet9”.*Sheet1/);
    expectFailure(await runCli(['validate', p, '--kind', 'Sheet1=alumni']), /--kind 的写法有误/);
  });

  it('merged cells across the data carry their value into every row', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = addCorrectionSheet(wb, 'new', [VALID_NEW_ROW, { ...VALID_NEW_ROW, 更正内容: '民族', 更正前: '回族', 更正后: '汉族' }]);
      // One student's 学号 and 姓名 merged over their two rows, as registrars lay it out.
      ws.getCell('C4').value = null;
      ws.getCell('D4').value = null;
      ws.mergeCells('C3:C4');
      ws.mergeCells('D3:D4');
    });
    const run = await runCli(['validate', file('merged.xlsx', bytes), '--as-of', '2026-11-29', '--json']);
    const report = JSON.parse(run.out);
    expect(report.tables[0].rows).toBe(2);
    expect(report.students).toEqual([expect.objectContaining({ key: '2609001250003', name: '王晓燕' })]);
    expect(report.problems.filter((p: { rule: string }) => p.rule === 'cell-required')).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('formulas give their cached values', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = addCorrectionSheet(wb, 'new', [VALID_NEW_ROW]);
      ws.getCell('C3').value = { formula: '"2609001250"&"003"', result: '2609001250003' };
      ws.getCell('A3').value = { formula: 'ROW()-2', result: 1 };
    });
    const report = JSON.parse((await runCli(['validate', file('formulas.xlsx', bytes), '--as-of', '2026-11-29', '--json'])).out);
    expect(report.students.map((s: { folder: string }) => s.folder)).toEqual(['2609001250003王晓燕']);
    expect(report.valid).toBe(true);
  });

  it('a policy file changes the rules; a bad one stops with exit 2', async () => {
    // Until scans are given the report says so with an info; a policy can make that an error.
    const strict = file('strict.json', JSON.stringify({ severities: { 'evidence-not-checked': 'error' } }));
    const run = await runCli(['validate', validXlsx, '--as-of', '2026-11-29', '--policy', strict, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out).problems).toEqual([expect.objectContaining({ rule: 'evidence-not-checked', severity: 'error' })]);
    expectFailure(await runCli(['validate', validXlsx, '--policy', file('bad.json', '{"changeTimelyDays": -1}')]), /策略文件有 1 处不对[\s\S]*changeTimelyDays/);
    expectFailure(await runCli(['validate', validXlsx, '--policy', file('broken.json', '{severities:')]), /不是有效的 JSON/);
    expectFailure(await runCli(['validate', validXlsx, '--policy', 'missing.json']), /找不到文件:missing\.json/);
  });

  it.each<[string, string[], RegExp]>([
    ['a bad --as-of', ['--as-of', '2026-02-30'], /--as-of 的日期无效:“2026-02-30”/],
    ['an --as-of in another format', ['--as-of', '2026/11/29'], /YYYY-MM-DD/],
    ['--as-of without its value', ['--as-of'], /--as-of 的值缺失/],
    ['an unknown option', ['--scan', 'x'], /未知选项:--scan/],
    ['a missing scans folder', ['--scans', 'no-such-folder'], /找不到文件夹:no-such-folder/],
  ])('%s: exit 2 with a Chinese message', async (_name, args, message) => {
    expectFailure(await runCli(['validate', 'valid.xlsx', ...args], dir), message);
  });

  it('bad files: each a clear Chinese error, exit 2, no stack trace', async () => {
    const zip = await xlsxBytes((wb) => addCorrectionSheet(wb, 'new', [VALID_NEW_ROW]));
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['renamed.xlsx', ole2Bytes(false), /旧版 Excel 97-2003 工作簿/],
      ['csv.xlsx', '学号,姓名\r\n2609001250003,王晓燕\r\n', /文本文件\(如 CSV/],
      ['truncated.xlsx', zip.slice(0, Math.floor(zip.length / 2)), /不完整/],
      ['empty.xlsx', new Uint8Array(0), /空的/],
      ['nothing.xlsx', await xlsxBytes((wb) => wb.addWorksheet('Sheet1')), /都是空的/],
    ];
    for (const [name, bytes, message] of cases) expectFailure(await runCli(['validate', file(name, bytes)]), message);
    expectFailure(await runCli(['validate', 'missing.xlsx'], dir), /找不到文件:missing\.xlsx/);
    expectFailure(await runCli(['validate', dir]), /这是一个文件夹/);
  });

  (existsSync(ENCRYPTED_XLSX) ? it : it.skip)('a password-protected workbook', async () => {
    expectFailure(await runCli(['validate', ENCRYPTED_XLSX]), /设置了打开密码/);
  });
});

describe('xjcheck itself', () => {
  it('--help in Chinese, exit 0', async () => {
    for (const args of [['--help'], ['validate', '--help'], ['template', '-h'], ['package', '--help']]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/用法/);
    }
  });

  it('no command or an unknown one: exit 2 with the help', async () => {
    for (const args of [[], ['check']]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/缺少命令|未知命令:check/);
      expect(run.err).toMatch(/用法/);
    }
  });

  it('validate without a workbook, or with two', async () => {
    expectFailure(await runCli(['validate']), /请指定要校验的工作簿/);
    expectFailure(await runCli(['validate', 'a.xlsx', 'b.xlsx']), /多余的参数:b\.xlsx/);
  });
});
