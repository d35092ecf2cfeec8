import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../src/rules/engine';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { runCli } from './run-cli';
import { tempDir } from './workbooks';

describe('xjcheck template', () => {
  const dir = tempDir();

  it('writes the blank workbook, which reads back as three tables', async () => {
    const run = await runCli(['template', '--out', '统计表.xlsx'], dir);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/已生成空白统计表:统计表\.xlsx\(工作表:新生、在籍生、毕业生\)/);
    const grid = await readWorkbook(readFileSync(path.join(dir, '统计表.xlsx')));
    expect(validateWorkbook(grid, { asOf: '2026-11-29' }).tables.map((t) => t.kind)).toEqual(['new', 'enrolled', 'graduate']);
  });

  it('does not overwrite a file unless told to', async () => {
    const target = path.join(dir, 'keep.xlsx');
    writeFileSync(target, 'the registrar’s own work');
    const refused = await runCli(['template', '--out', 'keep.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/文件已存在:keep\.xlsx.*--force/);
    expect(readFileSync(target, 'utf8')).toBe('the registrar’s own work');
    expect((await runCli(['template', '--out', 'keep.xlsx', '--force'], dir)).code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('follows a policy: a branch that also lists 入学文化程度 for graduates gets it in the dropdown', async () => {
    const policy = path.join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ kinds: { graduate: { label: '毕业生', titleKeywords: ['毕业生'], key: 'regNo', allowedChanges: ['姓名', '性别', '身份证号', '民族', '入学文化程度'] } } }));
    expect((await runCli(['template', '--out', 'p.xlsx', '--policy', policy], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(path.join(dir, 'p.xlsx'))).buffer);
    // 毕业生: 序号, 分部名称, 注册证号, 学号, 姓名, 更正内容 (F).
    expect(wb.getWorksheet('毕业生')!.getCell('F4').dataValidation.formulae).toEqual(['"姓名,性别,身份证号,民族,入学文化程度"']);
  });

  it.each<[string, string[], RegExp]>([
    ['without --out', [], /请用 --out 指定/],
    ['with an output that is not .xlsx', ['--out', 'a.xls'], /应以 \.xlsx 结尾/],
    ['with a stray argument', ['a.xlsx'], /多余的参数:a\.xlsx/],
    ['into a folder that does not exist', ['--out', 'no/such/dir/a.xlsx'], /无法写入/],
  ])('%s: exit 2', async (_name, args, message) => {
    const run = await runCli(['template', ...args], dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(existsSync(path.join(dir, 'a.xls'))).toBe(false);
  });
});
