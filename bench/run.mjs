// `npm run bench [-- name]`: bundles each bench/*.figure.ts and bench/*.bench.ts with esbuild into dist/bench and runs
// it with node in its own process (--expose-gc, so a figure can collect before measuring memory). The figures the
// *.figure.ts files print are written to bench/results.json (contract: bench/lib/figure.ts) and shown as a table;
// *.bench.ts files print further figures of their own. With a name, only the matching files run and their figures
// replace the same ids in results.json. Timed figures belong here, never in unit tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const files = readdirSync(join(root, 'bench'))
  .filter((f) => /\.(figure|bench)\.ts$/.test(f) && (!only || f.includes(only)))
  .sort((a, b) => Number(b.endsWith('.figure.ts')) - Number(a.endsWith('.figure.ts')) || a.localeCompare(b));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node.js ${process.version}`;
console.log(`machine: ${machine}`);

const figures = [];
for (const file of files) {
  const out = join(root, 'dist', 'bench', file.replace(/\.ts$/, '.js'));
  execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), [join('bench', file), '--bundle', '--platform=node', '--target=node20', '--packages=external', `--outfile=${out}`, '--log-level=warning'], { cwd: root, stdio: 'inherit' });
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', out], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('FIGURE ')) figures.push(JSON.parse(line.slice('FIGURE '.length)));
    else if (line) console.log(line);
  }
  if (run.status !== 0) {
    console.error(`${file} failed (exit ${run.status ?? run.signal})`);
    process.exitCode = 1;
  }
}

const resultsFile = join(root, 'bench', 'results.json');
const kept = only && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).filter((f) => !figures.some((g) => g.id === f.id)) : [];
const results = [...kept, ...figures];
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

const fmt = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
console.log(`\n${machine}\n`);
console.log(`${'id'.padEnd(12)} ${'value'.padStart(10)} ${'baseline'.padStart(10)} ${'unit'.padEnd(5)} ${'ratio'.padStart(6)} ${'goal'.padStart(6)}  ok  runs  what`);
for (const f of figures) {
  const ok = f.ratio <= f.goal ? 'yes' : 'NO ';
  console.log(`${f.id.padEnd(12)} ${fmt(f.value).padStart(10)} ${fmt(f.baseline).padStart(10)} ${f.unit.padEnd(5)} ${f.ratio.toFixed(2).padStart(6)} ${('≤' + f.goal).padStart(6)}  ${ok} ${String(f.runs).padStart(4)}  ${f.what}${f.note ? ` (${f.note})` : ''}`);
}
console.log(`\n${figures.length} figures → bench/results.json`);
