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
import { removeTempDirs } from './fixtures';
import { missingTools, run } from './receiver';
import { AS_OF, WORKBOOK_FILE, buildScenario } from './scenario';
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
    await writePackageFile(outcome.plan, nodeZip, { scanPath: (f) => path.join(s.scanDir, f), workbookPath: s.workbookPath }, { names, modified: MODIFIED });
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
});
