/**
 * Builds the example: examples/学生基本信息修改情况统计表.xlsx (附表1–3 in the official layout, thirteen fictional
 * students with the mistakes registrars really make) and examples/scans/ (one folder of synthetic scans per
 * student, with a few scan mistakes); and the same submission as the registrar sends it after correcting every
 * error, in examples/out/已改正/ (not committed), which `npm run demo` packages. Deterministic: the same bytes on
 * every run. `npm run example`. examples/README.md lists every deliberate mistake.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeJpeg, makePng } from '../scripts/synth-images';
import { DEFAULT_POLICY, type TableKind } from '../src/rules/policy';
import { type TemplateRow, templateBytes } from '../src/xlsx/write-template';

const ROOT = path.resolve(__dirname, '..', 'examples');
const WORKBOOK = path.join(ROOT, '学生基本信息修改情况统计表.xlsx');
const SCANS = path.join(ROOT, 'scans');
const CORRECTED = path.join(ROOT, 'out', '已改正');
const FIXED_TIME = new Date(Date.UTC(2026, 10, 29, 9, 0, 0));
const BRANCH = '示例分部';

// GB 11643-1999: weights of the 17 digits, and the check character by remainder (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function idNumber(region: string, birth: string, seq: number): string {
  const body = region + birth + String(seq).padStart(3, '0');
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

/** The first ID of that person whose check character is X (the 17th digit keeps the gender: odd 男, even 女). */
function idEndingInX(region: string, birth: string, female: boolean): string {
  for (let seq = female ? 102 : 101; ; seq += 2) {
    const id = idNumber(region, birth, seq);
    if (id.endsWith('X')) return id;
  }
}

/** The same ID with a wrong check digit, as a typing slip leaves it. */
function wrongCheckDigit(id: string): string {
  const last = id[17];
  return id.slice(0, 17) + (last === 'X' ? '0' : String((Number(last) + 1) % 10));
}

const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const 张伟旧 = idNumber('510107', '20040315', 131);
const 孙丽旧 = idNumber('510104', '19920611', 204);
const 马超旧 = idNumber('511002', '19880902', 117);

