// `npm run demo`: validates the example as the registrar first filled it (with its deliberate mistakes, exit 1 is
// expected), writes the 信息修改书面报告 of the corrected version (with its 个例), then packages the corrected version
// and prints the package's path. Fails only when a step cannot run.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const xjcheck = (args) => spawnSync(process.execPath, [join(root, 'bin', 'xjcheck.js'), ...args], { cwd: root, stdio: 'inherit' }).status;
const step = (title) => console.log(`\n================ ${title} ================\n`);

step('1. 校验登记员填好的统计表和扫描件(示例中故意留有错误)');
const first = xjcheck(['validate', 'examples/学生基本信息修改情况统计表.xlsx', '--scans', 'examples/scans', '--as-of', '2026-11-29']);
if (first !== 0 && first !== 1) process.exit(first ?? 2);

step('2. 改正全部错误后,生成信息修改书面报告(含个例,供处长和主管校长签字)');
const report = xjcheck(['report', 'examples/out/已改正/学生基本信息修改情况统计表.xlsx', '--as-of', '2026-11-29', '--force']);
if (report !== 0) process.exit(report ?? 2);

step('3. 生成材料包(统计表、校验报告.txt、信息修改书面报告.docx 和每名学生的文件夹)');
const second = xjcheck(['package', 'examples/out/已改正/学生基本信息修改情况统计表.xlsx', '--scans', 'examples/out/已改正/scans', '--as-of', '2026-11-29']);
process.exit(second ?? 2);
