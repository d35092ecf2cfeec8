/** `xjcheck report`: the written report beside the workbook or at --out, never over the registrar's edited copy. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDocx, paragraphs, tables } from '../paper/docx-reader';
import { AS_OF, WORKBOOK_FILE, scenarioGrid, writeWorkbook } from '../package/scenario';
import { runCli } from './run-cli';
import { tempDir } from './workbooks';

async function documentOf(file: string): Promise<Document> {
  return (await openDocx(readFileSync(file))).xml.get('word/document.xml')!;
}

describe('xjcheck report', () => {
  const dir = tempDir();

  beforeAll(async () => {
    await writeWorkbook(scenarioGrid(), path.join(dir, WORKBOOK_FILE));
  });

  it('writes 信息修改书面报告.docx beside the workbook with the counts and the 个例', async () => {
    const run = await runCli(['report', WORKBOOK_FILE, '--as-of', AS_OF], dir);
    const out = path.join(dir, '信息修改书面报告.docx');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain(`已生成信息修改书面报告:${out}`);
    const doc = await documentOf(out);
    expect(tables(doc)[0].at(-1)).toEqual(['合计', '3 条 / 3 人', '2 条 / 2 人']);
    expect(tables(doc)[1].filter((r) => r[0] === '原因说明：')).toHaveLength(2);
    expect(paragraphs(doc)).toContain('2026年11月29日');
  });

  it('keeps an existing file unless --force, and writes to --out', async () => {
    const kept = path.join(dir, '已改.docx');
    writeFileSync(kept, 'the registrar’s edits');
    const refused = await runCli(['report', WORKBOOK_FILE, '--out', '已改.docx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/文件已存在.*已改\.docx.*--force/);
    expect(readFileSync(kept, 'utf8')).toBe('the registrar’s edits');
    expect((await runCli(['report', WORKBOOK_FILE, '--out', '已改.docx', '--force', '--as-of', AS_OF], dir)).code).toBe(0);
    expect(readFileSync(kept).subarray(0, 2).toString()).toBe('PK');
  });

  it('asks for a .docx name and one workbook', async () => {
    expect((await runCli(['report', WORKBOOK_FILE, '--out', '报告.doc'], dir)).err).toMatch(/应以 \.docx 结尾/);
    expect((await runCli(['report'], dir)).err).toMatch(/请指定工作簿/);
  });

  it('still writes the draft when errors remain, and exits 1 saying so', async () => {
    const grid = scenarioGrid();
    const bad = path.join(dir, '有错.xlsx');
    grid.sheets[0].rows[2]![2] = { ...grid.sheets[0].rows[2]![2]!, value: '26090012', text: '26090012' };
    await writeWorkbook(grid, bad);
    const run = await runCli(['report', '有错.xlsx', '--out', '草稿.docx', '--as-of', AS_OF], dir);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/统计表还有 \d+ 个错误/);
    expect(readFileSync(path.join(dir, '草稿.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
