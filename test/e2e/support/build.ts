/**
 * Builds the pane for the end-to-end tests into dist/e2e (office.js from the local package, so the page needs no
 * network), and the WPS add-in into dist/e2e-wps, each unless that build is newer than every source file. Test files may run in parallel workers: a lock
 * directory makes one of them build while the others wait.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project root: the nearest folder up with webpack.config.js (this file also runs bundled, from dist/bench). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'webpack.config.js'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root above ${from}`);
  }
}

export const ROOT = projectRoot(__dirname);
export const E2E_DIST = path.join(ROOT, 'dist', 'e2e');
const STAMP = path.join(E2E_DIST, 'taskpane.html');
const LOCK = path.join(ROOT, 'dist', '.e2e-build.lock');

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function isStale(stamp: string, extraInputs: string[]): boolean {
  if (!existsSync(stamp)) return true;
  const inputs = ['src', 'webpack.config.js', 'manifest.xml', 'manifest-legacy.xml', 'assets', 'package.json', ...extraInputs].map((f) => path.join(ROOT, f)).filter(existsSync);
  return Math.max(...inputs.map(newestMtime)) > statSync(stamp).mtimeMs;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensurePaneBuilt(): void {
  ensureBuilt(STAMP, ['--env', 'officejs=local', '--env', 'out=dist/e2e']);
}

/** The WPS add-in (wps/webpack.wps.js) for the WPS run, into dist/e2e-wps (the pane in dist/e2e-wps/xjgz). */
export const E2E_WPS_DIST = path.join(ROOT, 'dist', 'e2e-wps');

export function ensureWpsBuilt(): void {
  ensureBuilt(path.join(E2E_WPS_DIST, 'xjgz', 'taskpane.html'), ['--env', 'target=wps', '--env', 'out=dist/e2e-wps'], ['wps']);
}

function ensureBuilt(stamp: string, args: string[], extraInputs: string[] = []): void {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than 10 minutes is left from a killed run.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    if (isStale(stamp, extraInputs))
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', ...args], {
        cwd: ROOT,
        stdio: 'pipe',
      });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
