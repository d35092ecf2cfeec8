/**
 * Figure `scans`: inspecting 1,000 scans as the CLI does (src/scan/node-folder.ts inspectFile, 8 files at a time)
 * against reading the same files fully, cold from the disk, side by side (alternating order, median of the rounds).
 *
 * Cold without touching the machine's page cache as a whole: the files are flushed once when written, and before
 * each side every file's own cached pages are dropped with posix_fadvise(POSIX_FADV_DONTNEED), which GNU dd does
 * for `iflag=nocache count=0` (no root needed); fincore checks that none of them is left in memory. Where that
 * cannot be done, the figure is measured warm and says so. The warm figure is printed too, as plain output.
 * `npm run bench -- scans`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectFile } from '../src/scan/node-folder';
import { mapConcurrent } from '../src/scan/pool';
import { type JpegOptions, type PngOptions, makeJpeg, makePng } from '../scripts/synth-images';
import { emit, sideBySide, timeMs } from './lib/figure';

const COUNT = 1000;
const ROUNDS = 5;
/** As the CLI inspects (node-folder.ts CONCURRENCY) and reads. */
const AT_ONCE = 8;
const KB = 1024;

type Variant = { name: string; make: (padTo: number) => Uint8Array };
// JPEG padding sits where a real scan's bulk lies, in front of EOI: every JPEG of ../shared/corpus but one has its
// frame header within its first 36 KB, so 0–400 KB of comments before it would make inspection hop over bytes no
// scanner writes there.
const jpegVariant = (name: string, o: JpegOptions): Variant => ({ name, make: (padTo) => makeJpeg({ ...o, padTo, padIn: 'fill' }) });
const pngVariant = (name: string, o: PngOptions): Variant => ({ name, make: (padTo) => makePng({ ...o, padTo }) });

const VARIANTS: Variant[] = [
  jpegVariant('A4 200 dpi JPEG', { width: 1654, height: 2339, dpi: 200, quality: 75, noise: 14 }),
  jpegVariant('A4 300 dpi JPEG', { width: 2480, height: 3508, dpi: 300, densityIn: 'both', quality: 70, noise: 10 }),
  jpegVariant('A5 200 dpi JPEG', { width: 1166, height: 1654, dpi: 200, quality: 85, noise: 16 }),
  jpegVariant('phone photo', { width: 2448, height: 3264, dpi: 72, densityIn: 'exif', noJfif: true, quality: 85, noise: 24, exif: { make: 'Apple', model: 'iPhone 13', gps: true } }),
  pngVariant('A4 200 dpi PNG', { width: 1654, height: 2339, dpi: 200, noise: 6 }),
  pngVariant('phone screenshot PNG', { width: 1170, height: 2532, idot: true, dpi: 144 }),
];

/** Runs `dd` once per file (through one xargs), with the given operands and the file as `if`/`of`. */
function ddEach(dir: string, names: string[], operand: 'if' | 'of', args: string[]): void {
  const r = spawnSync('xargs', ['-0', '-I{}', 'dd', `${operand}={}`, ...args, 'count=0', 'status=none'], { cwd: dir, input: names.join('\0') });
  if (r.status !== 0) throw new Error(`dd failed: ${r.stderr?.toString() || r.error?.message}`);
}

/** Bytes of these files held in the page cache (fincore), or null where fincore cannot tell. */
function residentBytes(dir: string, names: string[]): number | null {
  let total = 0;
  // In slices, to keep the command line short.
  for (let at = 0; at < names.length; at += 200) {
    const r = spawnSync('fincore', ['--bytes', '--noheadings', '--raw', '--output', 'RES', ...names.slice(at, at + 200)], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) return null;
    total += r.stdout.split('\n').filter(Boolean).reduce((n, l) => n + Number(l), 0);
  }
  return total;
}

