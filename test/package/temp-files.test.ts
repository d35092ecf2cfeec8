/** The package's temporary file is removed on Ctrl-C and kill, where no `finally` runs (its own process, killed for real). */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

it.each(['SIGINT', 'SIGTERM'] as const)('a tracked temporary file is gone after %s, and the process still ends by the signal', async (signal) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xj-temp-'));
  const entry = path.join(dir, 'entry.ts');
  const part = path.join(dir, '.材料包.zip.part');
  writeFileSync(
    entry,
    `import { writeFileSync } from 'node:fs';
import { trackTempFile } from ${JSON.stringify(path.join(ROOT, 'src', 'package', 'temp-files'))};
writeFileSync(${JSON.stringify(part)}, 'half a package');
trackTempFile(${JSON.stringify(part)});
process.stdout.write('ready\\n');
setInterval(() => undefined, 1000);
`,
  );
  const bundle = path.join(dir, 'entry.js');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--platform=node', `--outfile=${bundle}`, '--log-level=warning'], { cwd: ROOT });
  const child = spawn(process.execPath, [bundle], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  expect(existsSync(part)).toBe(true);
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
  child.kill(signal);
  expect(await ended).toBe(signal);
  expect(existsSync(part)).toBe(false);
}, 60_000);
