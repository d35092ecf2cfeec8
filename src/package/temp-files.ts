/**
 * Temporary files the process is writing (a package before its rename), removed on every way out: a normal exit,
 * an error (the writer removes its own), and Ctrl-C or a kill, where no `finally` runs. The signal is then raised
 * again, so the process still ends as the signal asks (exit 130 after Ctrl-C).
 */
import { rmSync } from 'node:fs';

const live = new Set<string>();
let installed = false;

function removeAll(): void {
  for (const file of live) rmSync(file, { force: true });
  live.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      removeAll();
      process.kill(process.pid, signal);
    });
}

export function trackTempFile(file: string): void {
  install();
  live.add(file);
}

export function untrackTempFile(file: string): void {
  live.delete(file);
}
