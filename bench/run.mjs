// Runs every bench/*.bench.ts: each is bundled with esbuild into dist/bench and run with node in its own process
// (with --expose-gc so a benchmark can measure memory after a collection). Timed figures belong here, never in unit tests.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const benches = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
for (const file of benches) {
  const out = join(root, 'dist', 'bench', file.replace(/\.ts$/, '.js'));
  execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), [join('bench', file), '--bundle', '--platform=node', '--target=node20', '--packages=external', `--outfile=${out}`, '--log-level=warning'], { cwd: root, stdio: 'inherit' });
  console.log(`\n=== ${file} ===`);
  execFileSync(process.execPath, ['--expose-gc', out], { cwd: root, stdio: 'inherit' });
}