const ROWS: Record<TableKind, TemplateRow[]> = {
  new: [
    { 学号: '2609001250003', 姓名: '王晓燕', 更正内容: '姓名', 更正前: '王小燕', 更正后: '王晓燕', 更正原因: '录入错误', 入学学期: '2026秋' },
    { 学号: '2609001250011', 姓名: '李建国', 更正内容: '民族', 更正前: '回族', 更正后: '汉', 更正原因: '录入错误', 入学学期: '2026秋' },
    // The 学号 typed as a number; the new ID number with a wrong check digit.
    { 学号: 2609001250017, 姓名: '张伟', 更正内容: '身份证号', 更正前: 张伟旧, 更正后: wrongCheckDigit(idNumber('510107', '20050315', 131)), 更正原因: '录入错误', 入学学期: '2026秋' },
    // Out of order: 2609001250008 belongs before 2609001250011.
    { 学号: '2609001250008', 姓名: '陈思远', 更正内容: '入学文化程度', 更正前: '高中', 更正后: '大专', 更正原因: '录入错误', 入学学期: '2026秋' },
    // A spring-2025 student: past the first term, belongs on the 在籍生 table.
    { 学号: '2509001200021', 姓名: '赵磊', 更正内容: '性别', 更正前: '女', 更正后: '男', 更正原因: '录入错误', 入学学期: '2025春', 备注: '学生本人申请' },
  ],
  enrolled: [
    // A trailing space after 本科, and a change more than 180 days before the as-of date.
    { 学号: '2409001250019', 姓名: '吴敏', 更正内容: '入学文化程度', 更正前: '专科', 更正后: '本科 ', 更正原因: '信息变更', 入学学期: '2024秋', 变更日期: date(2025, 12, 1) },
    { 学号: '2509001200005', 姓名: '刘芳', 更正内容: '姓名', 更正前: '刘芳', 更正后: '刘思彤', 更正原因: '信息变更', 入学学期: '2025春', 变更日期: date(2026, 10, 12) },
    // The new ID number ends in a lower-case x.
    { 学号: '2509001200013', 姓名: '孙丽', 更正内容: '身份证号', 更正前: 孙丽旧, 更正后: idEndingInX('510104', '19920611', true).toLowerCase(), 更正原因: '信息变更', 入学学期: '2025春', 变更日期: date(2026, 9, 20) },
    // 姓名 and 身份证号 both changed in one submission (双改).
    { 学号: '2509001200030', 姓名: '马超', 更正内容: '姓名', 更正前: '马超', 更正后: '马超然', 更正原因: '信息变更', 入学学期: '2025春', 变更日期: date(2026, 8, 15) },
    { 学号: '2509001200030', 姓名: '马超', 更正内容: '身份证号', 更正前: 马超旧, 更正后: idNumber('511002', '19880912', 117), 更正原因: '信息变更', 入学学期: '2025春', 变更日期: date(2026, 8, 15) },
    // A 录入错误 on the 在籍生 table: past the first term, a 个例 that needs the 主管校长's written report.
    { 学号: '2509001250002', 姓名: '周杰', 更正内容: '民族', 更正前: '满族', 更正后: '蒙古族', 更正原因: '录入错误', 入学学期: '2025秋' },
  ],
  graduate: [
    // 入学文化程度 cannot be corrected on the graduate table.
    { 注册证号: '511611202406000456', 学号: '2109001200077', 姓名: '黄河', 更正内容: '入学文化程度', 更正前: '高中', 更正后: '大专', 更正原因: '录入错误', 毕业时间: date(2024, 1, 15) },
    { 注册证号: '511611202506000123', 学号: '2309001250031', 姓名: '郑洁', 更正内容: '姓名', 更正前: '郑杰', 更正后: '郑洁', 更正原因: '录入错误', 毕业时间: date(2025, 7, 10) },
    // A change after graduation: not accepted.
    { 注册证号: '511611202506000200', 学号: '2309001250044', 姓名: '林静', 更正内容: '民族', 更正前: '汉族', 更正后: '土家族', 更正原因: '信息变更', 变更日期: date(2026, 3, 10), 毕业时间: date(2025, 7, 10) },
  ],
};

/** The table after the registrar corrected every error: rows sorted, right digits, rows that cannot be accepted removed. */
const CORRECTED_ROWS: Record<TableKind, TemplateRow[]> = {
  new: [
    ROWS.new[0],
    ROWS.new[3],
    { ...ROWS.new[1], 更正后: '汉族' },
    { ...ROWS.new[2], 学号: '2609001250017', 更正后: idNumber('510107', '20050315', 131) },
    ROWS.new[4],
  ].sort((a, b) => String(a.学号).localeCompare(String(b.学号))),
  enrolled: ROWS.enrolled.map((r, i) => (i === 0 ? { ...r, 更正后: '本科' } : i === 2 ? { ...r, 更正后: String(r.更正后).toUpperCase() } : r)),
  graduate: [ROWS.graduate[1]],
};

const numbered = (rows: TemplateRow[]) => rows.map((r, i) => ({ 序号: i + 1, 分部名称: BRANCH, ...r }));

