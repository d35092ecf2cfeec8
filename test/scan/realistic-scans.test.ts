/**
 * A realistic scan folder, generated: flatbed scans (A4 at 300 and 200 dpi, 身份证 and 户口本 pages), 高拍仪
 * images (2592×1944 tagged 96 dpi, 3264×2448 tagged 72 dpi), phone photos (EXIF make and model, or only a GPS
 * position), a phone screenshot of 学信网, a PNG named .jpg, files and folders named as copies (复印件, 翻拍) and a
 * folder named by 姓名 only. The compliant folder gives no error and no warning from the scan and evidence rules;
 * each planted defect gives exactly its problem; the package of a folder with every fixable defect names the files
 * by content and retags the 高拍仪 images, leaving their image data untouched. (The real files of the shared corpus
 * are run through the same rules in corpus.test.ts, and retagged in test/package/retag.test.ts.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { runPackageCommand } from '../../src/cli/package-command';
import { ALL_RULES } from '../../src/rules/checks';
import { readWorkbookModel, validateWorkbook } from '../../src/rules/engine';
import type { WorkbookGrid } from '../../src/rules/grid';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { inspectScan } from '../../src/scan/inspect';
import { loadScanFolder } from '../../src/scan/node-folder';
import { bytesSource } from '../../src/scan/source';
import { makeJpeg, makePng } from '../../scripts/synth-images';
import { correctionSheet } from '../helpers/sheets';
import { removeTempDirs, tempDir } from '../package/fixtures';
import { writeWorkbook } from '../package/scenario';

afterAll(removeTempDirs);

const AS_OF = '2026-11-29';
const SCAN_RULES = ALL_RULES.filter((r) => r.meta.id.startsWith('scan-') || r.meta.id.startsWith('evidence-'));

const GRID: WorkbookGrid = {
  name: '学生基本信息修改情况统计表',
  sheets: [
    correctionSheet('new', [
      { 学号: '2609001250001', 姓名: '张三', 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', 入学学期: '2026秋', 变更日期: '2026-10-08' },
      { 学号: '2609001250002', 姓名: '李四', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误', 入学学期: '2026秋' },
      { 学号: '2609001250003', 姓名: '王五', 更正内容: '姓名', 更正前: '王武', 更正后: '王五', 更正原因: '信息变更', 入学学期: '2026秋', 变更日期: '2026-10-20' },
      { 学号: '2609001250004', 姓名: '赵六', 更正内容: '入学文化程度', 更正前: '高中', 更正后: '本科', 更正原因: '录入错误', 入学学期: '2026秋' },
    ]),
    correctionSheet('graduate', [
      { 注册证号: '511611202406000001', 学号: '2209001200009', 姓名: '钱七', 更正内容: '民族', 更正前: '汉族', 更正后: '满族', 更正原因: '录入错误', 毕业时间: '2024-07-01' },
    ]),
  ],
};

// Every scan is made distinct (a JPEG COM segment, a PNG tEXt chunk): the same bytes for two students are an error.
let serial = 0;
const mark = () => `scan ${++serial}`;
const note = () => [{ type: 'tEXt', data: new TextEncoder().encode(`Comment\0${mark()}`) }];
const jpg = (width: number, height: number, opts: Omit<Parameters<typeof makeJpeg>[0], 'width' | 'height'> = {}) => () => makeJpeg({ width, height, comment: mark(), ...opts });
const png = (width: number, height: number, opts: Omit<Parameters<typeof makePng>[0], 'width' | 'height'> = {}) => () => makePng({ width, height, chunks: note(), ...opts });

const SCANNED = {
  /** 身份证 both sides on one page (86 × 115 mm) on a flatbed at 300 dpi. */
  idCard300: jpg(1016, 1358, { dpi: 300 }),
  /** 身份证 page cropped a little larger (105 × 148 mm) at 200 dpi. */
  idCard200: jpg(827, 1169, { dpi: 200 }),
  a4At300: jpg(2480, 3508, { dpi: 300 }),
  a4At200Jpeg: jpg(1654, 2339, { dpi: 200 }),
  a4At200Png: png(1654, 2339, { dpi: 200 }),
  /** A 户口本 page (105 × 143 mm) at 300 dpi. */
  hukou300: png(1240, 1689, { dpi: 300 }),
};

type Folder = Record<string, () => Uint8Array>;

const COMPLIANT: Folder = {
  '2609001250001张三/身份证.jpg': SCANNED.idCard300,
  '2609001250002李四/身份证.jpg': SCANNED.idCard200,
  '2609001250002李四/报名登记表.jpg': SCANNED.a4At300,
  '2609001250003王五/身份证.jpg': SCANNED.idCard300,
  '2609001250003王五/户口本.png': SCANNED.hukou300,
  '2609001250004赵六/学历网查.png': SCANNED.a4At200Png,
  '511611202406000001钱七/身份证.jpg': SCANNED.idCard200,
  '511611202406000001钱七/报名登记表.jpg': SCANNED.a4At200Jpeg,
  '511611202406000001钱七/毕业生登记表.png': SCANNED.a4At200Png,
};

