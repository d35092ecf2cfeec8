// `npm run bench [-- name]`: bundles each bench/*.figure.ts and bench/*.bench.ts with esbuild into dist/bench and runs
// it with node in its own process (--expose-gc, so a figure can collect before measuring memory). The figures the
// *.figure.ts files print are written to bench/results.json (contract: bench/lib/figure.ts) and shown as a table;
// *.bench.ts files print further figures of their own. With a name, only the matching files run and their figures
// replace the same ids in results.json. A file that cannot be built, exits non-zero, or (a figure file) prints no
// usable figure makes the run exit 1, named in the last lines; so does a full run that lacks one of the issue's
// ids. Timed figures belong here, never in unit tests. The table and the merge are in bench/lib/results.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
const bundle = (entry, outfile, format = 'cjs') =>
  execFileSync(esbuild, [entry, '--bundle', '--platform=node', '--target=node20', '--packages=external', `--format=${format}`, `--outfile=${outfile}`, '--log-level=warning'], { cwd: root, stdio: 'inherit' });

const resultsModule = join(root, 'dist', 'bench', 'lib', 'results.mjs');
bundle(join('bench', 'lib', 'results.ts'), resultsModule, 'esm');
const { figureProblems, formatTable, mergeResults, missingIds, sortFigures } = await import(pathToFileURL(resultsModule).href);

const files = readdirSync(join(root, 'bench'))
  .filter((f) => /\.(figure|bench)\.ts$/.test(f) && (!only || f.includes(only)))
  .sort((a, b) => Number(b.endsWith('.figure.ts')) - Number(a.endsWith('.figure.ts')) || a.localeCompare(b));
if (files.length === 0) {
  console.error(`没有与“${only}”匹配的 bench/*.figure.ts 或 bench/*.bench.ts`);
  process.exit(1);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node.js ${process.version}`;
console.log(`machine: ${machine}`);

const started = performance.now();
const figures = [];
const failures = [];
for (const file of files) {
  const out = join(root, 'dist', 'bench', file.replace(/\.ts$/, '.js'));
  console.log(`\n=== ${file} ===`);
  try {
    bundle(join('bench', file), out);
  } catch {
    failures.push(`${file}: 构建失败(esbuild 的错误在上面)`);
    continue;
  }
  const fileStart = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', out], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  let printed = 0;
  for (const line of (run.stdout ?? '').split('\n')) {
    if (!line.startsWith('FIGURE ')) {
      if (line) console.log(line);
      continue;
    }
    const figure = JSON.parse(line.slice('FIGURE '.length));
    const problems = figureProblems(figure);
    if (problems.length) failures.push(`${file}: 指标 ${figure.id ?? '?'} 不可用:${problems.join(';')}`);
    else {
      figures.push(figure);
      printed++;
    }
  }
  console.log(`(${file}: ${((performance.now() - fileStart) / 1000).toFixed(0)} s)`);
  if (run.status !== 0) failures.push(`${file}: 运行失败(${run.error ? run.error.message : run.signal ? `信号 ${run.signal}` : `退出码 ${run.status}`},错误输出在上面)`);
  else if (file.endsWith('.figure.ts') && printed === 0) failures.push(`${file}: 没有输出任何指标`);
}

const resultsFile = join(root, 'bench', 'results.json');
const previous = only && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
const results = mergeResults(previous, figures);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\n${formatTable(sortFigures(figures), machine)}`);
console.log(`\n${figures.length} 个指标 → bench/results.json(共 ${results.length} 个),用时 ${((performance.now() - started) / 1000).toFixed(0)} s`);
const missing = only ? [] : missingIds(results);
if (missing.length) failures.push(`bench/results.json 缺少指标:${missing.join('、')}`);
if (failures.length) {
  console.error(`\n失败:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
