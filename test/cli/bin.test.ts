// The installed command end to end: bin/xjcheck.js running the bundled dist/cli.js in its own process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'xjcheck.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLE = path.join(ROOT, 'examples', '学生基本信息修改情况统计表.xlsx');

function xjcheck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

beforeAll(() => {
  if (!existsSync(CLI))
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), ['src/cli/main.ts', '--bundle', '--platform=node', '--target=node20', `--outfile=${CLI}`, '--log-level=warning'], { cwd: ROOT });
}, 120_000);

it('prints the Chinese help and exits 0', () => {
  const run = xjcheck('--help');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/xjcheck validate <工作簿\.xlsx>/);
});

(existsSync(EXAMPLE) ? it : it.skip)('validates the example: the report on stdout, exit 1 for its deliberate errors', () => {
  const run = xjcheck('validate', EXAMPLE, '--as-of', '2026-11-29', '--json');
  expect(run.status).toBe(1);
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, asOf: '2026-11-29', tables: [{ sheet: '新生' }, { sheet: '在籍生' }, { sheet: '毕业生' }] });
});

it('a missing file: one Chinese line on stderr, exit 2, no stack trace', () => {
  const run = xjcheck('validate', '不存在.xlsx');
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe('xjcheck:找不到文件:不存在.xlsx\n');
});
