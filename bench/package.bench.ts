/**
 * Packaging 300 scans of 3 MB (900 MB): our streaming writer against Info-ZIP's `zip -0 -r` on the same files,
 * and jszip's generateNodeStream (streamFiles, stream inputs) for the record. Each writer runs in its own child
 * process so its peak RSS is its own; one run each, printed as time, peak memory and the ratio to zip.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { validateWorkbook } from '../src/rules/engine';
import { sheetFromValues } from '../src/rules/grid';
import type { ScanSet } from '../src/rules/scans';
import { planPackage } from '../src/package/plan';
import { writePackageFile } from '../src/package/write-node';

const SCANS = 300;
const SCAN_BYTES = 3 * 1024 * 1024;
const MB = 1024 * 1024;

const keyOf = (i: number) => `2609001${String(250001 + i)}`;
const nameOf = (i: number) => `学生${String(i + 1).padStart(3, '0')}`;
const folderOf = (i: number) => `${keyOf(i)}${nameOf(i)}`;

/** 300 folders `{学号}{姓名}/身份证.jpg` of random bytes behind a JPEG header, and a small stand-in workbook. */
function makeScans(root: string): void {
  const buf = Buffer.alloc(SCAN_BYTES);
  for (let i = 0; i < SCANS; i++) {
    randomFillSync(buf);
    buf.set([0xff, 0xd8, 0xff, 0xe0], 0);
    buf.set([0xff, 0xd9], SCAN_BYTES - 2);
    mkdirSync(path.join(root, 'scans', folderOf(i)), { recursive: true });
    writeFileSync(path.join(root, 'scans', folderOf(i), '身份证.jpg'), buf);
  }
  writeFileSync(path.join(root, '统计表.xlsx'), Buffer.alloc(64 * 1024, 1));
}

/** The SHA-256 of each scan, as `xjcheck package` records them while validating (not part of the writer's time). */
function scanHashes(root: string): Map<string, string> {
  return new Map(Array.from({ length: SCANS }, (_, i) => {
    const file = `${folderOf(i)}/身份证.jpg`;
    return [file, createHash('sha256').update(readFileSync(path.join(root, 'scans', file))).digest('hex')];
  }));
}

async function runOurs(root: string, out: string, hashes: Map<string, string>): Promise<void> {
  const rows = [['学号', '姓名', '更正内容', '更正前', '更正后', '更正原因'], ...Array.from({ length: SCANS }, (_, i) => [keyOf(i), nameOf(i), '民族', '汉族', '回族', '信息变更'])];
  const grid = { sheets: [sheetFromValues('新生', [['国家开放大学新生基本信息修改情况统计表'], ...rows])] };
  const scans: ScanSet = {
    files: Array.from({ length: SCANS }, (_, i) => ({ path: `${folderOf(i)}/身份证.jpg`, size: SCAN_BYTES, format: 'jpeg' as const, extension: 'jpg' })),
    links: Array.from({ length: SCANS }, (_, i) => ({ file: `${folderOf(i)}/身份证.jpg`, studentRef: `新生#${keyOf(i)}`, kind: '身份证' as const, manual: true })),
  };
  const result = validateWorkbook(grid, { asOf: '2026-11-29', scans, rules: [] });
  const workbookPath = path.join(root, '统计表.xlsx');
  const outcome = planPackage({ result, scans, workbookFile: '统计表.xlsx', workbookSize: statSync(workbookPath).size });
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  // The writer hashes every scan again as it copies it, and compares.
  await writePackageFile(outcome.plan, out, { scanPath: (f) => path.join(root, 'scans', f), scanSha256: (f) => hashes.get(f), workbook: readFileSync(workbookPath) });
}

async function runJszip(root: string, out: string): Promise<void> {
  const zip = new JSZip();
  zip.file('统计表.xlsx', createReadStream(path.join(root, '统计表.xlsx')));
  for (let i = 0; i < SCANS; i++) zip.file(`${folderOf(i)}/身份证.jpg`, createReadStream(path.join(root, 'scans', folderOf(i), '身份证.jpg')));
  await new Promise<void>((resolve, reject) =>
    zip
      .generateNodeStream({ streamFiles: true, compression: 'STORE' })
      .pipe(createWriteStream(out))
      .on('finish', () => resolve())
      .on('error', reject),
  );
}

/** Child mode: run one writer and print its time and peak RSS as JSON. */
async function child(which: string, root: string, out: string): Promise<void> {
  const hashes = which === 'ours' ? scanHashes(root) : new Map<string, string>();
  const start = performance.now();
  await (which === 'ours' ? runOurs(root, out, hashes) : runJszip(root, out));
  console.log(JSON.stringify({ ms: performance.now() - start, maxRssKb: process.resourceUsage().maxRSS }));
}

interface Run {
  label: string;
  ms: number;
  maxRssKb: number | null;
  bytes: number;
}

function inChild(which: string, root: string): Run {
  const out = path.join(root, `${which}.zip`);
  const r = spawnSync(process.execPath, [process.argv[1], which, root, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const { ms, maxRssKb } = JSON.parse(r.stdout.trim().split('\n').pop()!);
  const bytes = statSync(out).size;
  rmSync(out);
  return { label: which === 'ours' ? '本项目 write-node(流式)' : 'jszip generateNodeStream', ms, maxRssKb, bytes };
}

/** `zip -0 -r` timed around the process; its peak RSS from GNU time's %M when /usr/bin/time is there. */
function runZip(root: string): Run {
  const out = path.join(root, 'infozip.zip');
  const zipArgs = ['-q', '-0', '-r', out, 'scans', '统计表.xlsx'];
  const withTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const r = withTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', 'zip', ...zipArgs], { cwd: root, encoding: 'utf8' })
    : spawnSync('zip', zipArgs, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`zip failed: ${r.stderr}`);
  const bytes = statSync(out).size;
  rmSync(out);
  return { label: 'Info-ZIP zip -0 -r', ms, maxRssKb: withTime ? Number(r.stderr.trim().split('\n').pop()) : null, bytes };
}

async function mainBench(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'xj-bench-package-'));
  try {
    console.log(`生成 ${SCANS} 个 ${SCAN_BYTES / MB} MB 的扫描件(共 ${(SCANS * SCAN_BYTES) / MB} MB)……`);
    makeScans(root);
    const ours = inChild('ours', root);
    const zip = runZip(root);
    const jszip = inChild('jszip', root);
    for (const r of [ours, zip, jszip])
      console.log(
        `${r.label.padEnd(28)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  峰值内存 ${r.maxRssKb === null ? '   ?' : String(Math.round(r.maxRssKb / 1024)).padStart(4)} MB` +
          `  包大小 ${(r.bytes / MB).toFixed(0)} MB  内存/包大小 ${r.maxRssKb === null ? '?' : ((r.maxRssKb * 1024 * 100) / r.bytes).toFixed(1) + '%'}`,
      );
    console.log(`时间比 本项目 / zip -0 -r = ${(ours.ms / zip.ms).toFixed(2)}(一次运行)`);
    console.log(`时间比 jszip / zip -0 -r = ${(jszip.ms / zip.ms).toFixed(2)}(一次运行)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const [which, root, out] = process.argv.slice(2);
(which ? child(which, root, out) : mainBench()).catch((e) => {
  console.error(e);
  process.exit(1);
});
