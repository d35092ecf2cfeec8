/**
 * Figure `package`: writing the submission ZIP of 300 scans of 3 MB (900 MB) with our streaming writer
 * (src/package/write-node.ts, which also checks each scan's SHA-256 as it copies it) against Info-ZIP's
 * `zip -0 -r` on the same files, wall time of each side's own process, side by side in alternating order. Both
 * read the scans from the page cache (written just before, read again every round: warm and the same for both)
 * and write their ZIP into the same folder on the same disk, deleted after each run. Our writer's peak RSS goes in
 * `extra` (goal < 150 MB).
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validateWorkbook } from '../src/rules/engine';
import { sheetFromValues } from '../src/rules/grid';
import type { ScanSet } from '../src/rules/scans';
import { planPackage } from '../src/package/plan';
import { writePackageFile } from '../src/package/write-node';
import { emit, median, sideBySide } from './lib/figure';

const SCANS = 300;
const SCAN_BYTES = 3 * 1024 * 1024;
const ROUNDS = 7;
const MB = 1024 * 1024;

const keyOf = (i: number) => `2609001${String(250001 + i)}`;
const nameOf = (i: number) => `学生${String(i + 1).padStart(3, '0')}`;
const scanOf = (i: number) => `${keyOf(i)}${nameOf(i)}/身份证.jpg`;

/** 300 folders `{学号}{姓名}/身份证.jpg` of random bytes behind a JPEG header, a stand-in workbook, and each scan's SHA-256. */
function makeScans(root: string): void {
  const buf = Buffer.alloc(SCAN_BYTES);
  const hashes: Record<string, string> = {};
  for (let i = 0; i < SCANS; i++) {
    randomFillSync(buf);
    buf.set([0xff, 0xd8, 0xff, 0xe0], 0);
    buf.set([0xff, 0xd9], SCAN_BYTES - 2);
    mkdirSync(path.join(root, 'scans', path.dirname(scanOf(i))), { recursive: true });
    writeFileSync(path.join(root, 'scans', scanOf(i)), buf);
    hashes[scanOf(i)] = createHash('sha256').update(buf).digest('hex');
  }
  writeFileSync(path.join(root, '统计表.xlsx'), Buffer.alloc(64 * 1024, 1));
  // `xjcheck package` hashes the scans while validating; that is not the writer's time, so the child gets them.
  writeFileSync(path.join(root, 'hashes.json'), JSON.stringify(hashes));
}

/** Child mode: plan the package of the 300 students and write it; prints the writer's own time and peak RSS. */
async function writeOurs(root: string, out: string): Promise<void> {
  const hashes = new Map(Object.entries(JSON.parse(readFileSync(path.join(root, 'hashes.json'), 'utf8')) as Record<string, string>));
  const rows = [['学号', '姓名', '更正内容', '更正前', '更正后', '更正原因'], ...Array.from({ length: SCANS }, (_, i) => [keyOf(i), nameOf(i), '民族', '汉族', '回族', '信息变更'])];
  const grid = { sheets: [sheetFromValues('新生', [['国家开放大学新生基本信息修改情况统计表'], ...rows])] };
  const scans: ScanSet = {
    files: Array.from({ length: SCANS }, (_, i) => ({ path: scanOf(i), size: SCAN_BYTES, format: 'jpeg' as const, extension: 'jpg' })),
    links: Array.from({ length: SCANS }, (_, i) => ({ file: scanOf(i), studentRef: `新生#${keyOf(i)}`, kind: '身份证' as const, manual: true })),
  };
  const start = performance.now();
  const result = validateWorkbook(grid, { asOf: '2026-11-29', scans, rules: [] });
  const workbookPath = path.join(root, '统计表.xlsx');
  const outcome = planPackage({ result, scans, workbookFile: '统计表.xlsx', workbookSize: statSync(workbookPath).size });
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  await writePackageFile(outcome.plan, out, { scanPath: (f) => path.join(root, 'scans', f), scanSha256: (f) => hashes.get(f), workbook: readFileSync(workbookPath) });
  console.log(JSON.stringify({ writerMs: performance.now() - start, maxRssKb: process.resourceUsage().maxRSS }));
}

const TIME = '/usr/bin/time';

