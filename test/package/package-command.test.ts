/** `xjcheck package` end to end: a real .xlsx, a scan folder linked by folder names, the ZIP as the receiver sees it. */
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runPackageCommand } from '../../src/cli/package-command';
import * as writeNode from '../../src/package/write-node';
import type { CliIo } from '../../src/cli/io';
import { UserError } from '../../src/cli/io';
import { centralEntries, missingTools, run } from './receiver';
import { removeTempDirs, scanBytes, sha256, tempDir } from './fixtures';
import { AS_OF, WORKBOOK_FILE, scenarioGrid, writeWorkbook } from './scenario';
import { openDocx, tables } from '../paper/docx-reader';

afterAll(removeTempDirs);

// The writer as it is, wrapped so that one test can act between validation and writing.
jest.mock('../../src/package/write-node', () => {
  const actual = jest.requireActual('../../src/package/write-node');
  return { ...actual, writePackageFile: jest.fn(actual.writePackageFile) };
});

const missing = missingTools();
if (missing.length) console.warn(`跳过材料包解压测试:本机没有 ${missing.join('、')}`);

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** The registrar's folder: the workbook and one scan folder per student, named as people name them. */
async function registrarFolder(): Promise<{ dir: string; sources: Map<string, string> }> {
  const dir = tempDir('cli');
  await writeWorkbook(scenarioGrid(), path.join(dir, WORKBOOK_FILE));
  const sources = new Map<string, string>();
  const put = (rel: string, format: 'jpeg' | 'png') => {
    const bytes = scanBytes(format);
    mkdirSync(path.join(dir, '扫描件', path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, '扫描件', rel), bytes);
    sources.set(rel, sha256(bytes));
  };
  put('2609001250001张三/sfz.JPEG', 'jpeg');
  put('2609001250001张三/报名表.png', 'png');
  // A file name in decomposed form (as a Mac writes it): packed under its content name all the same.
  put('2609001250002李四/身份证-cafe\u0301.jpg', 'jpeg');
  put('2409001200003王五/身份证.jpg', 'jpeg');
  put('2409001200003王五/户口本.png', 'png');
  put('2409001200003王五/报名登记表.jpg', 'jpeg');
  put('511611202406000001赵六/身份证.jpg', 'jpeg');
  put('511611202406000001赵六/报名登记表.jpg', 'jpeg');
  put('511611202406000001赵六/毕业生登记表.png', 'png');
  return { dir, sources };
}