/** Drops the files' cached pages; true when fincore confirms none is left (the figure is then cold). */
function evict(dir: string, names: string[]): boolean {
  try {
    ddEach(dir, names, 'if', ['iflag=nocache']);
  } catch {
    return false;
  }
  return residentBytes(dir, names) === 0;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'xj-bench-scans-'));
  try {
    const bases = VARIANTS.map((v) => v.make(0));
    VARIANTS.forEach((v, i) => console.log(`  ${v.name}: ${(bases[i].length / KB).toFixed(0)} KB`));
    const names: string[] = [];
    let total = 0;
    for (let i = 0; i < COUNT; i++) {
      const v = i % VARIANTS.length;
      // 0–400 KB of padding (JPEG fill bytes before EOI / PNG tEXt after IDAT) so sizes spread like real scans.
      const bytes = VARIANTS[v].make(bases[v].length + ((i * 7919) % 400) * KB);
      const name = `${String(i).padStart(4, '0')}.${v < 4 ? 'jpg' : 'png'}`;
      await writeFile(join(dir, name), bytes);
      names.push(name);
      total += bytes.length;
    }
    console.log(`${COUNT} 个扫描件,共 ${(total / KB / KB).toFixed(0)} MB(平均 ${(total / COUNT / KB).toFixed(0)} KB)`);
    // Written back once, so that dropping a file's pages later drops them all (dirty pages cannot be dropped).
    let cold = true;
    try {
      ddEach(dir, names, 'of', ['oflag=nocache', 'conv=notrunc,fdatasync']);
    } catch {
      cold = false;
    }
    cold &&= evict(dir, names);

    const readAll = () => timeMs(() => mapConcurrent(names, AT_ONCE, (n) => readFile(join(dir, n))));
    let bytesRead = 0;
    const inspectAll = () =>
      timeMs(async () => {
        const infos = await mapConcurrent(names, AT_ONCE, (n) => inspectFile(dir, n));
        if (infos.some((i) => i.corrupt || i.unreadable)) throw new Error('a generated file was judged corrupt');
        bytesRead = infos.reduce((n, i) => n + (i.bytesRead ?? 0), 0);
      });
    // Warm-up of each side, so neither pays for first-time compilation.
    await inspectAll();
    await readAll();

    const warm = await sideBySide(inspectAll, readAll, ROUNDS);
    console.log(`页缓存中(warm):检查 ${warm.medianA.toFixed(0)} ms,完整读取 ${warm.medianB.toFixed(0)} ms,比值 ${(warm.medianA / warm.medianB).toFixed(2)}`);
    console.log(`检查平均每个文件读取 ${(bytesRead / COUNT / KB).toFixed(1)} KB,占 ${((100 * bytesRead) / total).toFixed(2)} %`);

    const coldSide = (f: () => Promise<number>) => async () => {
      if (!evict(dir, names)) throw new Error('the files stayed in the page cache');
      return f();
    };
    const figure = cold ? await sideBySide(coldSide(inspectAll), coldSide(readAll), ROUNDS) : warm;
    if (cold) console.log(`冷缓存(cold):检查 ${figure.a.map((ms) => ms.toFixed(0)).join(' / ')} ms;完整读取 ${figure.b.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
    const ratio = figure.medianA / figure.medianB;
    const readsPerFile = bytesRead / COUNT / 4096;
    const sequentialMBs = total / KB / KB / (figure.medianB / 1000);
    // Said only when the goal is missed: what the time is made of, as measured here.
    const why = `检查每个文件要打开一次、同时读头和尾,这组合成的 JPEG 还要逐段跳过图像尺寸之前 0–400 KB 的注释段(每段 64 KB),平均约 ${readsPerFile.toFixed(1)} 次 4 KB 读取,受每次读取的延迟限制;完整读取是顺序读,本机约 ${sequentialMBs.toFixed(0)} MB/s`;
    emit({
      id: 'scans',
      value: figure.medianA,
      baseline: figure.medianB,
      unit: 'ms',
      runs: ROUNDS,
      goal: 0.2,
      what: `检查 ${COUNT} 个扫描件 / 完整读取它们${cold ? '(冷缓存)' : ''}`,
      ...(cold ? (ratio > 0.2 ? { note: why } : {}) : { note: '无法逐个文件清出页缓存(dd iflag=nocache 或 fincore 不可用),在页缓存中测量' }),
      extra: {
        meanFileKB: Math.round(total / COUNT / KB),
        meanReadKB: Number((bytesRead / COUNT / KB).toFixed(1)),
        warmInspectMs: Math.round(warm.medianA),
        warmReadMs: Math.round(warm.medianB),
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
