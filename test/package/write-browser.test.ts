/**
 * The browser writer, run in Node with Blobs (file-backed, as a picked File is): it must produce the very bytes
 * the Node writer streams to disk, and a package the receivers open.
 */
import { openAsBlob, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateWorkbook } from '../../src/rules/engine';
import { planPackage } from '../../src/package/plan';
import { blobCrc32, buildPackageBlob } from '../../src/package/write-browser';
import { writePackageFile } from '../../src/package/write-node';
import { crc32 } from '../../src/common/crc32';
import { inspectScan } from '../../src/scan/inspect';
import { bytesSource } from '../../src/scan/source';
import { removeTempDirs, sha256 } from './fixtures';
import { extractWithUnzip, missingTools, run } from './receiver';
import { AS_OF, WORKBOOK_FILE, buildScenario, nodeSources } from './scenario';
import { writtenReportBytes } from '../../src/paper/written-report';

afterAll(removeTempDirs);

const MODIFIED = new Date(2026, 10, 29, 9, 30, 0);

describe('buildPackageBlob', () => {
  it('computes the CRC of a Blob from a streamed read', async () => {
    const data = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251);
    expect(await blobCrc32(new Blob([data]))).toBe(crc32(data));
  });

  it.each(['utf8', 'gbk'] as const)('writes the same bytes as the Node writer (%s names)', async (names) => {
    const s = await buildScenario();
    const result = validateWorkbook(s.grid, { asOf: AS_OF, scans: s.scans, rules: [] });
    const paperReport = await writtenReportBytes(result, { workbookFile: WORKBOOK_FILE });
    const outcome = planPackage({ result, scans: s.scans, workbookFile: WORKBOOK_FILE, workbookSize: readFileSync(s.workbookPath).length, names, paperReport });
    if (!outcome.ok) throw new Error(outcome.refusal.message);

    const nodeZip = path.join(s.dir, 'node.zip');
    await writePackageFile(outcome.plan, nodeZip, nodeSources(s), { names, modified: MODIFIED });
    const scanBlobs = new Map<string, Blob>();
    for (const f of s.scans.files) scanBlobs.set(f.path, await openAsBlob(path.join(s.scanDir, f.path)));
    const blob = await buildPackageBlob(
      outcome.plan,
      { scan: (file) => scanBlobs.get(file)!, workbook: await openAsBlob(s.workbookPath) },
      { names, modified: MODIFIED },
    );
    const bytes = Buffer.from(await blob.arrayBuffer());
    expect(blob.type).toBe('application/zip');
    expect(bytes.equals(readFileSync(nodeZip))).toBe(true);

    if (missingTools().length === 0) {
      const browserZip = path.join(s.dir, 'browser.zip');
      writeFileSync(browserZip, bytes);
      expect(run('unzip', ['-tq', browserZip])).toMatch(/No errors detected/);
    }
  });

  it('writes the same bytes as the Node writer for scans longer than its 4 MB read (9 MB, exactly 8 MB)', async () => {
    const s = await buildScenario();
    const result = validateWorkbook(s.grid, { asOf: AS_OF, scans: s.scans, rules: [] });
    const outcome = planPackage({ result, scans: s.scans, workbookFile: WORKBOOK_FILE, workbookSize: readFileSync(s.workbookPath).length });
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const packed = outcome.plan.entries.flatMap((e) => (e.source.kind === 'scan' && !e.source.retagDpi ? [e.source.file] : []));
    // Two packed scans grow on disk after validation; the sources give the hashes of the grown bytes.
    const hashes = new Map(s.scans.files.map((f) => [f.path, f.sha256]));
    packed.slice(0, 2).forEach((file, i) => {
      const bytes = Buffer.from(Uint8Array.from({ length: i === 0 ? 9 * 1024 * 1024 + 17 : 8 * 1024 * 1024 }, (_, j) => (j * 31 + i) % 253));
      writeFileSync(path.join(s.scanDir, file), bytes);
      hashes.set(file, sha256(bytes));
    });

    const nodeZip = path.join(s.dir, 'large-node.zip');
    await writePackageFile(outcome.plan, nodeZip, { ...nodeSources(s), scanSha256: (f) => hashes.get(f) }, { modified: MODIFIED });
    const blob = await buildPackageBlob(outcome.plan, { scan: (f) => new Blob([readFileSync(path.join(s.scanDir, f))]), workbook: await openAsBlob(s.workbookPath) }, { modified: MODIFIED });
    expect(Buffer.from(await blob.arrayBuffer()).equals(readFileSync(nodeZip))).toBe(true);
    if (missingTools().length === 0) expect(run('unzip', ['-tq', nodeZip])).toMatch(/No errors detected/);
  });

  it('retags the scans the plan marks, the same way as the Node writer, leaving the files on disk alone', async () => {
    const s = await buildScenario();
    const result = validateWorkbook(s.grid, { asOf: AS_OF, scans: s.scans, rules: [] });
    const outcome = planPackage({ result, scans: s.scans, workbookFile: WORKBOOK_FILE, workbookSize: readFileSync(s.workbookPath).length });
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const entries = outcome.plan.entries.map((e) => (e.source.kind === 'scan' ? { ...e, source: { ...e.source, retagDpi: 250 } } : e));
    const plan = { ...outcome.plan, entries };
    const before = new Map(s.scans.files.map((f) => [f.path, readFileSync(path.join(s.scanDir, f.path))]));

    const nodeZip = path.join(s.dir, 'retag-node.zip');
    await writePackageFile(plan, nodeZip, nodeSources(s), { modified: MODIFIED });
    const blob = await buildPackageBlob(plan, { scan: (f) => new Blob([readFileSync(path.join(s.scanDir, f))]), workbook: await openAsBlob(s.workbookPath) }, { modified: MODIFIED });
    expect(Buffer.from(await blob.arrayBuffer()).equals(readFileSync(nodeZip))).toBe(true);
    for (const [file, bytes] of before) expect(readFileSync(path.join(s.scanDir, file)).equals(bytes)).toBe(true);

    if (missingTools().length) return;
    expect(run('unzip', ['-tq', nodeZip])).toMatch(/No errors detected/);
    const dest = path.join(s.dir, 'retag-unzipped');
    extractWithUnzip(nodeZip, dest);
    const packed = new Uint8Array(readFileSync(path.join(dest, '2609001250001张三', '身份证.jpg')));
    expect((await inspectScan('身份证.jpg', bytesSource(packed))).density).toEqual({ x: 250, y: 250, source: 'jfif' });
  });
});
