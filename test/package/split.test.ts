/**
 * Packages that fit an e-mail: the split into parts of whole student folders (pure), and `xjcheck package
 * --max-size` as the receiver sees it — every part opens with unzip and 7z, no student is split across parts, the
 * union of the parts equals the unsplit package entry for entry, and no part is larger than the limit.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { runPackageCommand } from '../../src/cli/package-command';
import type { CliIo } from '../../src/cli/io';
import { parseMaxSize } from '../../src/cli/package-parts';
import type { PackageEntry, PackagePlan } from '../../src/package/plan';
import { entrySize, packageSize, partFileName, splitPackage } from '../../src/package/split';
import { makeJpeg } from '../../scripts/synth-images';
import { removeTempDirs, tempDir } from './fixtures';
import { centralEntries, extractWith7z, extractWithUnzip, missingTools, run, treeHashes } from './receiver';
import { AS_OF, WORKBOOK_FILE, scenarioGrid, writeWorkbook } from './scenario';

afterAll(removeTempDirs);

const KB = 1024;
const MB = 1024 * 1024;

/** A plan of the given students, each with scans of the given sizes; sizes by file path. */
function plan(students: number[][]): { plan: PackagePlan; sizes: { scanSize: (f: string) => number; workbookSize: number } } {
  const scanSizes = new Map<string, number>();
  const entries: PackageEntry[] = [
    { path: WORKBOOK_FILE, source: { kind: 'workbook' } },
    { path: '校验报告.txt', source: { kind: 'text', text: '校验报告\n'.repeat(100) } },
    { path: '信息修改书面报告.docx', source: { kind: 'bytes', data: new Uint8Array(9 * KB) } },
  ];
  students.forEach((scans, i) => {
    const folder = `26090012500${String(i).padStart(2, '0')}学生${i}`;
    entries.push({ path: `${folder}/`, source: { kind: 'folder' } });
    scans.forEach((size, j) => {
      const file = `s${i}/${j}.jpg`;
      scanSizes.set(file, size);
      entries.push({ path: `${folder}/身份证${j + 1}.jpg`, source: { kind: 'scan', file } });
    });
  });
  return {
    plan: { entries, summary: '', folders: students.length, scans: scanSizes.size, scanBytes: [...scanSizes.values()].reduce((a, b) => a + b, 0) },
    sizes: { scanSize: (f) => scanSizes.get(f)!, workbookSize: 30 * KB },
  };
}

const folderOf = (p: string) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : null);

describe('splitPackage', () => {
  it('keeps a package that fits whole, as one part that is the plan itself', () => {
    const { plan: p, sizes } = plan([[2 * MB], [3 * MB]]);
    const parts = splitPackage(p, sizes, 50 * MB);
    expect(parts).toHaveLength(1);
    expect(parts[0].plan).toBe(p);
    expect(parts[0].size).toBe(packageSize(p, sizes));
  });

  it('fills parts in order with whole folders, the workbook and reports first, none over the limit', () => {
    const { plan: p, sizes } = plan(Array.from({ length: 30 }, (_, i) => [2 * MB + i * KB, 1 * MB]));
    const parts = splitPackage(p, sizes, 10 * MB);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0].plan.entries.slice(0, 3).map((e) => e.path)).toEqual([WORKBOOK_FILE, '校验报告.txt', '信息修改书面报告.docx']);
    // The union, in order, is the plan; every folder lies in one part only, whole.
    expect(parts.flatMap((x) => x.plan.entries)).toEqual(p.entries);
    const partOfFolder = new Map<string, number>();
    for (const part of parts)
      for (const e of part.plan.entries) {
        const folder = folderOf(e.path);
        if (folder === null) continue;
        expect(partOfFolder.get(folder) ?? part.number).toBe(part.number);
        partOfFolder.set(folder, part.number);
      }
    for (const part of parts) {
      expect(part.overLimit).toBe(false);
      expect(part.size).toBeLessThanOrEqual(10 * MB);
      expect(part.size).toBe(22 + part.plan.entries.reduce((n, e) => n + entrySize(e, sizes), 0));
      expect(part.plan.folders).toBe(part.plan.entries.filter((e) => e.source.kind === 'folder').length);
    }
    // A part is closed only when the next folder would not fit.
    for (const [i, part] of parts.slice(0, -1).entries()) {
      const next = parts[i + 1].plan.entries;
      const end = next.findIndex((e, j) => j > 0 && e.source.kind === 'folder');
      const nextFolder = end < 0 ? next : next.slice(0, end);
      expect(part.size + nextFolder.reduce((n, e) => n + entrySize(e, sizes), 0)).toBeGreaterThan(10 * MB);
    }
  });

  it('never splits a student: a folder larger than the limit is a part of its own, marked over the limit', () => {
    const { plan: p, sizes } = plan([[1 * MB], [6 * MB, 6 * MB], [1 * MB]]);
    const parts = splitPackage(p, sizes, 10 * MB);
    expect(parts.map((x) => [x.plan.folders, x.overLimit])).toEqual([
      [1, false],
      [1, true],
      [1, false],
    ]);
  });

  it('names the parts {name}_材料包_1-3.zip …', () => {
    expect(partFileName('学生基本信息修改情况统计表_材料包.zip', 2, 3)).toBe('学生基本信息修改情况统计表_材料包_2-3.zip');
    expect(partFileName('a.ZIP', 1, 2)).toBe('a_1-2.zip');
  });

  it('reads --max-size as people write it', () => {
    expect(parseMaxSize('50M')).toBe(50 * MB);
    expect(parseMaxSize('50MB')).toBe(50 * MB);
    expect(parseMaxSize('1.5g')).toBe(1.5 * 1024 * MB);
    expect(parseMaxSize(String(2 * MB))).toBe(2 * MB);
    expect(() => parseMaxSize('50 兆')).toThrow(/--max-size 的值无效/);
    expect(() => parseMaxSize('100K')).toThrow(/至少 1M/);
  });
});