/**
 * Runs a command to completion; returns its wall time (ms), its stdout and, through GNU time where it is installed,
 * its CPU time (user + system, ms) and peak RSS (MB), which a loaded machine disturbs less than the wall time.
 */
function timed(command: string, args: string[], cwd: string): { ms: number; stdout: string; cpuMs?: number; rssMb?: number } {
  const withTime = existsSync(TIME);
  const start = performance.now();
  const r = withTime ? spawnSync(TIME, ['-f', 'XJTIME %U %S %M', command, ...args], { cwd, encoding: 'utf8' }) : spawnSync(command, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  const m = /XJTIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return { ms, stdout: r.stdout, ...(m ? { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rssMb: Number(m[3]) / 1024 } : {}) };
}

async function figure(): Promise<void> {
  if (!existsSync('/usr/bin/zip')) throw new Error('package 指标需要 Info-ZIP 的 zip(apt-get install zip)');
  const root = mkdtempSync(path.join(tmpdir(), 'xj-bench-package-'));
  try {
    console.log(`生成 ${SCANS} 个 ${SCAN_BYTES / MB} MB 的扫描件(共 ${(SCANS * SCAN_BYTES) / MB} MB)……`);
    makeScans(root);
    const writerMs: number[] = [];
    const rssMb: number[] = [];
    const cpu: Record<'ours' | 'zip', number[]> = { ours: [], zip: [] };
    const zipRssMb: number[] = [];
    const sizes = new Set<number>();
    const ours = () => {
      const out = path.join(root, 'ours.zip');
      const r = timed(process.execPath, [process.argv[1], 'ours', root, out], root);
      const child = JSON.parse(r.stdout.trim().split('\n').pop()!) as { writerMs: number; maxRssKb: number };
      writerMs.push(child.writerMs);
      rssMb.push(child.maxRssKb / 1024);
      if (r.cpuMs !== undefined) cpu.ours.push(r.cpuMs);
      sizes.add(statSync(out).size);
      rmSync(out);
      return r.ms;
    };
    const zip = () => {
      const out = path.join(root, 'infozip.zip');
      const r = timed('zip', ['-q', '-0', '-r', out, 'scans', '统计表.xlsx'], root);
      if (r.cpuMs !== undefined) cpu.zip.push(r.cpuMs);
      if (r.rssMb !== undefined) zipRssMb.push(r.rssMb);
      rmSync(out);
      return r.ms;
    };
    const { a, b, medianA, medianB } = await sideBySide(ours, zip, ROUNDS);
    console.log(`本项目(进程墙钟)ms: ${a.map((x) => x.toFixed(0)).join(' ')};zip -0 -r ms: ${b.map((x) => x.toFixed(0)).join(' ')};峰值内存 MB: ${rssMb.map((x) => x.toFixed(0)).join(' ')}`);
    const cpuExtra: Record<string, number> = cpu.ours.length && cpu.zip.length
      ? { oursCpuMs: Math.round(median(cpu.ours)), zipCpuMs: Math.round(median(cpu.zip)), cpuRatio: Number((median(cpu.ours) / median(cpu.zip)).toFixed(2)), zipPeakRssMb: Math.round(Math.max(...zipRssMb)) }
      : {};
    emit({
      id: 'package',
      value: medianA,
      baseline: medianB,
      unit: 'ms',
      runs: ROUNDS,
      goal: 1.0,
      what: `材料包 ${SCANS}×${SCAN_BYTES / MB} MB 扫描件:本项目写包 / zip -0 -r(墙钟)`,
      note: `页缓存中的文件(两边同为热缓存),各自进程,交替顺序;本项目同时校验每个扫描件的 SHA-256${cpuExtra.cpuRatio === undefined ? ';本机没有 /usr/bin/time,未记 CPU 时间' : ''}`,
      extra: { peakRssMb: Math.round(Math.max(...rssMb)), peakRssGoalMb: 150, writerMs: Math.round(median(writerMs)), ...cpuExtra, zipBytes: [...sizes][0] },
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const [mode, root, out] = process.argv.slice(2);
(mode === 'ours' ? writeOurs(root, out) : figure()).catch((e) => {
  console.error(e);
  process.exit(1);
});