describe('xjcheck package', () => {
  let dir: string;
  let sources: Map<string, string>;

  beforeAll(async () => {
    ({ dir, sources } = await registrarFolder());
  });

  it('writes {工作簿名}_材料包.zip beside the workbook, with the workbook unchanged and every scan byte for byte', async () => {
    const io = captureIo(dir);
    const code = await runPackageCommand([WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const zip = path.join(dir, '学生基本信息修改情况统计表_材料包.zip');
    expect(io.stdout).toContain(`已生成材料包:${zip}`);
    expect(io.stdout).toMatch(/4 个学生文件夹,9 个扫描件/);
    expect(io.stdout).toMatch(/条警告\(含个例\)/);
    if (missing.length) return;

    const dest = path.join(dir, 'unzipped');
    run('unzip', ['-q', zip, '-d', dest]);
    expect(sha256(readFileSync(path.join(dest, WORKBOOK_FILE)))).toBe(sha256(readFileSync(path.join(dir, WORKBOOK_FILE))));
    const packed: [string, string][] = [
      ['2609001250001张三/身份证.jpg', '2609001250001张三/sfz.JPEG'],
      ['2609001250001张三/报名登记表.png', '2609001250001张三/报名表.png'],
      ['2609001250002李四/身份证.jpg', '2609001250002李四/身份证-cafe\u0301.jpg'],
      ['2409001200003王五/身份证.jpg', '2409001200003王五/身份证.jpg'],
      ['2409001200003王五/户口本.png', '2409001200003王五/户口本.png'],
      ['2409001200003王五/报名登记表.jpg', '2409001200003王五/报名登记表.jpg'],
      ['511611202406000001赵六/身份证.jpg', '511611202406000001赵六/身份证.jpg'],
      ['511611202406000001赵六/报名登记表.jpg', '511611202406000001赵六/报名登记表.jpg'],
      ['511611202406000001赵六/毕业生登记表.png', '511611202406000001赵六/毕业生登记表.png'],
    ];
    for (const [inZip, source] of packed) expect([inZip, sha256(readFileSync(path.join(dest, inZip)))]).toEqual([inZip, sources.get(source)]);
    const report = readFileSync(path.join(dest, '校验报告.txt'), 'utf8');
    expect(report).toMatch(/工作表“在籍生”第 4 行,学号 2409001200003,王五/);
    expect(report).toMatch(/工作表“毕业生”第 3 行,注册证号 511611202406000001,赵六/);
    // The written report beside it states the same totals.
    const docx = await openDocx(readFileSync(path.join(dest, '信息修改书面报告.docx')));
    const totals = tables(docx.xml.get('word/document.xml')!)[0].at(-1)!;
    expect(report).toContain('合计:录入错误 3 条(3 人),信息变更 2 条(2 人)');
    expect(totals).toEqual(['合计', '3 条 / 3 人', '2 条 / 2 人']);
    expect(centralEntries(readFileSync(zip)).every((e) => e.flags === 0x0800)).toBe(true);
  });

  it('writes GBK names to the --out path when asked', async () => {
    const io = captureIo(dir);
    expect(await runPackageCommand([WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--names', 'gbk', '--out', 'gbk.zip'], io)).toBe(0);
    const entries = centralEntries(readFileSync(path.join(dir, 'gbk.zip')));
    expect(entries.some((e) => e.flags & 0x0800)).toBe(false);
    // After the workbook, 校验报告.txt and 信息修改书面报告.docx.
    expect(new TextDecoder('gbk').decode(entries[3].name)).toBe('2609001250001张三/');
  });

  it('refuses while errors remain: exit 1, how many and where, no package', async () => {
    const moved = path.join(dir, '毕业生登记表.png');
    renameSync(path.join(dir, '扫描件', '511611202406000001赵六', '毕业生登记表.png'), moved);
    try {
      const io = captureIo(dir);
      expect(await runPackageCommand([WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', 'refused.zip'], io)).toBe(1);
      expect(io.stderr).toMatch(/不能导出材料包/);
      expect(io.stderr).toMatch(/还有 1 个错误未改正/);
      expect(io.stderr).toMatch(/毕业生!/);
      expect(existsSync(path.join(dir, 'refused.zip'))).toBe(false);
    } finally {
      renameSync(moved, path.join(dir, '扫描件', '511611202406000001赵六', '毕业生登记表.png'));
    }
  });

  it('refuses a scan swapped between validation and packaging, naming it, and writes no package', async () => {
    const scan = path.join(dir, '扫描件', '2409001200003王五', '身份证.jpg');
    const original = readFileSync(scan);
    const { writePackageFile: write } = jest.requireActual<typeof writeNode>('../../src/package/write-node');
    // Another student's card put in its place after the scans were validated, just before the ZIP is written.
    const spy = jest.mocked(writeNode.writePackageFile).mockImplementationOnce(async (...args) => {
      writeFileSync(scan, readFileSync(path.join(dir, '扫描件', '511611202406000001赵六', '身份证.jpg')));
      return write(...args);
    });
    spy.mockClear();
    try {
      const argv = [WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', 'swapped.zip'];
      await expect(runPackageCommand(argv, captureIo(dir))).rejects.toThrow(/扫描件“2409001200003王五\/身份证.jpg”在校验之后被修改、替换或删除了/);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(existsSync(path.join(dir, 'swapped.zip'))).toBe(false);
    } finally {
      writeFileSync(scan, original);
    }
  });

  describe('output policy', () => {
    it('replaces a package it wrote before, and says so', async () => {
      const io = captureIo(dir);
      expect(await runPackageCommand([WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', 'again.zip'], captureIo(dir))).toBe(0);
      expect(await runPackageCommand([WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', 'again.zip'], io)).toBe(0);
      expect(io.stdout).toMatch(/替换了同名的旧文件/);
    });

    it('refuses to replace a file that is not a previous package unless --force is given', async () => {
      writeFileSync(path.join(dir, '别的压缩包.zip'), 'not a package');
      const argv = [WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', '别的压缩包.zip'];
      await expect(runPackageCommand(argv, captureIo(dir))).rejects.toThrow(/不是之前生成的材料包.*--force/);
      expect(readFileSync(path.join(dir, '别的压缩包.zip'), 'utf8')).toBe('not a package');
      expect(await runPackageCommand([...argv, '--force'], captureIo(dir))).toBe(0);
      expect(readFileSync(path.join(dir, '别的压缩包.zip')).subarray(0, 2).toString()).toBe('PK');
    });

    it('never writes onto the workbook, even through a symlinked folder and with --force', async () => {
      const before = sha256(readFileSync(path.join(dir, WORKBOOK_FILE)));
      symlinkSync(dir, path.join(dir, '链接'));
      const argv = [WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', `链接/${WORKBOOK_FILE}`, '--force'];
      await expect(runPackageCommand(argv, captureIo(dir))).rejects.toThrow(/正是要打包的工作簿/);
      expect(sha256(readFileSync(path.join(dir, WORKBOOK_FILE)))).toBe(before);
    });

    it('never replaces a file in the scan folder, even with --force, also through a symlink', async () => {
      symlinkSync(path.join(dir, '扫描件', '2409001200003王五', '身份证.jpg'), path.join(dir, '指向扫描件.zip'));
      for (const out of ['扫描件/2409001200003王五/身份证.jpg', '指向扫描件.zip']) {
        const argv = [WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', out, '--force'];
        await expect(runPackageCommand(argv, captureIo(dir))).rejects.toThrow(/扫描件文件夹中的文件/);
      }
      expect(sha256(readFileSync(path.join(dir, '扫描件', '2409001200003王五', '身份证.jpg')))).toBe(sources.get('2409001200003王五/身份证.jpg'));
    });
  });

  it.each([
    [['--scans', '扫描件'], /请指定工作簿/],
    [[WORKBOOK_FILE], /--scans/],
    [[WORKBOOK_FILE, '--scans', '扫描件', '--names', 'latin1'], /--names 只能是 utf8 或 gbk/],
    [[WORKBOOK_FILE, '--scans', '没有这个文件夹'], /找不到文件夹/],
    [[WORKBOOK_FILE, '--scans', '扫描件', '--out', WORKBOOK_FILE], /不能覆盖工作簿/],
    [[WORKBOOK_FILE, '--scans', '扫描件', '--out', '无此目录/a.zip'], /文件夹不存在/],
  ])('rejects bad arguments %j (exit 2 through main)', async (argv, message) => {
    await expect(runPackageCommand(argv, captureIo(dir))).rejects.toThrow(UserError);
    await expect(runPackageCommand(argv, captureIo(dir))).rejects.toThrow(message);
  });
});
