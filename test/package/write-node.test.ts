/**
 * The Node writer, checked as headquarters would open the package: extracted with Info-ZIP unzip and 7z, every
 * file compared by SHA-256 with its source, the UTF-8 flag on every entry, STORE for the scans, and a GBK package
 * listed with `unzip -O GBK` (or, where Debian's unzip lacks -O, Python's zipfile reading GBK).
 */
import { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateWorkbook } from '../../src/rules/engine';
import { textFileBytes } from '../../src/package/entry-data';
import { encodeEntryName } from '../../src/package/entry-names';
import { type PackagePlan, planPackage } from '../../src/package/plan';
import { ScanChangedError, writePackageFile } from '../../src/package/write-node';
import { removeTempDirs, sha256 } from './fixtures';
import { centralEntries, extractWith7z, extractWithUnzip, gbkLister, missingTools, run, sevenZipCharacteristics, treeHashes, zipinfoEntries } from './receiver';
import { AS_OF, type Scenario, WORKBOOK_FILE, buildScenario, nodeSources, scenarioGrid } from './scenario';
import { writtenReportBytes } from '../../src/paper/written-report';

afterAll(removeTempDirs);

const missing = missingTools();
if (missing.length) console.warn(`跳过材料包解压测试:本机没有 ${missing.join('、')}(Debian: apt-get install unzip p7zip-full)`);
const describeReceiver = missing.length ? describe.skip : describe;

async function planned(s: Scenario, names: 'utf8' | 'gbk' = 'utf8'): Promise<PackagePlan> {
  const result = validateWorkbook(s.grid, { asOf: AS_OF, scans: s.scans, rules: [] });
  const paperReport = await writtenReportBytes(result, { workbookFile: WORKBOOK_FILE });
  const outcome = planPackage({ result, scans: s.scans, workbookFile: WORKBOOK_FILE, workbookSize: readFileSync(s.workbookPath).length, names, paperReport });
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.plan;
}

/** What a receiver must find: every entry's path with the SHA-256 of its source ("" for folders). */
function expectedTree(s: Scenario, plan: PackagePlan): Map<string, string> {
  const scanSha = new Map(s.scans.files.map((f) => [f.path, f.sha256!]));
  return new Map(
    plan.entries.map((e) => {
      const src = e.source;
      const hash =
        src.kind === 'folder' ? '' : src.kind === 'scan' ? scanSha.get(src.file)! : src.kind === 'workbook'
              ? sha256(readFileSync(s.workbookPath))
              : sha256(src.kind === 'text' ? textFileBytes(src.text) : src.data);
      return [e.path, hash];
    }),
  );
}

const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