const DEFECTS = {
  gaopaiyi96: jpg(2592, 1944, { dpi: 96 }),
  gaopaiyi72: jpg(3264, 2448, { dpi: 72, densityIn: 'exif', noJfif: true, exif: { make: 'LIANGTIAN', model: 'S1800' } }),
  a4Tagged72: jpg(1654, 2339, { dpi: 72 }),
  idCard150: jpg(508, 679, { dpi: 150 }),
  smallTagged300: png(600, 850, { dpi: 300 }),
  phone: jpg(3264, 2448, { dpi: 72, densityIn: 'exif', noJfif: true, exif: { make: 'HUAWEI', model: 'ELS-AN00', gps: true } }),
  gpsOnly: jpg(3264, 2448, { dpi: 72, densityIn: 'exif', noJfif: true, exif: { gps: { lat: 31.23, lon: 121.47 } } }),
  phoneScreenshot: png(1170, 2532),
  pngIdCard: png(827, 1169, { dpi: 200 }),
};

/** The compliant folder with files replaced (a value) or removed (null), and files added. */
function variant(changes: Record<string, (() => Uint8Array) | null>): Folder {
  const out: Folder = { ...COMPLIANT };
  for (const [file, make] of Object.entries(changes)) {
    if (make) out[file] = make;
    else delete out[file];
  }
  return out;
}

function writeFolder(files: Folder): string {
  const dir = tempDir('scans');
  for (const [rel, make] of Object.entries(files)) {
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), make()); // a new mark each time: no two files alike
  }
  return dir;
}

/** The scan and evidence problems of a folder, as "rule:severity file". */
async function problemsOf(files: Folder): Promise<string[]> {
  const { students } = readWorkbookModel(GRID, DEFAULT_POLICY);
  const { scans } = await loadScanFolder(writeFolder(files), students, DEFAULT_POLICY);
  const { problems } = validateWorkbook(GRID, { asOf: AS_OF, scans, rules: SCAN_RULES });
  return problems.map((p) => `${p.rule}:${p.severity} ${p.file}`);
}

