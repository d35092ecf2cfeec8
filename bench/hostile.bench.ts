// Times the hostile inputs of issue 11 through the command line, each in its own process: exit code, wall time,
// peak RSS and the input's size on disk (test/reliability/hostile.test.ts checks the outcomes, not the times).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { HOSTILE_WORKBOOKS } from '../scripts/hostile-inputs';
import { tempDir } from '../test/cli/workbooks';
import { bundleCli, runMeasured } from '../test/reliability/measured-cli';

function run(): void {
  const cli = bundleCli();
  const dir = tempDir();
  console.log(`${'input'.padEnd(34)} ${'on disk'.padStart(9)} exit ${'time'.padStart(8)} ${'peak RSS'.padStart(9)}`);
  for (const hostile of HOSTILE_WORKBOOKS) {
    const bytes = hostile.bytes();
    const file = path.join(dir, `${hostile.id}.xlsx`);
    writeFileSync(file, bytes);
    const r = runMeasured(cli, ['validate', file, '--as-of', '2026-11-29'], dir);
    const size = bytes.length < 1024 * 1024 ? `${(bytes.length / 1024).toFixed(0)} KB` : `${(bytes.length / 1024 / 1024).toFixed(1)} MB`;
    console.log(`${hostile.id.padEnd(34)} ${size.padStart(9)} ${String(r.code ?? r.signal).padStart(4)} ${`${r.ms} ms`.padStart(8)} ${`${r.peakMb.toFixed(0)} MB`.padStart(9)}`);
  }
}

run();