async function buildWorkbook(file: string, rows: Record<TableKind, TemplateRow[]>): Promise<void> {
  const bytes = await templateBytes(DEFAULT_POLICY, {
    rows: { new: numbered(rows.new), enrolled: numbered(rows.enrolled), graduate: numbered(rows.graduate) },
    dataRows: 0,
    infoLines: Object.fromEntries(
      (['new', 'enrolled', 'graduate'] as const).map((k, i) => [k, `附表${i + 1}    分部名称:${BRANCH}                    填报日期:2026年11月29日`]),
    ),
    modified: FIXED_TIME,
  });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

// Scans: an ID card page (both sides on one 105×148 mm page) as JPEG, other documents as A5 PNG pages.
// Every scan is cropped a little differently, as real ones are: identical bytes for two students is an error.
let crop = 0;
const idCard = () => makeJpeg({ width: 827 + crop++, height: 1169, dpi: 200 });
const page = (dpi = 200) => makePng({ width: 1169 + crop++, height: 1654, dpi });

const SCAN_FILES: Record<string, Record<string, () => Uint8Array>> = {
  // Scanned at 72 dpi: an A5 page of about 420×595 pixels, too few whatever the tag says.
  '2609001250003王晓燕': { '身份证.jpg': idCard, '报名登记表.png': () => makePng({ width: 420 + crop++, height: 595, dpi: 72 }) },
  '2609001250011李建国': {
    '身份证.jpg': () => makeJpeg({ width: 960, height: 1280, dpi: 72, densityIn: 'exif', noJfif: true, exif: { make: 'HUAWEI', model: 'ALN-AL00', gps: true } }),
    '报名登记表.png': () => page(),
  },
  '2609001250017张伟': { '身份证.jpg': idCard, '报名登记表.png': () => page() },
  '2609001250008陈思远': { '学信网截图 (1).JPEG': () => makeJpeg({ width: 1654, height: 1169, dpi: 200 }) },
  '2509001200021赵磊': { '身份证.jpg': idCard, '报名登记表.png': () => page() },
  '2409001250019吴敏': { '学历认证报告.png': () => page(300) },
  '2509001200005刘芳': { '身份证.jpg': idCard },
  '2509001200013孙丽': { '身份证.jpg': idCard, '身份证号码更正告知函.png': () => page() },
  '2509001200030马超': { '身份证.jpg': idCard, '户口本.png': () => page(), '户籍变更证明.png': () => page() },
  '2509001250002周杰': { '身份证.jpg': idCard, '报名登记表.png': () => page() },
  '511611202406000456黄河': { '学历网查.png': () => page(), '毕业生登记表.png': () => page() },
  '511611202506000123郑洁': { '身份证.jpg': idCard, '报名登记表.png': () => page(), '毕业登记表-扫描件.PNG': () => page() },
  '511611202506000200林静': { '身份证.jpg': idCard, '毕业生登记表.png': () => page() },
  // A student who is on no table.
  '2609001250099何平': { '身份证.jpg': idCard },
};

/** The scans after the registrar rescanned the bad ones, added the missing 户口本 and took out the stray folder. */
const { '2609001250099何平': _stray, '511611202406000456黄河': _notAccepted, '511611202506000200林静': _afterGraduation, ...KEPT_SCANS } = SCAN_FILES;
const CORRECTED_SCAN_FILES: Record<string, Record<string, () => Uint8Array>> = {
  ...KEPT_SCANS,
  '2609001250003王晓燕': { '身份证.jpg': idCard, '报名登记表.png': () => page() },
  // Rescanned on a 高拍仪: plenty of pixels, tagged 96 dpi (scan-density-tag: the package retags its copy).
  '2609001250011李建国': { '身份证.jpg': () => makeJpeg({ width: 2592, height: 1944, dpi: 96 }), '报名登记表.png': () => page() },
  '2509001200005刘芳': { '身份证.jpg': idCard, '户口本.png': () => page() },
};

async function buildScans(dir: string, scanFiles: Record<string, Record<string, () => Uint8Array>>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [folder, files] of Object.entries(scanFiles)) {
    await mkdir(path.join(dir, folder), { recursive: true });
    for (const [name, make] of Object.entries(files)) await writeFile(path.join(dir, folder, name), make());
  }
}

async function run(): Promise<void> {
  await buildWorkbook(WORKBOOK, ROWS);
  await buildScans(SCANS, SCAN_FILES);
  await buildWorkbook(path.join(CORRECTED, path.basename(WORKBOOK)), CORRECTED_ROWS);
  await buildScans(path.join(CORRECTED, 'scans'), CORRECTED_SCAN_FILES);
  const rel = (p: string) => path.relative(process.cwd(), p);
  console.log(`已生成示例:${rel(WORKBOOK)} 和 ${rel(SCANS)}/;改正后的版本:${rel(CORRECTED)}/`);
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