describe('a realistic scan folder', () => {
  it('compliant scans (flatbed 身份证, 户口本 and A4 pages at 200 and 300 dpi): no error, no warning, no note', async () => {
    expect(await problemsOf(COMPLIANT)).toEqual([]);
  });

  it.each<[string, Record<string, (() => Uint8Array) | null>, string[]]>([
    ['高拍仪 2592×1944 tagged 96 dpi', { '2609001250001张三/身份证.jpg': DEFECTS.gaopaiyi96 }, ['scan-density-tag:warning 2609001250001张三/身份证.jpg']],
    [
      '高拍仪 3264×2448 tagged 72 dpi in EXIF, a 户口本 page',
      { '2609001250003王五/户口本.png': null, '2609001250003王五/户口本.jpg': DEFECTS.gaopaiyi72 },
      ['scan-density-tag:warning 2609001250003王五/户口本.jpg'],
    ],
    ['an A4 scan of 1654×2339 tagged 72 dpi', { '511611202406000001钱七/报名登记表.jpg': DEFECTS.a4Tagged72 }, ['scan-density-tag:warning 511611202406000001钱七/报名登记表.jpg']],
    ['a 身份证 page scanned at 150 dpi', { '2609001250002李四/身份证.jpg': DEFECTS.idCard150 }, ['scan-low-resolution:error 2609001250002李四/身份证.jpg']],
    [
      'a small image tagged 300 dpi',
      { '511611202406000001钱七/毕业生登记表.png': DEFECTS.smallTagged300 },
      ['scan-low-resolution:error 511611202406000001钱七/毕业生登记表.png'],
    ],
    ['a phone photo (HUAWEI, GPS), 72 dpi with plenty of pixels', { '2609001250001张三/身份证.jpg': DEFECTS.phone }, ['scan-phone-photo:error 2609001250001张三/身份证.jpg']],
    ['a photo with only a GPS position', { '2609001250003王五/身份证.jpg': DEFECTS.gpsOnly }, ['scan-phone-photo:error 2609001250003王五/身份证.jpg']],
    ['a phone screenshot of 学信网', { '2609001250004赵六/学历网查.png': DEFECTS.phoneScreenshot }, ['scan-screenshot:warning 2609001250004赵六/学历网查.png']],
    ['a PNG named .jpg', { '2609001250002李四/身份证.jpg': DEFECTS.pngIdCard }, ['scan-format:warning 2609001250002李四/身份证.jpg']],
    [
      '复印件 in the file name',
      { '2609001250003王五/户口本.png': null, '2609001250003王五/户口本复印件.png': SCANNED.hukou300 },
      ['scan-not-original:warning 2609001250003王五/户口本复印件.png'],
    ],
    [
      'a folder named 翻拍',
      { '511611202406000001钱七/身份证.jpg': null, '511611202406000001钱七/翻拍/身份证.jpg': SCANNED.idCard200 },
      ['scan-not-original:warning 511611202406000001钱七/翻拍/身份证.jpg'],
    ],
    [
      'a folder named by 姓名 only',
      { '2609001250004赵六/学历网查.png': null, '赵六/学历网查.png': SCANNED.a4At200Png },
      ['evidence-name-only:info 赵六/学历网查.png'],
    ],
  ])('%s: exactly its problem', async (_name, changes, expected) => {
    expect(await problemsOf(variant(changes))).toEqual(expected);
  });

  it('packages a folder with every fixable defect: named by content, the 高拍仪 and 72 dpi scans retagged, image data untouched', async () => {
    const files = variant({
      '2609001250001张三/身份证.jpg': DEFECTS.gaopaiyi96,
      '2609001250002李四/身份证.jpg': DEFECTS.pngIdCard,
      '2609001250003王五/户口本.png': null,
      '2609001250003王五/户口本复印件.jpg': DEFECTS.gaopaiyi72,
      '511611202406000001钱七/报名登记表.jpg': DEFECTS.a4Tagged72,
      '2609001250004赵六/学历网查.png': null,
      '赵六/学历网查.png': SCANNED.a4At200Png,
    });
    const dir = writeFolder(files);
    const workbook = path.join(dir, '..', `${path.basename(dir)}.xlsx`);
    await writeWorkbook(GRID, workbook);
    let out = '';
    let err = '';
    const code = await runPackageCommand([workbook, '--scans', dir, '--as-of', AS_OF, '--out', `${dir}.zip`], {
      cwd: dir,
      out: (t) => void (out += t),
      err: (t) => void (err += t),
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/5 个学生文件夹,9 个扫描件/);

    const zip = await JSZip.loadAsync(readFileSync(`${dir}.zip`));
    const packed = async (name: string) => new Uint8Array(await zip.file(name)!.async('uint8array'));
    // Named by content: the PNG that was named .jpg is 身份证.png.
    expect(zip.file('2609001250002李四/身份证.png')).not.toBeNull();
    expect(zip.file('2609001250002李四/身份证.jpg')).toBeNull();
    expect(zip.file('2609001250004赵六/学历网查.png')).not.toBeNull();
    const retagged: [string, string, number][] = [
      ['2609001250001张三/身份证.jpg', '2609001250001张三/身份证.jpg', 572],
      ['2609001250003王五/户口本.jpg', '2609001250003王五/户口本复印件.jpg', 580],
      ['511611202406000001钱七/报名登记表.jpg', '511611202406000001钱七/报名登记表.jpg', 283],
    ];
    for (const [entry, source, dpi] of retagged) {
      const original = new Uint8Array(readFileSync(path.join(dir, source)));
      const copy = await packed(entry);
      const info = await inspectScan(entry, bytesSource(copy));
      expect([entry, info.density?.x, info.density?.y, info.width, info.height]).toEqual([entry, dpi, dpi, ...(await dims(original))]);
      // Everything from the SOS segment on (the entropy-coded image) is the original's.
      const sos = (b: Uint8Array) => b.findIndex((v, i) => v === 0xff && b[i + 1] === 0xda);
      expect(Buffer.from(copy.subarray(sos(copy))).equals(Buffer.from(original.subarray(sos(original))))).toBe(true);
    }
    // Untouched scans are packed byte for byte.
    expect(Buffer.from(await packed('2609001250003王五/身份证.jpg')).equals(readFileSync(path.join(dir, '2609001250003王五/身份证.jpg')))).toBe(true);

    const report = await zip.file('校验报告.txt')!.async('string');
    expect(report).toContain('五、改写了分辨率标记的扫描件(3 个;');
    expect(report).toContain('2609001250001张三/身份证.jpg(原文件 2609001250001张三/身份证.jpg):96×96 dpi → 572×572 dpi');
    expect(report).toContain('2609001250003王五/户口本.jpg(原文件 2609001250003王五/户口本复印件.jpg):72×72 dpi → 580×580 dpi');
    expect(report).toContain('511611202406000001钱七/报名登记表.jpg(原文件 511611202406000001钱七/报名登记表.jpg):72×72 dpi → 283×283 dpi');
    expect(report).toMatch(/李四\/身份证\.jpg 的内容是 PNG,扩展名却是 \.jpg;材料包中会按实际格式命名为 \.png/);
  }, 60_000);
});

async function dims(bytes: Uint8Array): Promise<[number | undefined, number | undefined]> {
  const info = await inspectScan('x', bytesSource(bytes));
  return [info.width, info.height];
}
