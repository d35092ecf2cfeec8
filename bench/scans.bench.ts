/**
 * Scan inspection against plain reading: 1,000 generated scans of realistic sizes (a few encoded images,
 * padded to vary their size) are written to a temp folder, then (a) every file is read fully from disk and
 * (b) every file is inspected (header and tail reads only), in one run, side by side: first from the page
 * cache (the files were just written), then, where the page cache can be dropped, cold from the disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectFile } from '../src/scan/node-folder';
import { mapConcurrent } from '../src/scan/pool';
import { type JpegOptions, type PngOptions, makeJpeg, makePng } from '../scripts/synth-images';

const COUNT = 1000;
const KB = 1024;

type Variant = { name: string; make: (padTo: number) => Uint8Array };
const jpegVariant = (name: string, o: JpegOptions): Variant => ({ name, make: (padTo) => makeJpeg({ ...o, padTo }) });
const pngVariant = (name: string, o: PngOptions): Variant => ({ name, make: (padTo) => makePng({ ...o, padTo }) });

const VARIANTS: Variant[] = [
  jpegVariant('A4 200 dpi JPEG', { width: 1654, height: 2339, dpi: 200, quality: 75, noise: 14 }),
  jpegVariant('A4 300 dpi JPEG', { width: 2480, height: 3508, dpi: 300, densityIn: 'both', quality: 70, noise: 10 }),
  jpegVariant('A5 200 dpi JPEG', { width: 1166, height: 1654, dpi: 200, quality: 85, noise: 16 }),
  jpegVariant('phone photo', { width: 2448, height: 3264, dpi: 72, densityIn: 'exif', noJfif: true, quality: 85, noise: 24, exif: { make: 'Apple', model: 'iPhone 13', gps: true } }),
  pngVariant('A4 200 dpi PNG', { width: 1654, height: 2339, dpi: 200, noise: 6 }),
  pngVariant('phone screenshot PNG', { width: 1170, height: 2532, idot: true, dpi: 144 }),
];

/** Empties the kernel's page cache so the next reads come from the disk; false where that is not allowed. */
async function dropPageCache(): Promise<boolean> {
  try {
    execFileSync('sync');
    await writeFile('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

function formatMs(ms: number): string {
  return `${ms.toFixed(0)} ms`;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'xj-bench-scans-'));
  try {
    let t = performance.now();
    const bases = VARIANTS.map((v) => v.make(0));
    console.log(`encoded ${VARIANTS.length} base images in ${formatMs(performance.now() - t)}:`);
    VARIANTS.forEach((v, i) => console.log(`  ${v.name}: ${(bases[i].length / KB).toFixed(0)} KB`));

    t = performance.now();
    const names: string[] = [];
    let total = 0;
    for (let i = 0; i < COUNT; i++) {
      const v = i % VARIANTS.length;
      // 0–400 KB of padding (JPEG COM segments / PNG tEXt) so sizes spread like real scans.
      const bytes = VARIANTS[v].make(bases[v].length + ((i * 7919) % 400) * KB);
      const name = `${String(i).padStart(4, '0')}.${v < 4 ? 'jpg' : 'png'}`;
      await writeFile(join(dir, name), bytes);
      names.push(name);
      total += bytes.length;
    }
    console.log(`wrote ${COUNT} files, ${(total / KB / KB).toFixed(0)} MB in all (mean ${(total / COUNT / KB).toFixed(0)} KB), in ${formatMs(performance.now() - t)}`);

    const readPath = async (name: string) => (await readFile(join(dir, name))).length;
    const inspectPath = (name: string) => inspectFile(dir, name);
    // Warm-up pass of each, so neither side pays for first-time compilation.
    for (const n of names.slice(0, 20)) await readPath(n);
    for (const n of names.slice(0, 20)) await inspectPath(n);

    // Best of three alternating rounds: the machine is shared, and the minimum is the least disturbed figure.
    let inspectedBytes = 0;
    for (const limit of [1, 8]) {
      let readMs = Infinity;
      let inspectMs = Infinity;
      let readMb = 0;
      for (let round = 0; round < 3; round++) {
        t = performance.now();
        const sizes = await mapConcurrent(names, limit, readPath);
        readMs = Math.min(readMs, performance.now() - t);
        t = performance.now();
        const infos = await mapConcurrent(names, limit, inspectPath);
        inspectMs = Math.min(inspectMs, performance.now() - t);
        if (infos.some((i) => i.corrupt)) throw new Error('a generated file was judged corrupt');
        inspectedBytes = infos.reduce((n, i) => n + (i.bytesRead ?? 0), 0);
        readMb = sizes.reduce((n, s) => n + s, 0) / KB / KB;
      }
      console.log(`\n${limit === 1 ? 'one file at a time' : `${limit} files at a time`} (best of 3):`);
      console.log(`  (a) read every file fully: ${formatMs(readMs)} (${readMb.toFixed(0)} MB)`);
      console.log(`  (b) inspect every file:    ${formatMs(inspectMs)} (${(inspectedBytes / KB / KB).toFixed(1)} MB read)`);
      console.log(`  inspect / read time:       ${(inspectMs / readMs).toFixed(2)}`);
    }
    // Cold cache: what a registrar's first pass over a folder on a disk, USB stick or network share costs. Needs
    // root (drop_caches); elsewhere the warm-cache figures above are all there is.
    if (await dropPageCache()) {
      let readMs = Infinity;
      let inspectMs = Infinity;
      for (let round = 0; round < 3; round++) {
        await dropPageCache();
        t = performance.now();
        await mapConcurrent(names, 8, readPath);
        readMs = Math.min(readMs, performance.now() - t);
        await dropPageCache();
        t = performance.now();
        await mapConcurrent(names, 8, inspectPath);
        inspectMs = Math.min(inspectMs, performance.now() - t);
      }
      console.log('\ncold page cache, 8 files at a time (best of 3):');
      console.log(`  (a) read every file fully: ${formatMs(readMs)}`);
      console.log(`  (b) inspect every file:    ${formatMs(inspectMs)}`);
      console.log(`  inspect / read time:       ${(inspectMs / readMs).toFixed(2)}`);
    } else console.log('\ncold page cache: not measured (dropping the page cache needs root)');
    console.log(`\nmean bytes read per file by inspection: ${(inspectedBytes / COUNT / KB).toFixed(1)} KB of ${(total / COUNT / KB).toFixed(0)} KB (${((100 * inspectedBytes) / total).toFixed(2)} %)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
