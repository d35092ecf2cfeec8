/**
 * The CLI in its own process, bundled fresh from the sources, with its peak memory: each hostile input must end
 * with exit 0, 1 or 2 and a Chinese message, under 1 GB. A run that does not end within `HANG_GUARD_MS` is killed
 * and fails (a guard against a hang, not a timing check: times are measured by `npm run bench -- hostile`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
export const HANG_GUARD_MS = 60_000;

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the process, in MB. */
  peakMb: number;
  ms: number;
}

/** Bundles src/cli/main.ts into a temporary folder; returns the bundle's path. */
export function bundleCli(): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'xjcheck-cli-')), 'cli.js');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), ['src/cli/main.ts', '--bundle', '--platform=node', '--target=node20', `--outfile=${out}`, '--log-level=warning'], {
    cwd: ROOT,
  });
  return out;
}

/** Runs `main(args)` of the bundle and reports the exit code and the peak RSS (process.resourceUsage, in the child). */
const RUNNER = `
const [cli, ...args] = process.argv.slice(1);
process.on('exit', () => require('fs').writeSync(2, '\\nPEAK_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));
require(cli).main(args, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), cwd: process.cwd() }).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write('UNCAUGHT ' + (e && e.stack)); process.exitCode = 99; },
);`;

/** `stdout: 'ignore'` sends the child's stdout to /dev/null (a benchmark that measures the CLI, not a pipe reader). */
export function runMeasured(cli: string, args: string[], cwd: string, options: { stdout?: 'pipe' | 'ignore' } = {}): MeasuredRun {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['-e', RUNNER, cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: HANG_GUARD_MS,
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  const ms = Date.now() - started;
  const peak = /\nPEAK_RSS_KB=(\d+)\n$/.exec(run.stderr);
  return {
    code: run.status,
    signal: run.signal,
    stdout: run.stdout ?? '',
    stderr: peak ? run.stderr.slice(0, peak.index) : run.stderr,
    peakMb: peak ? Number(peak[1]) / 1024 : NaN,
    ms,
  };
}
