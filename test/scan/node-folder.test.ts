import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { hashSameSize } from '../../src/scan/hash';
import { inspectFile, listScanFiles, loadScanFolder } from '../../src/scan/node-folder';
import { makeJpeg } from '../../scripts/synth-images';
import { LI, SHEETS, ZHANG, scan } from './fixtures';

describe('loadScanFolder', () => {
  let dir: string;
  const card = makeJpeg({ width: 1654, height: 2339, dpi: 200 });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xj-scans-'));
    await mkdir(path.join(dir, ZHANG.folder));
    await mkdir(path.join(dir, LI.folder, '户口本'), { recursive: true });
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, ZHANG.folder, '身份证.jpg'), card);
    await writeFile(path.join(dir, LI.folder, '身份证.jpg'), card); // the same bytes: someone's card copied
    await writeFile(path.join(dir, LI.folder, '户口本', '1.jpg'), makeJpeg({ width: 1654, height: 2339, dpi: 300 }));
    await writeFile(path.join(dir, '扫描0001.jpg'), makeJpeg({ width: 100, height: 100 }));
    for (const hidden of ['.DS_Store', 'Thumbs.db', '~$表.xlsx', '.git/config', `${ZHANG.folder}/._身份证.jpg`]) await writeFile(path.join(dir, hidden), 'x');
  });
  afterAll(() => rm(dir, { recursive: true }));

  it('lists files recursively with "/" paths, skipping hidden and system files', async () => {
    expect(await listScanFiles(dir)).toEqual([`${ZHANG.folder}/身份证.jpg`, `${LI.folder}/户口本/1.jpg`, `${LI.folder}/身份证.jpg`, '扫描0001.jpg'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('inspects, hashes same-size files only, and links', async () => {
    const { students } = validateWorkbook({ sheets: SHEETS }, { asOf: '2026-11-29', rules: [] });
    const { scans: set, diskPath } = await loadScanFolder(dir, students, DEFAULT_POLICY);
    expect(diskPath(`${ZHANG.folder}/身份证.jpg`)).toBe(path.join(dir, ZHANG.folder, '身份证.jpg'));
    const byPath = new Map(set.files.map((f) => [f.path, f]));
    expect(byPath.get(`${ZHANG.folder}/身份证.jpg`)!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(byPath.get(`${ZHANG.folder}/身份证.jpg`)!.sha256).toBe(byPath.get(`${LI.folder}/身份证.jpg`)!.sha256);
    expect(byPath.get('扫描0001.jpg')!.sha256).toBeUndefined();
    expect(set.links.map((l) => [l.file, l.studentRef, l.kind])).toEqual([
      [`${ZHANG.folder}/身份证.jpg`, ZHANG.ref, '身份证'],
      [`${LI.folder}/户口本/1.jpg`, LI.ref, '户口本'],
      [`${LI.folder}/身份证.jpg`, LI.ref, '身份证'],
    ]);
    expect(set.unresolved).toEqual([{ file: '扫描0001.jpg', reason: 'no-student' }]);

    const { problems } = validateWorkbook({ sheets: SHEETS }, { asOf: '2026-11-29', scans: set });
    const scanProblems = problems.filter((p) => p.rule.startsWith('scan-') || p.rule.startsWith('evidence-')).map((p) => [p.rule, p.file ?? p.cell]);
    expect(scanProblems).toEqual(
      expect.arrayContaining([
        ['scan-duplicate', `${ZHANG.folder}/身份证.jpg`],
        ['scan-duplicate', `${LI.folder}/身份证.jpg`],
        ['evidence-unmatched', '扫描0001.jpg'],
      ]),
    );
    expect(scanProblems.filter(([r]) => r === 'evidence-missing')).toEqual([]);
  });
});

describe('hashSameSize', () => {
  it('reads only files that share their size', async () => {
    const read: string[] = [];
    const files = [scan('a', { size: 10 }), scan('b', { size: 10 }), scan('c', { size: 11 })];
    const out = await hashSameSize(files, async (p) => {
      read.push(p);
      return new TextEncoder().encode(p === 'c' ? 'c' : 'same');
    });
    expect(read).toEqual(['a', 'b']);
    expect(out[0].sha256).toBe('0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5'); // sha256("same")
    expect(out[1].sha256).toBe(out[0].sha256);
    expect(out[2]).toBe(files[2]);
  });
});

describe('inspectFile: a file that cannot be read is a fact about that file', () => {
  it('a file gone since it was listed is unreadable, not an exception', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xj-gone-'));
    try {
      expect(await inspectFile(dir, '张三/身份证.jpg')).toEqual({ path: '张三/身份证.jpg', size: 0, format: 'unknown', extension: 'jpg', unreadable: '文件在校验过程中被删除或移走了' });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('reads a file whole when asked, and records the SHA-256 of exactly the bytes it inspected', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xj-whole-'));
    try {
      const bytes = makeJpeg({ width: 800, height: 600, dpi: 200 });
      await writeFile(path.join(dir, 'a.jpg'), bytes);
      const whole = await inspectFile(dir, 'a.jpg', { whole: true, maxBytes: DEFAULT_POLICY.scan.maxBytes });
      expect(whole.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(whole).toMatchObject({ width: 800, height: 600, format: 'jpeg' });
      expect((await inspectFile(dir, 'a.jpg')).sha256).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