describeReceiver('writePackageFile', () => {
  let s: Scenario;
  let plan: PackagePlan;
  let zipPath: string;

  beforeAll(async () => {
    s = await buildScenario(scenarioGrid({ new: '张\u3000三' }));
    plan = await planned(s);
    zipPath = path.join(s.dir, '学生基本信息修改情况统计表_材料包.zip');
    await writePackageFile(plan, zipPath, nodeSources(s));
  });

  it('extracts with Info-ZIP unzip to exactly the planned files, byte for byte', () => {
    const dest = path.join(s.dir, 'unzip');
    extractWithUnzip(zipPath, dest);
    expect(sorted(treeHashes(dest))).toEqual(sorted(expectedTree(s, plan)));
    expect(run('unzip', ['-tq', zipPath])).toMatch(/No errors detected/);
  });

  it('extracts with 7z to exactly the planned files, byte for byte', () => {
    const dest = path.join(s.dir, '7z');
    extractWith7z(zipPath, dest);
    expect(sorted(treeHashes(dest))).toEqual(sorted(expectedTree(s, plan)));
    expect(run('7z', ['t', zipPath])).toMatch(/Everything is Ok/);
  });

  it('flags every entry name as UTF-8 and writes no data descriptor', () => {
    const entries = centralEntries(readFileSync(zipPath));
    expect(entries.map((e) => e.name.toString('utf8'))).toEqual(plan.entries.map((e) => e.path));
    for (const e of entries) expect(e.flags).toBe(0x0800);
    const seven = sevenZipCharacteristics(zipPath);
    expect(seven.size).toBe(plan.entries.length);
    for (const [p, characteristics] of seven) expect([p, characteristics]).toEqual([p, expect.stringMatching(/UTF8/)]);
  });

  it('stores the scans and the workbook and deflates the report (zipinfo -v)', () => {
    const info = zipinfoEntries(zipPath);
    expect(info.map((e) => e.name)).toEqual(plan.entries.map((e) => e.path));
    for (const e of info) {
      expect(e.extendedHeader).toBe('no');
      expect([e.name, e.method]).toEqual([e.name, e.name.endsWith('.txt') ? expect.stringMatching(/^deflated/) : 'none (stored)']);
    }
  });

  it('keeps the report readable in Windows Notepad: BOM and CRLF', () => {
    const report = readFileSync(path.join(s.dir, 'unzip', '校验报告.txt'));
    expect(report.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(report.toString('utf8')).not.toMatch(/[^\r]\n/);
  });

  it('leaves no package and no partial file when a scan is gone', async () => {
    const broken = { ...plan, entries: [...plan.entries, { path: 'x/丢失.jpg', source: { kind: 'scan' as const, file: 'no/such.jpg' } }] };
    const out = path.join(s.dir, 'broken.zip');
    await expect(writePackageFile(broken, out, { ...nodeSources(s), scanSha256: () => 'ab'.repeat(32) })).rejects.toThrow(ScanChangedError);
    expect(readdirSync(s.dir).filter((f) => f.includes('broken'))).toEqual([]);
  });

  it('refuses a scan whose bytes changed since validation (same size, same name), naming it, and leaves nothing behind', async () => {
    const file = plan.entries.find((e) => e.source.kind === 'scan')!.source as { file: string };
    const disk = path.join(s.scanDir, file.file);
    const original = readFileSync(disk);
    const swapped = Buffer.from(original);
    swapped[swapped.length >> 1] ^= 0xff;
    writeFileSync(disk, swapped);
    try {
      const out = path.join(s.dir, 'swapped.zip');
      await expect(writePackageFile(plan, out, nodeSources(s))).rejects.toThrow(new RegExp(`扫描件“${file.file}”在校验之后被修改`));
      expect(readdirSync(s.dir).filter((f) => f.includes('swapped'))).toEqual([]);
    } finally {
      writeFileSync(disk, original);
    }
  });

  it('packs the workbook from the validated bytes, not from the file on disk', async () => {
    const out = path.join(s.dir, 'from-memory.zip');
    const validated = readFileSync(s.workbookPath);
    writeFileSync(s.workbookPath, 'changed on disk after validation');
    try {
      await writePackageFile(plan, out, { ...nodeSources(s), workbook: validated });
      const dest = path.join(s.dir, 'from-memory');
      extractWithUnzip(out, dest);
      expect(sha256(readFileSync(path.join(dest, WORKBOOK_FILE)))).toBe(sha256(validated));
    } finally {
      writeFileSync(s.workbookPath, validated);
    }
  });

  it('creates its temporary file exclusively: a planted symlink is neither followed nor left in place of the package', async () => {
    const out = path.join(s.dir, 'planted.zip');
    const victim = path.join(s.dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, `${out}.part`);
    await writePackageFile(plan, out, nodeSources(s));
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(run('unzip', ['-tq', out])).toMatch(/No errors detected/);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.part') && f !== 'planted.zip.part')).toEqual([]);
  });
});

const gbk = gbkLister();
if (!gbk) console.warn('跳过 GBK 文件名测试:本机的 unzip 不支持 -O,也没有 Python 3.11+');

(missing.length || !gbk ? describe.skip : describe)('writePackageFile with GBK names', () => {
  it(`writes GBK names without the UTF-8 flag, listed right by ${gbk?.tool}`, async () => {
    const s = await buildScenario(scenarioGrid({ new: '阿依古丽·买买提' }));
    const plan = await planned(s, 'gbk');
    const zipPath = path.join(s.dir, 'gbk.zip');
    await writePackageFile(plan, zipPath, nodeSources(s), { names: 'gbk' });

    const entries = centralEntries(readFileSync(zipPath));
    expect(entries).toHaveLength(plan.entries.length);
    for (const [i, e] of entries.entries()) {
      expect(e.flags & 0x0800).toBe(0);
      expect(e.name.equals(Buffer.from(encodeEntryName(plan.entries[i].path, 'gbk')))).toBe(true);
    }
    const listing = gbk!.list(zipPath);
    for (const e of plan.entries) expect(listing).toContain(e.path);
    expect(run('unzip', ['-tq', zipPath])).toMatch(/No errors detected/);
  });
});
