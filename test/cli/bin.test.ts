// The installed command end to end: bin/xjcheck.js, and the bundle run directly (`node dist/cli.js`), each in its own process.
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

function bundle(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

// Built fresh, as `npm ci` does through `prepare`: a stale bundle would test old code.
beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
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

describe('node dist/cli.js, run directly (as a batch script would)', () => {
  it('runs the command line: a missing file is exit 2 with its message, never a silent exit 0', () => {
    const run = bundle('validate', '不存在.xlsx');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('xjcheck:找不到文件:不存在.xlsx\n');
  });

  it('no command: the help on stderr, exit 2', () => {
    const run = bundle();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/缺少命令。[\s\S]*xjcheck validate <工作簿\.xlsx>/);
  });

  (existsSync(EXAMPLE) ? it : it.skip)('validates the example: the report on stdout and exit 1 for its deliberate errors', () => {
    const run = bundle('validate', EXAMPLE, '--as-of', '2026-11-29');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^学籍更正助手 · 校验报告/);
    expect(run.stdout).toMatch(/结论:有 \d+ 项错误,改正并校验扫描件后才能导出材料包。\n$/);
  });

  it('requiring the bundle (as bin/xjcheck.js does) runs nothing by itself', () => {
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(CLI)})`], { cwd: ROOT, encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });
});