const missing = missingTools();
if (missing.length) console.warn(`跳过分卷材料包的解压测试:本机没有 ${missing.join('、')}(Debian: apt-get install unzip p7zip-full)`);
const describeReceiver = missing.length ? describe.skip : describe;

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describeReceiver('xjcheck package --max-size, opened as the receiver would', () => {
  let dir: string;
  const PARTS = ['1-3', '2-3', '3-3'].map((n) => `学生基本信息修改情况统计表_材料包_${n}.zip`);

  beforeAll(async () => {
    dir = tempDir('split');
    await writeWorkbook(scenarioGrid(), path.join(dir, WORKBOOK_FILE));
    let serial = 0;
    // Scans of 300 KB (padded valid JPEGs of an A5 page at 200 dpi, made distinct by a comment), so that 9 of them
    // make a package of about 2.7 MB.
    const put = (rel: string) => {
      mkdirSync(path.join(dir, '扫描件', path.dirname(rel)), { recursive: true });
      writeFileSync(path.join(dir, '扫描件', rel), makeJpeg({ width: 1170, height: 1660, dpi: 200, comment: `scan ${++serial}`, padTo: 300 * KB }));
    };
    for (const rel of [
      '2609001250001张三/身份证.jpg', '2609001250001张三/报名登记表.jpg', '2609001250002李四/身份证.jpg',
      '2409001200003王五/身份证.jpg', '2409001200003王五/户口本.jpg', '2409001200003王五/报名登记表.jpg',
      '511611202406000001赵六/身份证.jpg', '511611202406000001赵六/报名登记表.jpg', '511611202406000001赵六/毕业生登记表.jpg',
    ])
      put(rel);
  });

  it('writes whole, with a hint, a package over the policy limit when --max-size is not given', async () => {
    const policy = path.join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ attachmentMaxBytes: MB }));
    const io = captureIo(dir);
    expect(await runPackageCommand([WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--out', '整包.zip', '--policy', policy], io)).toBe(0);
    expect(io.stdout).toContain(`已生成材料包:${path.join(dir, '整包.zip')}`);
    expect(io.stdout).toMatch(/材料包超过邮件附件上限 1 MB:如需分成几个 ZIP 发送,请加 --max-size 1M/);
  });

  it('splits into complete ZIPs of whole folders, each at most the limit, listed with their sizes', async () => {
    const io = captureIo(dir);
    expect(await runPackageCommand([WORKBOOK_FILE, '--scans', '扫描件', '--as-of', AS_OF, '--max-size', '1M'], io)).toBe(0);
    expect(io.stderr).toBe('');
    expect(io.stdout).toMatch(/已生成材料包,分为 3 个部分\(每个不超过 1 MB/);
    for (const [i, name] of PARTS.entries()) {
      const size = statSync(path.join(dir, name)).size;
      expect(size).toBeLessThanOrEqual(MB);
      expect(io.stdout).toMatch(new RegExp(`${i + 1}/3 {2}${name} {2}\\d+(\\.\\d)? [KM]B`));
      run('unzip', ['-tq', path.join(dir, name)]);
      run('7z', ['t', path.join(dir, name)]);
    }
    const first = centralEntries(readFileSync(path.join(dir, PARTS[0]))).map((e) => e.name.toString());
    expect(first.slice(0, 3)).toEqual([WORKBOOK_FILE, '校验报告.txt', '信息修改书面报告.docx']);
    // 张三 and 李四 (3 scans of 300 KB) fill the first part; 王五 and 赵六 (3 each) take one part each.
    expect(io.stdout).toMatch(/1\/3 .*统计表和报告、2 个学生文件夹\n.*2\/3 .*1 个学生文件夹\n.*3\/3 .*1 个学生文件夹\n/);
  });

  it('no student across parts; the union of the parts is the unsplit package, entry for entry', async () => {
    const folders = PARTS.map((name) => new Set(centralEntries(readFileSync(path.join(dir, name))).map((e) => folderOf(e.name.toString())).filter((f) => f !== null)));
    const all = folders.flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(4);

    const whole = path.join(dir, 'whole');
    extractWithUnzip(path.join(dir, '整包.zip'), whole);
    const byUnzip = path.join(dir, 'parts-unzip');
    const by7z = path.join(dir, 'parts-7z');
    for (const name of PARTS) {
      extractWithUnzip(path.join(dir, name), byUnzip);
      extractWith7z(path.join(dir, name), by7z);
    }
    const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
    const expected = sorted(treeHashes(whole));
    // 信息修改书面报告.docx carries its creation time, so the two runs' copies differ in bytes: compare its text.
    const docx = '信息修改书面报告.docx';
    const documentXml = async (dir: string) => (await JSZip.loadAsync(readFileSync(path.join(dir, docx)))).file('word/document.xml')!.async('string');
    const withoutDocx = (entries: [string, string][]) => entries.map(([p, h]) => [p, p === docx ? 'docx' : h]);
    expect(expected.length).toBe(4 + 9 + 3);
    for (const dest of [byUnzip, by7z]) {
      expect(withoutDocx(sorted(treeHashes(dest)))).toEqual(withoutDocx(expected));
      expect(await documentXml(dest)).toBe(await documentXml(whole));
    }
  });
});
